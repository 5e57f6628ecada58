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
/// k-fold cross-validation of pair benchmarks: pair-level stratified folds (the protocol of RPISeq, IPMiner, RPITER and
/// EDLMFC, where members recur across folds) or folds grouped by protein sequence (<see cref="CvProtocol"/>).
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

    /// <summary>
    /// Fold index per row with whole groups (e.g. one protein sequence) kept in one fold: groups are shuffled with
    /// <paramref name="seed"/>, then dealt largest first to the fold holding the fewest rows so fold sizes stay close.
    /// </summary>
    public static int[] GroupedFolds(IReadOnlyList<string> groups, int folds, int seed)
    {
        if (folds < 2) throw new ArgumentException("cross-validation needs at least 2 folds");
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < groups.Count; i++)
        {
            if (!members.TryGetValue(groups[i], out var list)) members[groups[i]] = list = [];
            list.Add(i);
        }
        if (members.Count < folds) throw new ArgumentException($"grouped cross-validation needs at least {folds} groups, the data has {members.Count}");
        var keys = members.Keys.Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(keys);
        // A stable sort keeps the shuffled order among groups of equal size.
        var bySize = keys.OrderByDescending(k => members[k].Count).ToArray();
        var size = new int[folds];
        var assignment = new int[groups.Count];
        foreach (var key in bySize)
        {
            int f = Array.IndexOf(size, size.Min());
            foreach (var i in members[key]) assignment[i] = f;
            size[f] += members[key].Count;
        }
        return assignment;
    }

    /// <summary>Fold per pair under <paramref name="protocol"/>: label-stratified over pairs, or grouped by protein sequence.</summary>
    public static int[] Folds(IReadOnlyList<Sequences.LabelledPair> pairs, CvProtocol protocol, int folds, int seed) => protocol switch
    {
        CvProtocol.Pair => StratifiedFolds(pairs.Select(p => p.Interacts).ToList(), folds, seed),
        CvProtocol.ProteinGrouped => GroupedFolds(pairs.Select(p => p.Protein.Letters).ToList(), folds, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol)),
    };

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
