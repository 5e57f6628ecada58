using System.Diagnostics;
using MolScreen.Core.IO;
using MolScreen.Prediction.Features;
using MolScreen.Prediction.Model;
using MolScreen.Prediction.Stage;

namespace MolScreen.GpuBench;

/// <summary>
/// The property networks on the accelerator against the CPU path: every model's ensemble on featurize output
/// made elsewhere (the device machine has no OpenBabel), the largest relative difference (must be ≤ 1e-4) and
/// the throughput of both over N compounds (inputs cycled). Inference needs no libtorch.
/// </summary>
public static class MlpGpuBenchmark
{
    /// <returns>the number of models whose GPU results differ from the CPU path by more than 1e-4</returns>
    /// <param name="hostOnly">only time the host's batch packing, serial (as before) and parallel: a check that
    /// runs without a GPU, where the emulator would take minutes for the device part</param>
    public static async Task<int> RunAsync(string features, string modelsDir, int n, bool hostOnly = false)
    {
        var inputs = new List<FeatureVector>();
        await using (var reader = await TableReader.OpenAsync(features))
        {
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                var cols = await reader.ReadRowGroupAsync(g, ["ecfp4", .. FeatureSpec.Descriptors]);
                var fps = (byte[]?[])cols[0].Values;
                var desc = cols.Skip(1).Select(c => c.Values.Cast<object>().Select(Convert.ToDouble).ToArray()).ToArray();
                for (int i = 0; i < fps.Length; i++)
                    if (FeatureVector.Create(fps[i], desc.Select(d => d[i]).ToArray(), out _) is { } v) inputs.Add(v);
            }
        }
        var all = Enumerable.Range(0, n).Select(i => inputs[i % inputs.Count]).ToArray();
        Console.WriteLine($"{inputs.Count} featurized compounds cycled to {n:N0}; {Environment.ProcessorCount} cores");
        if (hostOnly) { HostPacking(all); return 0; }
        int failures = 0;
        foreach (var model in ModelLocator.Load([modelsDir]))
        {
            // A D-MPNN reads molecular graphs, which need OpenBabel to parse, and the device machine has none: its kernels
            // (GpuDmpnn) are checked against TorchSharp by DmpnnGpuTests instead.
            if (model.NeedsGraphs) { Console.WriteLine($"{model.Manifest.Name,-6}: has D-MPNN members, needs OpenBabel graphs; skipped"); continue; }
            using var gpu = new GpuEnsemble(model.Members);
            var check = inputs.Take(20_000).ToList();
            var onGpu = gpu.Forward(check);
            double worst = 0;
            for (int k = 0; k < model.Members.Count; k++)
            {
                var cpu = new float[check.Count * model.Members[k].Outputs];
                model.Members[k].Forward(check, cpu);
                for (int i = 0; i < cpu.Length; i++) worst = Math.Max(worst, Math.Abs(cpu[i] - onGpu[k][i]) / Math.Max(1, Math.Abs(cpu[i])));
            }
            if (worst > 1e-4) failures++;
            const int batch = 65_536;
            gpu.Forward(all[..Math.Min(batch, n)]);
            var sw = Stopwatch.StartNew();
            for (int s = 0; s < n; s += batch) gpu.Forward(all[s..Math.Min(n, s + batch)]);
            double gpuRate = n / sw.Elapsed.TotalSeconds;
            // The host half of each batch alone (CSR packing), so a GPU figure can be read against what feeds it.
            sw.Restart();
            for (int s = 0; s < n; s += batch) GpuEnsemble.Pack(all[s..Math.Min(n, s + batch)]);
            double packRate = n / sw.Elapsed.TotalSeconds;
            sw.Restart();
            Parallel.For(0, (n + 8191) / 8192, b => model.Predict(all[(b * 8192)..Math.Min(n, (b + 1) * 8192)], domain: false));
            double cpuRate = n / sw.Elapsed.TotalSeconds;
            Console.WriteLine($"{model.Manifest.Name,-6} on {gpu.Device}: max rel. |CPU-GPU| {worst:E2} over {check.Count} compounds x {model.Members.Count} members; " +
                              $"GPU {gpuRate:N0} compounds/s (incl. transfers; host packing alone {packRate:N0}/s), CPU path {cpuRate:N0} compounds/s on {Environment.ProcessorCount} cores");
        }
        return failures;
    }

    private static void HostPacking(FeatureVector[] all)
    {
        const int batch = 65_536;
        for (int round = 0; round < 2; round++) // the second round is timed warm
        {
            var sw = Stopwatch.StartNew();
            for (int s = 0; s < all.Length; s += batch) SerialPack(all[s..Math.Min(all.Length, s + batch)]);
            double serial = all.Length / sw.Elapsed.TotalSeconds;
            sw.Restart();
            for (int s = 0; s < all.Length; s += batch) GpuEnsemble.Pack(all[s..Math.Min(all.Length, s + batch)]);
            double parallel = all.Length / sw.Elapsed.TotalSeconds;
            if (round == 1)
                Console.WriteLine($"host packing of {all.Length:N0} compounds in {batch:N0} batches: serial byte-wise (first GPU version) {serial:N0}/s, " +
                                  $"GpuEnsemble.Pack {parallel:N0}/s on {Environment.ProcessorCount} cores ({parallel / serial:F1}x)");
        }
    }

    /// <summary>The packing loop of the first GPU version, kept here as the reference the bench compares against.</summary>
    private static int SerialPack(IReadOnlyList<FeatureVector> inputs)
    {
        var bits = new List<int>(inputs.Count * 48);
        var offsets = new int[inputs.Count + 1];
        var desc = new float[inputs.Count * FeatureSpec.Descriptors.Length];
        for (int i = 0; i < inputs.Count; i++)
        {
            var fp = inputs[i].Fingerprint;
            for (int b = 0; b < fp.Length; b++)
                for (uint v = fp[b]; v != 0; v &= v - 1) bits.Add(b * 8 + System.Numerics.BitOperations.TrailingZeroCount(v));
            offsets[i + 1] = bits.Count;
            inputs[i].Descriptors.CopyTo(desc, i * FeatureSpec.Descriptors.Length);
        }
        return bits.ToArray().Length + desc.Length;
    }
}
