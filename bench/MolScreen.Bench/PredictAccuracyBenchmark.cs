using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MolScreen.Prediction.Data;
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
    public static void Run(string shared, string peerScript, IReadOnlyList<string> only, IReadOnlyList<int> seeds, string workDir,
        Func<TrainingOptions, TrainingOptions> configure, bool withPeer = true)
    {
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
