namespace MolScreen.Chemistry.Tests.Agreement;

/// <summary>
/// Issue 3's second agreement set: a fixed 10k sample of ../shared/data libraries (DUD-E actives and
/// decoys, MUV), as "SMILES\tindex" lines. Validation data: in CI (env CI set) a missing folder fails
/// the test; elsewhere the caller skips with the message.
/// </summary>
internal static class SharedLibrarySample
{
    public const string Name = "../shared/data sample (DUD-E + MUV, 10k, seed 20261123)";

    public static string Folder =>
        Environment.GetEnvironmentVariable("MOLSCREEN_SHARED_DATA")
        ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "data"));

    /// <summary>The sample, or null with <paramref name="skipped"/> set when the data is absent outside CI.</summary>
    public static List<string>? Load(out string skipped)
    {
        var shared = Folder;
        skipped = $"skipped: {shared} not found (runs in CI)";
        if (!Directory.Exists(shared))
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") == null, $"validation data missing in CI: {shared}");
            return null;
        }
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
