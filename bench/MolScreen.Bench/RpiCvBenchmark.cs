using System.Diagnostics;
using MolScreen.Interactions;
using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Features;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Bench;

/// <summary>
/// `rpi-cv`: 5-fold CV of the shipped sequence-pair RPI pipeline on the published benchmarks, on the distinct
/// (protein sequence, RNA sequence) pairs, pair-level or grouped by protein. EDLMFC's figures (Wang et al., 2022) are
/// printed beside the pair-level rows for reference only: they were measured on the raw pairs, duplicates included.
/// </summary>
public static class RpiCvBenchmark
{
    // (set, folder under shared data, EDLMFC accuracy, EDLMFC ROC-AUC) — NaN where EDLMFC reports no figure.
    public static readonly (string Set, string Folder, double PeerAcc, double PeerAuc)[] Sets =
    [
        ("RPI369", "rpi-benchmarks", double.NaN, double.NaN),
        ("RPI488", "rpi-benchmarks", double.NaN, double.NaN),
        ("RPI1807", "rpi-benchmarks", 0.943, 0.967),
        ("RPI2241", "rpi-benchmarks", double.NaN, double.NaN),
        ("NPInter", "npinter-edlmfc", 0.899, 0.962),
    ];

    public static void PrintHeader() =>
        Console.WriteLine($"{"set",-9} {"pairs",6} {"accuracy",-15} {"roc_auc",-15} {"sensitivity",-15} {"specificity",-15} {"mcc",-15} {"seconds",7}  EDLMFC acc/auc  ratio acc/auc");

    public static CvSummary Run(string sharedData, string set, string folder, double peerAcc, double peerAuc, MlpOptions options, ProfileOptions? profiles, int members, int foldSeed, InnerTuning? tuning, TreeBlend? blend = null, int folds = 5,
        CvProtocol protocol = CvProtocol.Pair, bool dedupe = true)
    {
        var sw = Stopwatch.StartNew();
        var raw = PairDataset.Load(Path.Combine(sharedData, folder), set);
        var distinct = PairDeduplication.Collapse(raw.Pairs);
        Console.WriteLine($"  {set}: {distinct.Describe()}{(dedupe ? "" : "; --no-dedupe: CV on the raw pairs")}");
        var data = dedupe ? raw with { Pairs = distinct.Pairs } : raw;
        PrintProteinBalance(set, data.Pairs, folds, foldSeed, profiles, protocol);
        var run = PairModel.CrossValidateRun(data.Pairs, folds, foldSeed, options, profiles, members, tuning, blend, protocol);
        var cv = run.Summary;
        string F(Func<BinaryMetrics, double> m) { var (mu, sd) = cv.Of(m); return $"{mu:F3} ± {sd:F3}"; }
        var peer = double.IsNaN(peerAcc) || protocol != CvProtocol.Pair ? "-" : $"{peerAcc:F3}/{peerAuc:F3}";
        var ratio = double.IsNaN(peerAcc) || protocol != CvProtocol.Pair ? "-" : $"{cv.Of(m => m.Accuracy).Mean / peerAcc:F3}/{cv.Of(m => m.RocAuc).Mean / peerAuc:F3}";
        Console.WriteLine($"{set,-9} {data.Pairs.Count,6} {F(m => m.Accuracy),-15} {F(m => m.RocAuc),-15} {F(m => m.Sensitivity),-15} {F(m => m.Specificity),-15} {F(m => m.Mcc),-15} {sw.Elapsed.TotalSeconds,7:F1}  {peer,-14}  {ratio}");
        // Three decimals can tie a published figure; the peer comparison needs the fourth.
        Console.WriteLine($"  {set} means to 4 decimals: accuracy {cv.Of(m => m.Accuracy).Mean:F4}, ROC-AUC {cv.Of(m => m.RocAuc).Mean:F4}; per fold accuracy {string.Join(", ", cv.Folds.Select(m => m.Accuracy.ToString("F4")))}");
        if (run.Schedules.Count > 0)
            Console.WriteLine($"  inner choice per fold (epochs, threshold, validation AUC/acc): {string.Join("; ", run.Schedules.Select(t => $"{t.Epochs}, {t.Threshold:F3}, {t.ValidationAuc:F3}/{t.ValidationAccuracy:F3}"))}");
        if (data.ReplacedLetters > 0) Console.WriteLine($"  note: {data.ReplacedLetters} non-IUPAC letters in {set} sequences read as unknown (N/X)");
        return cv;
    }

    /// <summary>Per-protein label balance of the whole set and of each outer training fold (where the own-protein decision is taken).</summary>
    public static void PrintProteinBalance(string set, IReadOnlyList<LabelledPair> pairs, int folds, int foldSeed, ProfileOptions? profiles, CvProtocol protocol = CvProtocol.Pair)
    {
        Console.WriteLine($"  {set} protein balance, whole set: {ProteinBalance.Of(pairs.Select(p => (p.Protein.Letters, p.Interacts)))}");
        if (profiles == null) return;
        var assignment = CrossValidation.Folds(pairs, protocol, folds, foldSeed);
        for (int f = 0; f < folds; f++)
        {
            var training = pairs.Where((_, i) => assignment[i] != f).ToList();
            var decided = profiles.Resolve(training.Select(p => (p.Protein.Letters, p.Interacts))).NeutralizeOwnProtein == true;
            Console.WriteLine($"  {set} outer training fold {f}: {ProteinBalance.Of(training.Select(p => (p.Protein.Letters, p.Interacts)))}{(profiles.NeutralizeOwnProtein.HasValue ? $" [fixed by option: neutralize {decided}]" : "")}");
        }
    }
}
