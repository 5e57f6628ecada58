using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Features;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Tests;

public class TreeBlendTests
{
    private static List<LabelledPair> Synthetic(int count, int seed) => SyntheticPairs.Generate(count, seed);

    private static readonly MlpOptions TinyNet = new() { Hidden = [8], Epochs = 3, Seed = 4 };
    private static readonly TreeBlend TinyBlend = new(new BoostOptions { Trees = 20, Depth = 2, MinLeafRows = 3 }, 0.5);

    [Fact]
    public void Trees_learn_an_interaction_a_linear_score_cannot_and_repeat_with_the_seed()
    {
        // Label = XOR of two thresholds plus noise columns: no single feature or linear mix separates it.
        var rng = new Random(1);
        var rows = Enumerable.Range(0, 400).Select(_ => Enumerable.Range(0, 6).Select(_ => (float)rng.NextDouble()).ToArray()).ToList();
        var labels = rows.Select(r => (r[1] > 0.5f) ^ (r[4] > 0.3f)).ToList();
        var options = new BoostOptions { Trees = 100, Depth = 2, LearningRate = 0.2, FeatureSample = 1, MinLeafRows = 5, Seed = 9 };
        var model = BoostedTrees.Train(rows, labels, options);
        var test = Enumerable.Range(0, 200).Select(_ => Enumerable.Range(0, 6).Select(_ => (float)rng.NextDouble()).ToArray()).ToList();
        var testLabels = test.Select(r => (r[1] > 0.5f) ^ (r[4] > 0.3f)).ToList();
        var p = model.PredictProbabilities(test);
        Assert.True(BinaryMetrics.Compute(p, testLabels).Accuracy > 0.9, "trees missed the XOR rule");
        Assert.Equal(p, BoostedTrees.Train(rows, labels, options).PredictProbabilities(test));
        Assert.NotEqual(p, BoostedTrees.Train(rows, labels, options with { Seed = 10 }).PredictProbabilities(test));
    }

    [Fact]
    public void Flipping_test_fold_labels_leaves_blended_test_predictions_unchanged()
    {
        var pairs = Synthetic(120, 2);
        var assignment = CrossValidation.StratifiedFolds(pairs.Select(p => p.Interacts).ToList(), 3, 5);
        var profiles = new ProfileOptions { PairNeighbours = true };
        var scores = PairModel.OutOfFoldScores(pairs, assignment, 3, TinyNet, profiles, 2, TinyBlend);
        var fold0 = Enumerable.Range(0, pairs.Count).Where(i => assignment[i] == 0).ToArray();
        var flipped = pairs.ToList();
        foreach (var i in fold0) flipped[i] = pairs[i] with { Interacts = !pairs[i].Interacts };
        var again = PairModel.OutOfFoldScores(flipped, assignment, 3, TinyNet, profiles, 2, TinyBlend);
        // Float rounding of libtorch kernels only (see PartnerProfileTests); a leaked label moves far more.
        Assert.All(fold0, i => Assert.True(Math.Abs(scores[i] - again[i]) <= 1e-5, $"pair {i}: {scores[i]} vs {again[i]}"));
        var moved = Enumerable.Range(0, pairs.Count).Where(i => assignment[i] != 0).Max(i => Math.Abs(scores[i] - again[i]));
        Assert.True(moved > 1e-3, $"training folds' scores moved by at most {moved}");
    }

    [Fact]
    public void Pair_block_ignores_the_labels_of_the_query_RNAs_other_pairs()
    {
        // NPInter balances every RNA's labels, so a tally over the query RNA's other pairs would leak its held-out label.
        var training = Synthetic(150, 5);
        var (protein, rna) = (training[1].Protein, training[0].Rna);
        var flipped = training.Select(t => t.Rna == rna ? t with { Interacts = !t.Interacts } : t).ToList();
        Assert.True(flipped.Count(t => t.Rna == rna) >= 5);
        float[] Block(List<LabelledPair> pairs, bool exclude) =>
            PartnerProfiles.Fit(pairs, new ProfileOptions { PairNeighbours = true, ExcludeOwnRna = exclude }).Describe([(protein, rna)])[0][3..];
        Assert.Equal(Block(training, true), Block(flipped, true));
        // The older block (own RNA included) does move: the comparison above is able to fail.
        Assert.NotEqual(Block(training, false), Block(flipped, false));
    }

    [Fact]
    public void Blended_model_round_trips_and_format_2_files_are_refused()
    {
        var pairs = Synthetic(100, 3);
        var model = PairModel.Train(pairs, TinyNet, new ProfileOptions { PairNeighbours = true }, members: 2, blend: TinyBlend);
        Assert.NotNull(model.Trees);
        var queries = Synthetic(20, 4).Select(p => (p.Protein, p.Rna)).ToList();
        var networksOnly = new PairPredictor(model.Members, model.Profiles).Predict(queries);
        var before = model.Predict(queries);
        // The trees do move the blend, so the round-trip comparison below checks them too.
        Assert.True(Enumerable.Range(0, before.Length).Max(i => Math.Abs(before[i] - networksOnly[i])) > 1e-3);
        var dir = Path.Combine(Path.GetTempPath(), $"rpi-blend-{Guid.NewGuid():N}");
        try
        {
            var path = Path.Combine(dir, "model.json");
            model.Save(path);
            var back = PairPredictor.Load(path);
            Assert.Equal(model.TreeWeight, back.TreeWeight);
            var after = back.Predict(queries);
            Assert.All(Enumerable.Range(0, before.Length), i => Assert.True(Math.Abs(before[i] - after[i]) <= 1e-5, $"query {i}: {before[i]} vs {after[i]}"));

            var old = Path.Combine(dir, "format2.json");
            File.WriteAllText(old, File.ReadAllText(path).Replace($"\"format_version\": {PairPredictor.FormatVersion}", "\"format_version\": 2"));
            var e = Assert.Throws<InvalidDataException>(() => PairPredictor.Load(old));
            Assert.Contains("format 2", e.Message);
            Assert.Contains("retrain", e.Message);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
