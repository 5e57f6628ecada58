using MolScreen.BenchShared;
using System.Diagnostics;
using MolScreen.Chemistry.Fingerprints;
using MolScreen.Kernels.Similarity;

namespace MolScreen.GpuBench;

/// <summary>
/// Bulk Tanimoto on the accelerator against the CPU path on the same fingerprints: throughput of each and
/// the largest difference between them. Fingerprints are random with ECFP4's typical density (~45 of 2048
/// bits) because the device machine has no chemistry toolkit; Tanimoto cost does not depend on the bits.
/// </summary>
public static class TanimotoGpuBenchmark
{
    public static void Run(int libraryCount, int queries, bool preferGpu)
    {
        var rng = new Random(7);
        var library = SyntheticFingerprints.Make(rng, libraryCount);
        var queryFps = SyntheticFingerprints.Make(rng, queries);
        using var gpu = new GpuTanimoto(library, preferGpu);
        _ = gpu.Bulk(queryFps.AsSpan(0, Tanimoto.FingerprintBytes)); // JIT + PTX compile outside the timing

        var sw = Stopwatch.StartNew();
        float[] last = [];
        for (int q = 0; q < queries; q++) last = gpu.Bulk(queryFps.AsSpan(q * Tanimoto.FingerprintBytes, Tanimoto.FingerprintBytes));
        double gpuRate = (double)libraryCount * queries / sw.Elapsed.TotalSeconds;

        var cpu = new float[libraryCount];
        var lastQuery = queryFps.AsSpan((queries - 1) * Tanimoto.FingerprintBytes, Tanimoto.FingerprintBytes);
        Tanimoto.Bulk(lastQuery, library, cpu); // JIT outside the timing
        int cpuQueries = Math.Min(queries, 10);
        sw.Restart();
        for (int q = 0; q < cpuQueries; q++) Tanimoto.Bulk(lastQuery, library, cpu);
        double cpuRate = (double)libraryCount * cpuQueries / sw.Elapsed.TotalSeconds;
        float maxDiff = 0;
        for (int i = 0; i < libraryCount; i++) maxDiff = Math.Max(maxDiff, Math.Abs(cpu[i] - last[i]));

        Console.WriteLine("| kernel | device | library | queries | comparisons/s | CPU path (1 core) comparisons/s | ratio | max abs diff vs CPU |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| bulk Tanimoto | {gpu.Device} | {libraryCount:N0} | {queries} | {gpuRate / 1e6:F0} M | {cpuRate / 1e6:F0} M | {gpuRate / cpuRate:F1}x | {maxDiff:E1} |");
    }
}
