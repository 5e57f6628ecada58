using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Tests;

public class PairTuningTests
{
    [Fact]
    public void Accuracy_threshold_separates_shifted_classes_and_keeps_05_when_flat()
    {
        // Negatives 0.55–0.65, positives 0.75–0.95: 0.5 calls every negative positive; the best cut lies between 0.65 and 0.75.
        float[] scores = [0.55f, 0.6f, 0.65f, 0.75f, 0.85f, 0.95f];
        bool[] labels = [false, false, false, true, true, true];
        var t = PairTuning.AccuracyThreshold(scores, labels);
        Assert.Equal(0.7f, t, 5);
        Assert.Equal(1.0, BinaryMetrics.Compute(scores, labels, t).Accuracy);
        // Alternating labels: the cuts at 0.1, 0.3, 0.5 and 0.9 all get 2 of 4 right, so the one nearest 0.5 wins.
        Assert.Equal(0.5f, PairTuning.AccuracyThreshold([0.2f, 0.4f, 0.6f, 0.8f], [true, false, true, false]), 5);
    }

    [Fact]
    public void Prevalence_threshold_calls_the_training_positive_rate()
    {
        float[] scores = [0.9f, 0.8f, 0.7f, 0.6f, 0.2f, 0.1f];
        Assert.Equal(0.65f, PairTuning.PrevalenceThreshold(scores, 0.5), 5);
        Assert.Equal(0.5f, PairTuning.PrevalenceThreshold(scores, 0.0), 5);
    }

    [Fact]
    public void Watching_a_validation_split_leaves_the_trained_weights_unchanged()
    {
        var rng = new Random(5);
        var rows = Enumerable.Range(0, 120).Select(i => Enumerable.Range(0, 6).Select(j => (float)(rng.NextDouble() + (i % 2 == 0 && j == 0 ? 1 : 0))).ToArray()).ToList();
        var labels = Enumerable.Range(0, 120).Select(i => i % 2 == 0).ToList();
        var options = new MlpOptions { Hidden = [8], Epochs = 4, Seed = 9 };
        var plain = MlpClassifier.Train(rows, labels, options);
        var (watched, perEpoch) = MlpClassifier.Train(rows, labels, options, rows.Take(10).ToList());
        Assert.Equal(plain.Layers[0].Weight, watched.Layers[0].Weight);
        Assert.Equal(4, perEpoch.Length);
        // The last epoch's validation scores are what the finished network predicts.
        Assert.Equal(watched.PredictProbabilities(rows.Take(10).ToList()), perEpoch[^1], new FloatTolerance(1e-5f));
    }

    [Fact]
    public void Tuned_model_carries_the_inner_threshold_and_epochs_within_range()
    {
        var rng = new Random(2);
        string R(string alphabet, int n) => new(Enumerable.Range(0, n).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
        var proteins = Enumerable.Range(0, 8).Select(i => SequenceAlphabet.Protein($"p{i}", R(SequenceAlphabet.Amino, 50 + 4 * i))).ToArray();
        var rnas = Enumerable.Range(0, 8).Select(i => SequenceAlphabet.Rna($"r{i}", R("ACGU", 30 + 2 * i))).ToArray();
        var pairs = Enumerable.Range(0, 100).Select(_ =>
        {
            int p = rng.Next(proteins.Length);
            return new LabelledPair(proteins[p], rnas[rng.Next(rnas.Length)], rng.NextDouble() < (p < 4 ? 0.85 : 0.15));
        }).ToList();
        var tuning = new InnerTuning { MaxEpochs = 6 };
        var (model, schedule) = PairModel.TrainTuned(pairs, new MlpOptions { Hidden = [8], Epochs = 3, Seed = 4 }, PairModel.DefaultProfiles, 2, tuning);
        Assert.NotNull(schedule);
        Assert.InRange(schedule.Epochs, 1, 6);
        Assert.Equal(schedule.Threshold, model.Threshold);
        Assert.All(model.Members, m => Assert.Equal(schedule.Threshold, m.Threshold));
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(float v) => 0;
    }
}
