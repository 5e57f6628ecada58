using MolScreen.Prediction.Features;
using MolScreen.Prediction.Model;

namespace MolScreen.Prediction.Evaluation;

/// <summary>Scores an exported ensemble on labelled compounds: accuracy plus how well its spread signals error.</summary>
public sealed class ModelEvaluation(IReadOnlyList<MlpNetwork> members, OutputKind kind, bool varianceHead)
{
    /// <param name="nearest">Each input's nearest-training-compound similarity, when known: regression then also
    /// reports how well the distance to the training set (1 − similarity) ranks the errors, beside `_std`.</param>
    public Dictionary<string, Dictionary<string, double>> Score(IReadOnlyList<FeatureVector> inputs, IReadOnlyList<float[]> labels, string[] outputs,
        IReadOnlyList<float>? nearest = null)
    {
        int n = inputs.Count;
        var preds = members.Select(m => { var o = new float[n * m.Outputs]; m.Forward(inputs, o); return o; }).ToList();
        return Score(preds, n, labels, outputs, kind, varianceHead, nearest);
    }

    /// <summary>Scores member outputs however they were computed (any architecture), row-major [compound][memberOutputs].</summary>
    public static Dictionary<string, Dictionary<string, double>> Score(IReadOnlyList<float[]> preds, int n, IReadOnlyList<float[]> labels, string[] outputs,
        OutputKind kind, bool varianceHead, IReadOnlyList<float>? nearest = null)
    {
        int t = outputs.Length;
        var (means, stds) = EnsembleStatistics.Combine(preds, n, t, varianceHead);
        return ScoreMeans(means, stds, n, labels, outputs, kind, nearest);
    }

    /// <summary>Scores ensemble means and spreads, row-major [compound][output].</summary>
    public static Dictionary<string, Dictionary<string, double>> ScoreMeans(float[] means, float[] stds, int n, IReadOnlyList<float[]> labels, string[] outputs,
        OutputKind kind, IReadOnlyList<float>? nearest = null)
    {
        int t = outputs.Length;
        var result = new Dictionary<string, Dictionary<string, double>>();
        for (int j = 0; j < t; j++)
        {
            var y = labels.Select(l => l[j]).ToArray();
            var mean = Enumerable.Range(0, n).Select(i => means[i * t + j]).ToArray();
            var std = Enumerable.Range(0, n).Select(i => (double)stds[i * t + j]).ToArray();
            var m = new Dictionary<string, double> { ["n"] = y.Count(v => !float.IsNaN(v)) };
            if (kind == OutputKind.Regression)
            {
                m["rmse"] = Metrics.Rmse(y, mean); m["mae"] = Metrics.Mae(y, mean); m["r2"] = Metrics.R2(y, mean);
                var labelled = Enumerable.Range(0, n).Where(i => !float.IsNaN(y[i])).ToArray();
                var absError = labelled.Select(i => (double)Math.Abs(y[i] - mean[i])).ToList();
                m["spearman_std_vs_abs_error"] = Metrics.Spearman(labelled.Select(i => std[i]).ToList(), absError);
                if (nearest != null)
                    m["spearman_distance_vs_abs_error"] = Metrics.Spearman(labelled.Select(i => 1.0 - nearest[i]).ToList(), absError);
            }
            else
            {
                m["roc_auc"] = Metrics.RocAuc(y, mean); m["ece"] = Metrics.ExpectedCalibrationError(y, mean);
            }
            // JSON has no NaN: a metric that is undefined here (one class absent) is left out.
            result[outputs[j]] = m.Where(kv => double.IsFinite(kv.Value)).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4));
        }
        return result;
    }
}
