using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Features;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions;

/// <summary>
/// Training and cross-validation of the sequence-pair model P(protein and RNA interact). CV folds train through
/// <see cref="Train"/> and score through <see cref="PairPredictor.Predict"/>, the path a shipped model takes, so the
/// benchmark figures describe the shipped code.
/// </summary>
public static class PairModel
{
    public const string Kind = "rpi-pair";
    public static string SequenceLayout => $"protein-ct-aac-phys+rna-kmer1-4-v1:{PairFeaturizer.Length}";
    public static string Layout(ProfileOptions? profiles) => profiles == null ? SequenceLayout : $"{SequenceLayout}+{profiles.Layout}:{profiles.Length}";

    public static MlpOptions DefaultOptions => new() { Epochs = 20, Seed = 20261123 };
    public static ProfileOptions DefaultProfiles => new() { PairNeighbours = true };
    /// <summary>Networks averaged per model; member k trains with seed Seed + k.</summary>
    public const int DefaultMembers = 3;

    public static PairPredictor Train(IReadOnlyList<LabelledPair> pairs, MlpOptions options, ProfileOptions? profiles, int members = DefaultMembers)
    {
        if (members < 1) throw new ArgumentException("a pair model needs at least one network");
        var rows = PairFeaturizer.Featurize(pairs.Select(p => (p.Protein, p.Rna)).ToList());
        PartnerProfiles? fitted = null;
        if (profiles != null)
        {
            fitted = PartnerProfiles.Fit(pairs, profiles);
            rows = PairPredictor.Join(rows, PartnerProfiles.OutOfFold(pairs, profiles));
        }
        var scaler = Standardizer.Fit(rows);
        var scaled = rows.Select(scaler.Apply).ToList();
        var labels = pairs.Select(p => p.Interacts).ToList();
        var layout = Layout(profiles);
        // The benchmarks are balanced, so 0.5 is the threshold the published accuracies use.
        var nets = Enumerable.Range(0, members)
            .Select(k => new ScoringModel(Kind, layout, scaler, MlpClassifier.Train(scaled, labels, options with { Seed = options.Seed + k }), 0.5f))
            .ToList();
        return new PairPredictor(nets, fitted);
    }

    /// <summary>Pair-level stratified CV; every fitted statistic (standardizer, profiles) sees training pairs only.</summary>
    public static CvSummary CrossValidate(IReadOnlyList<LabelledPair> pairs, int folds, int foldSeed, MlpOptions options, ProfileOptions? profiles, int members = DefaultMembers)
    {
        var labels = pairs.Select(p => p.Interacts).ToList();
        var assignment = CrossValidation.StratifiedFolds(labels, folds, foldSeed);
        var scores = OutOfFoldScores(pairs, assignment, folds, options, profiles, members);
        return new CvSummary(Enumerable.Range(0, folds)
            .Select(f => Enumerable.Range(0, pairs.Count).Where(i => assignment[i] == f).ToArray())
            .Where(test => test.Length > 0)
            .Select(test => BinaryMetrics.Compute(test.Select(i => scores[i]).ToList(), test.Select(i => labels[i]).ToList()))
            .ToList());
    }

    /// <summary>Each pair's probability from the model trained on the other folds (<paramref name="assignment"/> = fold per pair).</summary>
    public static float[] OutOfFoldScores(IReadOnlyList<LabelledPair> pairs, int[] assignment, int folds, MlpOptions options, ProfileOptions? profiles, int members = DefaultMembers)
    {
        if (assignment.Length != pairs.Count) throw new ArgumentException("one fold index per pair is needed");
        var scores = new float[pairs.Count];
        for (int f = 0; f < folds; f++)
        {
            var test = Enumerable.Range(0, pairs.Count).Where(i => assignment[i] == f).ToArray();
            if (test.Length == 0) continue;
            var model = Train(Enumerable.Range(0, pairs.Count).Where(i => assignment[i] != f).Select(i => pairs[i]).ToList(), options, profiles, members);
            var p = model.Predict(test.Select(i => (pairs[i].Protein, pairs[i].Rna)).ToList());
            for (int k = 0; k < test.Length; k++) scores[test[k]] = p[k];
        }
        return scores;
    }
}
