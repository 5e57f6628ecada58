using MolScreen.BenchShared;
using System.Diagnostics;
using MolScreen.Chemistry.Fingerprints;

namespace MolScreen.Bench;

/// <summary>
/// Tanimoto comparisons per second on one core: one query streamed over a library too large for the cache,
/// many queries over the same library (tiled), and the maximum-similarity search, against RDKit's
/// BulkTanimotoSimilarity on the same fingerprints in the same run. Fingerprints are random with ECFP4's
/// density (~45 of 2048 bits); the cost of a comparison does not depend on which bits are set.
/// Each case is reported per wall second and per CPU second the process was given (the per-core figure that
/// stays meaningful on a shared machine; the work is single-threaded).
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

        double comparisons = (double)libraryCount * queries;
        var one = new float[libraryCount];
        Tanimoto.Bulk(query.AsSpan(0, Tanimoto.FingerprintBytes), library, counts, one); // warm-up
        var single = Timed(comparisons, () =>
        {
            for (int q = 0; q < queries; q++) Tanimoto.Bulk(query.AsSpan(q * Tanimoto.FingerprintBytes, Tanimoto.FingerprintBytes), library, counts, one);
        });
        var many = new float[(long)libraryCount * queries];
        var tiled = Timed(comparisons, () => Tanimoto.BulkMany(query, library, counts, many));
        var maxima = new float[queries];
        var max = Timed(comparisons, () => Tanimoto.MaxSimilarity(query, library, maxima));

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
        double peerN = double.Parse(parts[1]);
        var rdkit = (Wall: peerN / double.Parse(parts[2]), Cpu: peerN / double.Parse(parts[3]));

        Console.WriteLine($"library {libraryCount:N0} fingerprints ({libraryCount * 256L / 1e6:F0} MB), {queries} queries, one core, " +
            $"AVX-512BW {System.Runtime.Intrinsics.X86.Avx512BW.IsSupported}, AVX2 {System.Runtime.Intrinsics.X86.Avx2.IsSupported}");
        Console.WriteLine($"{"case",-60} {"M/s wall",9} {"M/cpu-s",8} {"vs RDKit (cpu)",15}");
        foreach (var (name, rate) in new[] { ("molscreen Bulk, one query at a time (streams the library)", single),
                     ("molscreen BulkMany, all queries per cache tile", tiled), ("molscreen MaxSimilarity (tiled)", max),
                     ($"RDKit BulkTanimotoSimilarity ({peerCount:N0} x {Math.Min(queries, 10)})", rdkit) })
            Console.WriteLine($"{name,-60} {rate.Wall / 1e6,9:F1} {rate.Cpu / 1e6,8:F1} {rate.Cpu / rdkit.Cpu,14:F1}x");
    }

    /// <summary>Times the second of two runs: the first lets tiered JIT reach optimized code (a loop timed from cold runs
    /// partly in unoptimized code and under-reports the kernel).</summary>
    static (double Wall, double Cpu) Timed(double comparisons, Action work)
    {
        work();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        work();
        double wall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        return (comparisons / wall, comparisons / (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
