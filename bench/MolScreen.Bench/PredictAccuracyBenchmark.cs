using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MolScreen.Core.IO;
using MolScreen.Prediction.Data;
using MolScreen.Prediction.Evaluation;
using MolScreen.Prediction.Model;
using MolScreen.Prediction.Training;

namespace MolScreen.Bench;

/// <summary>
/// Accuracy of `molscreen train` against a RandomForest (500 trees, RDKit Morgan r2/2048) on the same
/// scaffold splits: for each task and seed we train, write the split, and the peer script reads that split.
/// Prints one row per task and seed, then mean ± std over the seeds side by side with the ratio.
/// </summary>
public static class PredictAccuracyBenchmark
{
    public sealed record BenchTask(string Name, string Data, string SmilesColumn, string[] Targets, OutputKind Kind, double Aim);

    public static readonly BenchTask[] Tasks =
    [
        new("logs", "esol-delaney/delaney-processed.csv", "smiles", ["measured log solubility in mols per litre"], OutputKind.Regression, 0.80),
        new("logd", "moleculenet/lipo.csv", "smiles", ["lipo"], OutputKind.Regression, 0.65),
        new("bbbp", "moleculenet/bbbp.csv", "smiles", ["p_np"], OutputKind.Classification, 0.90),
        new("herg", "walters-herg-dude/hERG.csv", "SMILES", ["pIC50"], OutputKind.Regression, double.NaN),
        new("tox21", "moleculenet/tox21.csv", "smiles",
            ["NR-AR", "NR-AR-LBD", "NR-AhR", "NR-Aromatase", "NR-ER", "NR-ER-LBD", "NR-PPAR-gamma", "SR-ARE", "SR-ATAD5", "SR-HSE", "SR-MMP", "SR-p53"],
            OutputKind.Classification, 0.80),
    ];

    private sealed record Row(string Task, int Seed, double Ours, double Peer, double Calibration, double Seconds);

