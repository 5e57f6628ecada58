using MolScreen.BenchShared;
using System.Diagnostics;
using MolScreen.Chemistry.Fingerprints;

namespace MolScreen.Bench;

/// <summary>
/// Tanimoto comparisons per second on one core: one query streamed over a library too large for the cache,
/// many queries over the same library (tiled), and the maximum-similarity search, against RDKit's
/// BulkTanimotoSimilarity on the same fingerprints in the same run. Fingerprints are random with ECFP4's
/// density (~45 of 2048 bits); the cost of a comparison does not depend on which bits are set.
/// </summary>
public static class TanimotoBenchmark
{
    public static void Run(int libraryCount, int queries, string peerScript)
    {
        var rng = new Random(11);
        var library = SyntheticFingerprints.Make(rng, libraryCount);
        var query = SyntheticFingerprints.Make(rng, queries);
        var counts = new ushort[libraryCount];
        Tanimoto.PopCounts(library, counts);

        var one = new float[libraryCount];
        Tanimoto.Bulk(query.AsSpan(0, Tanimoto.FingerprintBytes), library, counts, one); // warm-up
        var sw = Stopwatch.StartNew();
        for (int q = 0; q < queries; q++) Tanimoto.Bulk(query.AsSpan(q * Tanimoto.FingerprintBytes, Tanimoto.FingerprintBytes), library, counts, one);
        double single = (double)libraryCount * queries / sw.Elapsed.TotalSeconds;

        var many = new float[(long)libraryCount * queries];
        sw.Restart();
        Tanimoto.BulkMany(query, library, counts, many);
        double tiled = (double)libraryCount * queries / sw.Elapsed.TotalSeconds;

        var maxima = new float[queries];
        sw.Restart();
        Tanimoto.MaxSimilarity(query, library, maxima);
        double max = (double)libraryCount * queries / sw.Elapsed.TotalSeconds;

        // RDKit builds Python bit vectors slowly: give it a 100k slice of the same library.
        int peerCount = Math.Min(libraryCount, 100_000);
        var dir = Directory.CreateTempSubdirectory("molscreen-tanimoto-");
        File.WriteAllBytes(Path.Combine(dir.FullName, "lib.bin"), library.AsSpan(0, peerCount * Tanimoto.FingerprintBytes).ToArray());
        File.WriteAllBytes(Path.Combine(dir.FullName, "q.bin"), query.AsSpan(0, Math.Min(queries, 10) * Tanimoto.FingerprintBytes).ToArray());
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true };
        foreach (var a in new[] { peerScript, Path.Combine(dir.FullName, "lib.bin"), Path.Combine(dir.FullName, "q.bin") }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var parts = p.StandardOutput.ReadToEnd().Trim().Split(' ');
        p.WaitForExit();
        dir.Delete(true);
        double rdkit = double.Parse(parts[1]) / double.Parse(parts[2]);

        Console.WriteLine($"library {libraryCount:N0} fingerprints ({libraryCount * 256L / 1e6:F0} MB), {queries} queries, one core");
        Console.WriteLine($"{"case",-60} {"M comparisons/s",16} {"vs RDKit",9}");
        foreach (var (name, rate) in new[] { ("molscreen Bulk, one query at a time (streams the library)", single),
                     ("molscreen BulkMany, all queries per cache tile", tiled), ("molscreen MaxSimilarity (tiled)", max),
                     ($"RDKit BulkTanimotoSimilarity ({peerCount:N0} x {Math.Min(queries, 10)})", rdkit) })
            Console.WriteLine($"{name,-60} {rate / 1e6,16:F1} {rate / rdkit,8:F1}x");
    }
}
