using MolScreen.Prediction.Features;
using MolScreen.Prediction.Model;

namespace MolScreen.Prediction.Training;

/// <summary>
/// The MLP ensemble on ECFP4 + descriptors (<see cref="FeatureSpec"/>) trained from scratch in process on one
/// regression target: each member on its own bootstrap sample with its own seed for a fixed number of epochs
/// (no validation split: every score is precious and there is nothing to stop early against), with a
/// log-variance head, so the ensemble's spread is the whole predictive standard deviation. Deterministic for a
/// seed: fixed member seeds, libtorch single-threaded (<see cref="MolScreen.Learning.TorchRuntime"/>), and the
/// C# forward pass for prediction.
/// </summary>
public sealed class SurrogateEnsemble
{
    private readonly List<MlpNetwork> _members;

    private SurrogateEnsemble(List<MlpNetwork> members) => _members = members;

    /// <summary>Throws <see cref="SurrogateException"/> naming the cause when the scores cannot train a model.</summary>
    public static SurrogateEnsemble Train(IReadOnlyList<FeatureVector> inputs, IReadOnlyList<float> scores, SurrogateSettings s, int seed)
    {
        if (inputs.Count != scores.Count) throw new ArgumentException($"{inputs.Count} inputs but {scores.Count} scores");
        if (inputs.Count < Math.Max(2, s.MinScores))
            throw new SurrogateException($"the surrogate cannot train: {inputs.Count} scored compound(s), at least {Math.Max(2, s.MinScores)} needed (min_scores)");
        if (scores.Any(v => !float.IsFinite(v))) throw new SurrogateException("the surrogate cannot train: a score is not a finite number");
        if (scores.All(v => v == scores[0]))
            throw new SurrogateException($"the surrogate cannot train: all {scores.Count} scores are equal ({scores[0]}), so there is nothing to learn");
        var labels = scores.Select(v => new[] { v }).ToList();
        var all = Enumerable.Range(0, inputs.Count).ToArray();
        var scaling = MlpScaling.Fit(inputs, labels, all, OutputKind.Regression);
        var o = new TrainingOptions
        {
            DataPath = "", SmilesColumn = "", Targets = ["score"], Task = OutputKind.Regression, Name = "surrogate",
            Ensemble = s.Members, Seed = seed, Hidden = s.Hidden, BatchSize = s.BatchSize, MaxEpochs = s.Epochs, Bootstrap = true,
        };
        var members = new List<MlpNetwork>();
        for (int k = 0; k < s.Members; k++)
        {
            int memberSeed = unchecked(seed * 1000 + k);
            var rng = new Random(memberSeed);
            var sample = all.Select(_ => all[rng.Next(all.Length)]).ToArray();
            var dense = DenseInputs.Build(inputs, labels, sample, scaling);
            members.Add(TrainMember(dense, scaling, o, memberSeed, s.Epochs));
        }
        return new SurrogateEnsemble(members);
    }

    /// <summary>One member, from its own seed (so <see cref="MlpTrainer.Refit"/>'s retry trains the same network).</summary>
    private static MlpNetwork TrainMember(DenseInputs dense, MlpScaling scaling, TrainingOptions o, int memberSeed, int epochs) =>
        MlpTrainer.Refit(dense, scaling, o, memberSeed, epochs, null).Network;

    /// <summary>Ensemble mean and predictive standard deviation per input.</summary>
    public (float[] Mean, float[] Std) Predict(IReadOnlyList<FeatureVector> inputs)
    {
        var outputs = _members.Select(m => { var p = new float[inputs.Count * m.Outputs]; m.Forward(inputs, p); return p; }).ToList();
        return EnsembleStatistics.Combine(outputs, inputs.Count, 1, varianceHead: true);
    }
}

