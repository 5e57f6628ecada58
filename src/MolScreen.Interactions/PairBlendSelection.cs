using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Features;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions;

/// <summary>Inner-validation figures of one (trees, weight) candidate: ROC-AUC and accuracy at 0.5 on the held split.</summary>
public sealed record BlendScore(int Variant, double Weight, double Auc, double Accuracy);

/// <summary>
/// Evidence for the tree blend, gathered on training pairs only: the same inner split as <see cref="PairTuning"/>
/// (1/Folds of the training pairs held out, stratified, seed 3) is scored by the network ensemble and by each
/// boosted-tree variant trained on the rest, and every blend weight is read off those held-out scores. One network
/// training serves all candidates, which is what makes a grid affordable on two cores. Outer test pairs never enter.
/// </summary>
public static class PairBlendSelection
{
    public static IReadOnlyList<BlendScore> Evaluate(IReadOnlyList<LabelledPair> training, MlpOptions options, ProfileOptions? profiles, int members,
        IReadOnlyList<BoostOptions> variants, IReadOnlyList<double> weights, int folds = 5, int seed = 3)
    {
        var labels = training.Select(p => p.Interacts).ToList();
        // Own-protein decision on the whole (outer) training fold, as the model trained on it will take it.
        profiles = profiles?.Resolve(training.Select(p => (p.Protein.Letters, p.Interacts)));
        var split = CrossValidation.StratifiedFolds(labels, folds, seed);
        var inner = Enumerable.Range(0, training.Count).Where(i => split[i] != 0).Select(i => training[i]).ToList();
        var held = Enumerable.Range(0, training.Count).Where(i => split[i] == 0).ToArray();
        if (held.Length == 0 || inner.Count == 0) throw new ArgumentException("too few training pairs for an inner validation split");
        var heldLabels = held.Select(i => labels[i]).ToList();

        // Held pairs are featurized as test pairs are: profiles from the inner training pairs only.
        var (rows, fitted) = PairModel.TrainingRows(inner, profiles);
        var innerLabels = inner.Select(p => p.Interacts).ToList();
        var heldRows = PairModel.QueryRows(held.Select(i => (training[i].Protein, training[i].Rna)).ToList(), fitted);
        var scaler = Standardizer.Fit(rows);
        var scaled = rows.Select(scaler.Apply).ToList();
        var heldScaled = heldRows.Select(scaler.Apply).ToList();
        var net = new double[held.Length];
        for (int k = 0; k < members; k++)
        {
            var p = MlpClassifier.Train(scaled, innerLabels, options with { Seed = options.Seed + k }).PredictProbabilities(heldScaled);
            for (int i = 0; i < held.Length; i++) net[i] += p[i] / members;
        }

        var results = new List<BlendScore>();
        for (int v = 0; v < variants.Count; v++)
        {
            var trees = BoostedTrees.Train(rows, innerLabels, variants[v]).PredictProbabilities(heldRows);
            foreach (var w in weights)
            {
                var blend = Enumerable.Range(0, held.Length).Select(i => (float)((1 - w) * net[i] + w * trees[i])).ToList();
                var m = BinaryMetrics.Compute(blend, heldLabels, 0.5f);
                results.Add(new BlendScore(v, w, m.RocAuc, m.Accuracy));
            }
        }
        return results;
    }
}
