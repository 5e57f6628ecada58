using System.Diagnostics;
using MolScreen.Interactions;
using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Features;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Bench;

/// <summary>
/// `rpi-cv --select-blend`: for each outer CV fold, the inner-validation ROC-AUC and accuracy of every (tree variant,
/// blend weight) candidate, scored on an inner split of that fold's training pairs (PairBlendSelection). The outer
/// test folds are never scored, so these figures can choose the shipped blend.
/// </summary>
public static class RpiBlendBenchmark
{
    public static void Run(string sharedData, string set, string folder, MlpOptions options, ProfileOptions? profiles, int members, int foldSeed,
        IReadOnlyList<BoostOptions> variants, IReadOnlyList<double> weights, int folds = 5)
    {
        var sw = Stopwatch.StartNew();
        var data = PairDataset.Load(Path.Combine(sharedData, folder), set);
        var labels = data.Pairs.Select(p => p.Interacts).ToList();
        var assignment = CrossValidation.StratifiedFolds(labels, folds, foldSeed);
        var perFold = new List<IReadOnlyList<BlendScore>>();
        for (int f = 0; f < folds; f++)
        {
            var training = Enumerable.Range(0, data.Pairs.Count).Where(i => assignment[i] != f).Select(i => data.Pairs[i]).ToList();
            var scores = PairBlendSelection.Evaluate(training, options, profiles, members, variants, weights);
            perFold.Add(scores);
            Console.WriteLine($"{set} outer fold {f} ({sw.Elapsed.TotalSeconds:F0} s): " + string.Join("; ", scores.Select(s => $"v{s.Variant} w{s.Weight:0.##} {s.Auc:F3}/{s.Accuracy:F3}")));
        }
        Console.WriteLine($"{set} inner-validation means over {folds} outer folds (ROC-AUC / accuracy at 0.5):");
        for (int k = 0; k < perFold[0].Count; k++)
        {
            var c = perFold[0][k];
            var desc = c.Weight == 0 ? "networks only" : $"v{c.Variant} ({variants[c.Variant].Describe()})";
            Console.WriteLine($"  w {c.Weight:0.00} {desc}: {perFold.Average(p => p[k].Auc):F4} / {perFold.Average(p => p[k].Accuracy):F4}   per fold AUC {string.Join(", ", perFold.Select(p => p[k].Auc.ToString("F3")))}");
        }
        Console.WriteLine($"  ({sw.Elapsed.TotalSeconds:F0} s)");
    }
}