    /// <param name="configure">Training settings on top of the `molscreen train` defaults (the bench's tuning knobs).</param>
    /// <param name="withPeer">false: ours only, for tuning on the validation part without the forest's cost.</param>
    /// <param name="seeds">The split seeds; one seed per process lets seeds run side by side on a busy machine.</param>
    /// <param name="arch">mlp, dmpnn, or mlp+dmpnn: both trained on the same split, each reported, and their mean
    /// predictions averaged row by row (on the validation part from the early-stopped members, on the test part from
    /// the shipped ones).</param>
    /// <param name="configureGraph">D-MPNN settings on top of <paramref name="configure"/>.</param>
    public static void Run(string shared, string peerScript, IReadOnlyList<string> only, IReadOnlyList<int> seeds, string workDir,
        Func<TrainingOptions, TrainingOptions> configure, bool withPeer = true, string arch = "mlp", Func<TrainingOptions, TrainingOptions>? configureGraph = null, bool reuse = false)
    {
        if (arch != "mlp") { RunArchitectures(shared, peerScript, only, seeds, workDir, configure, configureGraph ?? (o => o), withPeer, arch, reuse); return; }
        var inv = CultureInfo.InvariantCulture;
        var rows = new List<Row>();
        Console.WriteLine($"{"task",-6} {"seed",4} {"metric",-8} {"molscreen",10} {"RF peer",10} {"calib.",8} {"train s",8} {"valid.",8} {"dist. ρ",8}");
        foreach (var t in Tasks.Where(t => only.Count == 0 || only.Contains(t.Name)))
            foreach (int seed in seeds)
            {
                var dir = Path.Combine(workDir, $"{t.Name}-{seed}");
                var data = Path.Combine(shared, t.Data);
                var sw = Stopwatch.StartNew();
                var m = ModelTrainer.Train(configure(new TrainingOptions
                {
                    DataPath = data, SmilesColumn = t.SmilesColumn, Targets = t.Targets, Task = t.Kind, Name = t.Name,
                    Split = SplitMethod.Scaffold, Seed = seed,
                }), dir);
                double seconds = sw.Elapsed.TotalSeconds;
                var theirs = withPeer ? Peer(peerScript, data, t, Path.Combine(dir, ModelTrainer.SplitFileName), seed).Average() : double.NaN;
                bool reg = t.Kind == OutputKind.Regression;
                string metric = reg ? "rmse" : "roc_auc";
                string calib = t.Kind == OutputKind.Regression ? "spearman_std_vs_abs_error" : "ece";
                double ours = m.TestMetrics.Values.Where(v => v.ContainsKey(metric)).Average(v => v[metric]);
                double cal = m.TestMetrics.Values.Where(v => v.ContainsKey(calib)).Average(v => v[calib]);
                double distance = reg ? m.TestMetrics.Values.Where(v => v.ContainsKey("spearman_distance_vs_abs_error")).Average(v => v["spearman_distance_vs_abs_error"]) : double.NaN;
                double valid = m.ValidationMetrics.Values.Where(v => v.ContainsKey(metric)).Average(v => v[metric]);
                rows.Add(new Row(t.Name, seed, ours, theirs, cal, seconds));
                Console.WriteLine(string.Create(inv, $"{t.Name,-6} {seed,4} {metric,-8} {ours,10:F3} {theirs,10:F3} {cal,8:F3} {seconds,8:F0} {valid,8:F3} {distance,8:F3}"));
            }
        Console.WriteLine();
        Console.WriteLine("| task | metric (scaffold test) | MolScreen MLP ensemble | RF 500 trees, Morgan r2/2048 | ratio | aim | calibration (Spearman ρ std~|err| / ECE) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var g in rows.GroupBy(r => r.Task))
        {
            var t = Tasks.First(x => x.Name == g.Key);
            bool reg = t.Kind == OutputKind.Regression;
            string metric = reg ? "RMSE (lower better)" : t.Targets.Length > 1 ? "mean ROC-AUC" : "ROC-AUC";
            double ours = g.Average(r => r.Ours), peer = g.Average(r => r.Peer);
            Console.WriteLine(string.Create(inv,
                $"| {t.Name} | {metric} | {ours:F3} ± {Std(g.Select(r => r.Ours)):F3} | {peer:F3} ± {Std(g.Select(r => r.Peer)):F3} | {(reg ? peer / ours : ours / peer):F2}x | {(double.IsNaN(t.Aim) ? "–" : (reg ? "≤ " : "≥ ") + t.Aim.ToString("F2", inv))} | {g.Average(r => r.Calibration):F3} |"));
        }
    }

    private sealed record ArchRow(string Task, int Seed, string Model, double Test, double Validation, double Seconds);

    private static void RunArchitectures(string shared, string peerScript, IReadOnlyList<string> only, IReadOnlyList<int> seeds, string workDir,
        Func<TrainingOptions, TrainingOptions> configure, Func<TrainingOptions, TrainingOptions> configureGraph, bool withPeer, string arch, bool reuse)
    {
        var inv = CultureInfo.InvariantCulture;
        var archs = arch switch { "dmpnn" => new[] { "dmpnn" }, "mlp+dmpnn" => ["mlp", "dmpnn"], _ => throw new ArgumentException($"--arch {arch}: expected mlp, dmpnn or mlp+dmpnn") };
        var rows = new List<ArchRow>();
        Console.WriteLine($"{"task",-6} {"seed",4} {"model",-10} {"metric",-8} {"test",8} {"valid.",8} {"train s",8}");
        foreach (var t in Tasks.Where(t => only.Count == 0 || only.Contains(t.Name)))
            foreach (int seed in seeds)
            {
                var data = Path.Combine(shared, t.Data);
                bool reg = t.Kind == OutputKind.Regression;
                string metric = reg ? "rmse" : "roc_auc";
                var dirs = new List<string>();
                foreach (var a in archs)
                {
                    var dir = Path.Combine(workDir, $"{t.Name}-{seed}-{a}");
                    var sw = Stopwatch.StartNew();
                    var o = configure(new TrainingOptions
                    {
                        DataPath = data, SmilesColumn = t.SmilesColumn, Targets = t.Targets, Task = t.Kind, Name = t.Name,
                        Split = SplitMethod.Scaffold, Seed = seed, WritePredictions = true,
                    });
                    if (a == "dmpnn") o = configureGraph(o with { Architecture = ModelArchitecture.Dmpnn });
                    // --reuse: a finished model directory from an earlier run of the same settings is read, not retrained
                    // (training is deterministic per seed; the D-MPNN dominates the time on a shared 2-core machine).
                    var done = Path.Combine(dir, EnsemblePredictions.ValidationFile);
                    var m = reuse && File.Exists(done) && JsonFile.TryLoad<ModelManifest>(Path.Combine(dir, ModelManifest.FileName)) is { } old
                        ? old : ModelTrainer.Train(o, dir);
                    dirs.Add(dir);
                    double test = m.TestMetrics.Values.Where(v => v.ContainsKey(metric)).Average(v => v[metric]);
                    double valid = m.ValidationMetrics.Values.Where(v => v.ContainsKey(metric)).Average(v => v[metric]);
                    rows.Add(new ArchRow(t.Name, seed, a, test, valid, sw.Elapsed.TotalSeconds));
                    Console.WriteLine(string.Create(inv, $"{t.Name,-6} {seed,4} {a,-10} {metric,-8} {test,8:F3} {valid,8:F3} {sw.Elapsed.TotalSeconds,8:F0}"));
                }
                if (dirs.Count == 2)
                {
                    // The two models share the split (same data, same seed): average their mean predictions row by row.
                    double Averaged(string file)
                    {
                        var a = EnsemblePredictions.Read(Path.Combine(dirs[0], file));
                        var b = EnsemblePredictions.Read(Path.Combine(dirs[1], file));
                        if (!a.Keys.Order().SequenceEqual(b.Keys.Order())) throw new InvalidOperationException($"{file}: the two models were not scored on the same rows");
                        var keys = a.Keys.Order().ToList();
                        var scores = new List<double>();
                        for (int j = 0; j < t.Targets.Length; j++)
                        {
                            var y = keys.Select(k => a[k].Labels[j]).ToArray();
                            var p = keys.Select(k => (a[k].Predictions[j] + b[k].Predictions[j]) / 2f).ToArray();
                            double v = reg ? Metrics.Rmse(y, p) : Metrics.RocAuc(y, p);
                            if (double.IsFinite(v)) scores.Add(v);
                        }
                        return scores.Average();
                    }
                    double avgTest = Averaged(EnsemblePredictions.TestFile), avgValid = Averaged(EnsemblePredictions.ValidationFile);
                    rows.Add(new ArchRow(t.Name, seed, "mlp+dmpnn", avgTest, avgValid, rows.TakeLast(2).Sum(r => r.Seconds)));
                    Console.WriteLine(string.Create(inv, $"{t.Name,-6} {seed,4} {"mlp+dmpnn",-10} {metric,-8} {avgTest,8:F3} {avgValid,8:F3} {"",8}"));
                }
                if (withPeer)
                {
                    double peer = Peer(peerScript, data, t, Path.Combine(dirs[0], ModelTrainer.SplitFileName), seed).Average();
                    rows.Add(new ArchRow(t.Name, seed, "rf", peer, double.NaN, 0));
                    Console.WriteLine(string.Create(inv, $"{t.Name,-6} {seed,4} {"rf",-10} {metric,-8} {peer,8:F3} {"",8} {"",8}"));
                }
            }
        Console.WriteLine();
        Console.WriteLine("| task | model | metric (scaffold test) | test mean ± std | validation mean ± std | seeds |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var g in rows.GroupBy(r => (r.Task, r.Model)))
        {
            var t = Tasks.First(x => x.Name == g.Key.Task);
            string metric = t.Kind == OutputKind.Regression ? "RMSE (lower better)" : t.Targets.Length > 1 ? "mean ROC-AUC" : "ROC-AUC";
            string valid = g.Any(r => double.IsNaN(r.Validation)) ? "–" : string.Create(inv, $"{g.Average(r => r.Validation):F3} ± {Std(g.Select(r => r.Validation)):F3}");
            Console.WriteLine(string.Create(inv, $"| {t.Name} | {g.Key.Model} | {metric} | {g.Average(r => r.Test):F3} ± {Std(g.Select(r => r.Test)):F3} | {valid} | {string.Join(", ", g.Select(r => r.Seed))} |"));
        }
    }

    private static double Std(IEnumerable<double> v)
    {
        var a = v.ToArray();
        double m = a.Average();
        return a.Length > 1 ? Math.Sqrt(a.Sum(x => (x - m) * (x - m)) / (a.Length - 1)) : 0;
    }

    /// <summary>The peer's metric per target (targets where it is undefined are left out).</summary>
    private static List<double> Peer(string script, string data, BenchTask t, string split, int seed)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true };
        foreach (var a in new[] { script, data, t.SmilesColumn, string.Join(',', t.Targets), t.Kind == OutputKind.Regression ? "regression" : "classification", split, seed.ToString(CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"RandomForest peer failed (exit {p.ExitCode}); is python3-sklearn installed? (scripts/install-deps.sh)");
        var json = JsonNode.Parse(text)!.AsObject();
        string metric = t.Kind == OutputKind.Regression ? "rmse" : "roc_auc";
        return json.Select(kv => kv.Value![metric]).Where(v => v != null).Select(v => (double)v!).ToList();
    }
}
