using System.Diagnostics;
using MolScreen.Chemistry;
using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;
using MolScreen.Prediction.Features;
using MolScreen.Prediction.Model;
using MolScreen.Prediction.Stage;

namespace MolScreen.Bench;

/// <summary>
/// Inference throughput of the default models over N featurized compounds (real NCI compounds, featurized
/// once and cycled to N): the C# sparse forward pass on `threads` cores, each model alone and all together,
/// then the applicability-domain check (nearest-neighbour Tanimoto to the training set) on a slice.
/// </summary>
public static class PredictThroughputBenchmark
{
    private const int Batch = 8_192;

    public static void Run(string smilesFile, int compounds, int threads, IReadOnlyList<string> modelDirs)
    {
        // This benchmark feeds fingerprints and descriptors only; a D-MPNN model also needs each compound's graph
        // (parsed from SMILES in predict), so it is reported as skipped rather than timed on a different input path.
        var all = ModelLocator.Load(modelDirs);
        foreach (var g in all.Where(m => m.NeedsGraphs)) Console.WriteLine($"{g.Manifest.Name}: has D-MPNN members, skipped (needs molecular graphs)");
        var models = all.Where(m => !m.NeedsGraphs).ToList();
        var f = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        var real = new List<FeatureVector>();
        foreach (var line in File.ReadLines(smilesFile))
        {
            var s = line.Split('\t', ' ')[0];
            if (s.Length == 0) continue;
            try { real.Add(FeatureVector.FromFeatures(f.Compute("smiles", s))); } catch (ChemistryException) { }
        }
        var inputs = Enumerable.Range(0, compounds).Select(i => real[i % real.Count]).ToArray();
        Console.WriteLine($"{real.Count} distinct featurized NCI compounds cycled to {compounds:N0}; {threads} threads; mean {real.Average(v => v.BitCount):F1} set bits");
        Console.WriteLine($"{"models",-28} {"outputs",7} {"seconds",8} {"compounds/s",12} {"predictions/s",14} {"cpu s",8} {"compounds/cpu-s",14}");
        foreach (var m in models) Time([m], inputs, threads);
        Time(models, inputs, threads);
        int slice = Math.Min(compounds, 20_000);
        foreach (var m in models)
        {
            // the flag predict computes (early exit at the first neighbour over the threshold) and, for comparison,
            // the exact nearest-neighbour similarity; both over the training set's bit-count index
            var sim = new float[slice];
            var flags = new bool[slice];
            var sw = Stopwatch.StartNew();
            Parallel.For(0, threads, t =>
            {
                int lo = slice * t / threads, hi = slice * (t + 1) / threads;
                m.Domain.InDomain(inputs[lo..hi], flags.AsSpan(lo, hi - lo));
            });
            double flagRate = slice / sw.Elapsed.TotalSeconds;
            sw.Restart();
            Parallel.For(0, threads, t =>
            {
                int lo = slice * t / threads, hi = slice * (t + 1) / threads;
                m.Domain.MaxSimilarity(inputs[lo..hi], sim.AsSpan(lo, hi - lo));
            });
            Console.WriteLine($"applicability domain {m.Manifest.Name,-8} ({m.Domain.Count} training fps): in-domain flag {flagRate,10:N0} compounds/s, " +
                $"exact nearest {slice / sw.Elapsed.TotalSeconds,10:N0} compounds/s, {flags.Count(f => f) * 100.0 / slice:F1}% in domain");
        }
    }

    private static void Time(IReadOnlyList<PropertyModel> models, FeatureVector[] inputs, int threads)
    {
        foreach (var m in models) m.Predict(inputs[..Batch], domain: false); // warm-up (JIT)
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        int batches = (inputs.Length + Batch - 1) / Batch, next = -1;
        var workers = Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < batches)
            {
                var slice = inputs[(b * Batch)..Math.Min(inputs.Length, (b + 1) * Batch)];
                foreach (var m in models) m.Predict(slice, domain: false);
            }
        })).ToArray();
        Task.WaitAll(workers);
        double s = sw.Elapsed.TotalSeconds;
        // CPU seconds as well as wall: on a shared machine the wall rate understates what the cores deliver.
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        int outputs = models.Sum(m => m.Manifest.Outputs.Length);
        string name = models.Count == 1 ? models[0].Manifest.Name : $"all {models.Count} together";
        Console.WriteLine($"{name,-28} {outputs,7} {s,8:F2} {inputs.Length / s,12:N0} {inputs.Length * (double)outputs / s,14:N0} {cpu,8:F2} {inputs.Length / cpu,14:N0}");
    }
}
