namespace MolScreen.Chemistry.Tests.Agreement;

/// <summary>
/// Issue 3's second agreement set: a fixed 10k sample of ../shared/data libraries (DUD-E actives and
/// decoys, MUV), as "SMILES\tindex" lines.
/// </summary>
internal static class SharedLibrarySample
{
    public const string Name = "../shared/data sample (DUD-E + MUV, 10k, seed 20261123)";

    /// <summary>The sample; callers are <see cref="SharedDataFactAttribute"/> tests, skipped visibly outside CI when the data is absent.</summary>
    public static List<string> Load()
    {
        var shared = SharedData.Require();
        var pool = Directory.EnumerateFiles(Path.Combine(shared, "dude-ism-20"), "*.ism", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadLines(f).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]))
            .Concat(GzipLines(Path.Combine(shared, "muv", "muv.csv.gz")).Skip(1).Select(l => l[(l.LastIndexOf(',') + 1)..]))
            .ToList();
        var rng = new Random(20261123);
        return Enumerable.Range(0, pool.Count).OrderBy(_ => rng.Next()).Take(10_000).Order().Select(i => $"{pool[i]}\t{i}").ToList();
    }

    private static IEnumerable<string> GzipLines(string path)
    {
        using var r = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress));
        for (var l = r.ReadLine(); l != null; l = r.ReadLine()) yield return l;
    }
}
