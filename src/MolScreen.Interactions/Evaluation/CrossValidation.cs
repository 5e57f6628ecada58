using MolScreen.Interactions.Learning;

namespace MolScreen.Interactions.Evaluation;

/// <summary>Mean and sample standard deviation of each metric over folds.</summary>
public sealed record CvSummary(IReadOnlyList<BinaryMetrics> Folds)
{
    public (double Mean, double Std) Of(Func<BinaryMetrics, double> metric)
    {
        var v = Folds.Select(metric).ToArray();
        var mean = v.Average();
        var std = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
        return (mean, std);
    }
}

/// <summary>
/// Pair-level stratified k-fold cross-validation, the protocol of the published RPI benchmarks (RPISeq, IPMiner,
/// RPITER, EDLMFC): folds split pairs, not proteins or RNAs, so members recur across folds as in those papers.
/// </summary>
public static class CrossValidation
{
    /// <summary>Fold index per row: positives and negatives each shuffled with <paramref name="seed"/> and dealt round-robin.</summary>
    public static int[] StratifiedFolds(IReadOnlyList<bool> labels, int folds, int seed)
    {
        if (folds < 2) throw new ArgumentException("cross-validation needs at least 2 folds");
        var rng = new Random(seed);
        var assignment = new int[labels.Count];
        foreach (var cls in new[] { true, false })
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == cls).ToArray();
            rng.Shuffle(members);
            for (int k = 0; k < members.Length; k++) assignment[members[k]] = k % folds;
        }
        return assignment;
    }

    public static CvSummary Run(IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels, int folds, int foldSeed, MlpOptions options)
        => Run(labels, StratifiedFolds(labels, folds, foldSeed), folds, train =>
        {
            var scaler = Standardizer.Fit(train.Select(i => rows[i]).ToList());
            var model = MlpClassifier.Train(train.Select(i => scaler.Apply(rows[i])).ToList(), train.Select(i => labels[i]).ToList(), options);
            return test => model.PredictProbabilities(test.Select(i => scaler.Apply(rows[i])).ToList());
        });

    /// <summary>Generic loop: <paramref name="fit"/> gets training row indices and returns a scorer for test indices.</summary>
    public static CvSummary Run(IReadOnlyList<bool> labels, int[] assignment, int folds, Func<int[], Func<int[], float[]>> fit)
    {
        var results = new List<BinaryMetrics>();
        for (int f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, labels.Count).Where(i => assignment[i] != f).ToArray();
            var test = Enumerable.Range(0, labels.Count).Where(i => assignment[i] == f).ToArray();
            if (test.Length == 0) continue;
            var scores = fit(train)(test);
            results.Add(BinaryMetrics.Compute(scores, test.Select(i => labels[i]).ToList()));
        }
        return new CvSummary(results);
    }
}
