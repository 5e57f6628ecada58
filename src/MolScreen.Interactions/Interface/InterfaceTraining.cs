using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Learning;

namespace MolScreen.Interactions.Interface;

/// <summary>Held-out figures of the interface model: per-fold metrics and the metrics pooled over all test residues.</summary>
public sealed record InterfaceCvResult(CvSummary Folds, BinaryMetrics Pooled, int Complexes, int Residues, int InterfaceResidues);

/// <summary>
/// Trains the per-residue interface model and measures it with folds over complexes: every residue of a complex is
/// in the same fold, so no complex is both trained on and tested (neighbouring residues share almost all features).
/// </summary>
public static class InterfaceTraining
{
    public const string Kind = "rpi-interface";
    public static string Layout => $"residue-environment-v2:{ResidueEnvironment.Length}";

    public static MlpOptions DefaultOptions => new() { Hidden = [64, 16], Dropout = 0.2, Epochs = 8, BatchSize = 128, Seed = 20261123 };

    public static ScoringModel Train(IReadOnlyList<InterfaceComplex> complexes, MlpOptions options)
    {
        var rows = complexes.SelectMany(c => c.Features).ToList();
        var labels = complexes.SelectMany(c => c.Residues.Select(r => r.Contacts)).ToList();
        var scaler = Standardizer.Fit(rows);
        var scaled = rows.Select(scaler.Apply).ToList();
        var net = MlpClassifier.Train(scaled, labels, options);
        return new ScoringModel(Kind, Layout, scaler, net, ScoringModel.PrevalenceThreshold(net.PredictProbabilities(scaled), labels));
    }

    public static InterfaceCvResult CrossValidate(IReadOnlyList<InterfaceComplex> complexes, int folds, int foldSeed, MlpOptions options)
    {
        if (complexes.Count < folds) throw new ArgumentException($"{complexes.Count} complexes cannot fill {folds} folds");
        var order = Enumerable.Range(0, complexes.Count).ToArray();
        new Random(foldSeed).Shuffle(order);
        var foldOf = new int[complexes.Count];
        for (int k = 0; k < order.Length; k++) foldOf[order[k]] = k % folds;
        var metrics = new List<BinaryMetrics>();
        var pooledScores = new List<float>();
        var pooledLabels = new List<bool>();
        var thresholds = new List<float>();
        for (int f = 0; f < folds; f++)
        {
            var train = complexes.Where((_, i) => foldOf[i] != f).ToList();
            var test = complexes.Where((_, i) => foldOf[i] == f).ToList();
            var model = Train(train, options);
            var scores = model.Predict(test.SelectMany(c => c.Features).ToList());
            var labels = test.SelectMany(c => c.Residues.Select(r => r.Contacts)).ToList();
            metrics.Add(BinaryMetrics.Compute(scores, labels, model.Threshold));
            pooledScores.AddRange(scores);
            pooledLabels.AddRange(labels);
            thresholds.AddRange(Enumerable.Repeat(model.Threshold, scores.Length));
        }
        // Pooled threshold metrics use each residue's own fold threshold: mark each call against its threshold.
        var decided = pooledScores.Select((s, i) => s >= thresholds[i] ? 1f : 0f).ToList();
        var pooled = BinaryMetrics.Compute(decided, pooledLabels) with { RocAuc = BinaryMetrics.ComputeRocAuc(pooledScores, pooledLabels) };
        return new InterfaceCvResult(new CvSummary(metrics), pooled, complexes.Count, pooledLabels.Count, pooledLabels.Count(l => l));
    }
}
