using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Features;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions;

/// <summary>
/// Settings chosen inside each training set, never on the data a model is scored on: a stratified inner validation
/// split (one of <see cref="Folds"/> folds) is held out, the ensemble trains on the rest while it scores the split after
/// every epoch, and the epoch count and decision threshold are read off those validation scores.
/// </summary>
public sealed record InnerTuning
{
    /// <summary>The inner split holds out 1/Folds of the training pairs (stratified by label).</summary>
    public int Folds { get; init; } = 5;
    /// <summary>Epoch count tried up to; false keeps <see cref="MlpOptions.Epochs"/> and tunes the threshold only.</summary>
    public bool TuneEpochs { get; init; } = true;
    public int MaxEpochs { get; init; } = 40;
    public bool TuneThreshold { get; init; } = true;
    /// <summary>How the threshold is read off the validation scores (when <see cref="TuneThreshold"/>).</summary>
    public ThresholdRule Rule { get; init; } = ThresholdRule.Accuracy;
    public int Seed { get; init; } = 3;

    public string Describe() =>
        $"inner {Folds}-fold hold-out (seed {Seed}): {(TuneEpochs ? $"epochs 1..{MaxEpochs} by validation ROC-AUC" : "fixed epochs")}, {(TuneThreshold ? (Rule == ThresholdRule.Accuracy ? "threshold by validation accuracy" : "threshold at the training positive rate of validation calls") : "threshold 0.5")}";
}

public enum ThresholdRule
{
    /// <summary>The cut with the most correct validation calls.</summary>
    Accuracy,
    /// <summary>The cut that calls as many validation pairs positive as the training positive rate implies (the median on balanced sets); one order statistic, so steadier than the accuracy peak.</summary>
    Prevalence,
}

/// <summary>What the inner split chose, with the validation figures it was chosen on.</summary>
public sealed record TunedSchedule(int Epochs, float Threshold, double ValidationAuc, double ValidationAccuracy);

public static class PairTuning
{
    public static TunedSchedule Tune(IReadOnlyList<LabelledPair> training, MlpOptions options, ProfileOptions? profiles, int members, InnerTuning tuning)
    {
        var labels = training.Select(p => p.Interacts).ToList();
        // Own-protein decision on the whole (outer) training fold, as the model trained on it will take it.
        profiles = profiles?.Resolve(training.Select(p => (p.Protein.Letters, p.Interacts)));
        var split = CrossValidation.StratifiedFolds(labels, tuning.Folds, tuning.Seed);
        var inner = Enumerable.Range(0, training.Count).Where(i => split[i] != 0).Select(i => training[i]).ToList();
        var held = Enumerable.Range(0, training.Count).Where(i => split[i] == 0).ToArray();
        if (held.Length == 0 || inner.Count == 0) throw new ArgumentException("too few training pairs for an inner validation split");
        var heldLabels = held.Select(i => labels[i]).ToList();

        // The validation pairs are featurized exactly as test pairs are: profiles from the inner training pairs only.
        var (rows, fitted) = PairModel.TrainingRows(inner, profiles);
        var scaler = Standardizer.Fit(rows);
        var heldRows = PairModel.QueryRows(held.Select(i => (training[i].Protein, training[i].Rna)).ToList(), fitted).Select(scaler.Apply).ToList();
        var innerLabels = inner.Select(p => p.Interacts).ToList();
        int epochs = tuning.TuneEpochs ? tuning.MaxEpochs : options.Epochs;
        var mean = new double[epochs][];
        for (int e = 0; e < epochs; e++) mean[e] = new double[held.Length];
        var scaled = rows.Select(scaler.Apply).ToList();
        for (int k = 0; k < members; k++)
        {
            var (_, perEpoch) = MlpClassifier.Train(scaled, innerLabels, options with { Epochs = epochs, Seed = options.Seed + k }, heldRows);
            for (int e = 0; e < epochs; e++)
                for (int i = 0; i < held.Length; i++) mean[e][i] += perEpoch[e][i] / members;
        }

        int best = epochs - 1;
        double bestAuc = double.NegativeInfinity;
        if (tuning.TuneEpochs)
            for (int e = 0; e < epochs; e++)
            {
                // Strictly better only: on a tie the shorter schedule wins.
                var auc = BinaryMetrics.ComputeRocAuc(mean[e].Select(v => (float)v).ToList(), heldLabels);
                if (auc > bestAuc) { bestAuc = auc; best = e; }
            }
        var scores = mean[best].Select(v => (float)v).ToList();
        bestAuc = BinaryMetrics.ComputeRocAuc(scores, heldLabels);
        float threshold = !tuning.TuneThreshold ? 0.5f
            : tuning.Rule == ThresholdRule.Accuracy ? AccuracyThreshold(scores, heldLabels)
            : PrevalenceThreshold(scores, labels.Count(l => l) / (double)labels.Count);
        return new TunedSchedule(best + 1, threshold, bestAuc, BinaryMetrics.Compute(scores, heldLabels, threshold).Accuracy);
    }

    /// <summary>Midway between the scores ranked at the expected positive count and the next; 0.5 when that count is 0 or all.</summary>
    public static float PrevalenceThreshold(IReadOnlyList<float> scores, double positiveRate)
    {
        var sorted = scores.OrderByDescending(s => s).ToArray();
        int positives = (int)Math.Round(positiveRate * sorted.Length);
        if (positives <= 0 || positives >= sorted.Length) return 0.5f;
        return 0.5f * (sorted[positives - 1] + sorted[positives]);
    }

    /// <summary>
    /// The cut that classifies the most validation pairs correctly, placed midway between neighbouring scores; ties go
    /// to the cut nearest 0.5, so a flat accuracy curve leaves the calibrated default in place.
    /// </summary>
    public static float AccuracyThreshold(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        // Cut below everything: all called positive, so the correct calls are the positives.
        int correct = labels.Count(l => l), bestCorrect = -1;
        float best = 0.5f;
        void Consider(float cut)
        {
            if (correct > bestCorrect || (correct == bestCorrect && Math.Abs(cut - 0.5f) < Math.Abs(best - 0.5f))) { bestCorrect = correct; best = cut; }
        }
        Consider(0.5f * scores[order[0]]);
        for (int k = 0; k < order.Length; k++)
        {
            // Moving the cut above order[k] calls it negative.
            correct += labels[order[k]] ? -1 : 1;
            if (k + 1 < order.Length && scores[order[k + 1]] == scores[order[k]]) continue;
            Consider(k + 1 < order.Length ? 0.5f * (scores[order[k]] + scores[order[k + 1]]) : 0.5f * (1 + scores[order[k]]));
        }
        return best;
    }
}
