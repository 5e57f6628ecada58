using MolScreen.Prediction.Evaluation;
using MolScreen.Prediction.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace MolScreen.Prediction.Training;

/// <summary>
/// What the members are fitted to and how a member's epoch is judged. Missing multi-task labels (NaN)
/// contribute nothing. Regression: squared error of the mean on standardized targets, plus, with a variance
/// head, the Gaussian negative log-likelihood of the log-variance outputs given the mean's (detached) error,
/// so learning the noise never pulls the mean away from the least-squares fit. Classification: binary cross
/// entropy on logits, positives optionally up-weighted per target.
/// </summary>
internal sealed class TrainingLoss(OutputKind kind, int targets, bool varianceHead, float[]? positiveWeights)
{
    public Tensor Compute(Tensor output, Tensor y)
    {
        // Scalars held in locals that are disposed at the end, and explicit alphas on every tensor add/sub: an implicit
        // Scalar temporary (TorchSharp's `a + b` makes one for alpha) can be finalized while libtorch still reads it
        // (sporadic c10 Scalar assertion failures in D-MPNN training); `using` keeps these alive to the end.
        using Scalar one = 1f, half = 0.5f, two = 2, lo = EnsembleStatistics.MinLogVariance, hi = EnsembleStatistics.MaxLogVariance;
        var mask = y.isnan().logical_not();
        var target = where(mask, y, zeros_like(y));
        var m = mask.to_type(ScalarType.Float32);
        var count = m.sum().clamp_min(one);
        var z = varianceHead ? output.narrow(1, 0, targets) : output;
        if (kind == OutputKind.Classification)
        {
            var perEntry = nn.functional.binary_cross_entropy_with_logits(z, target, reduction: nn.Reduction.None);
            if (positiveWeights != null)
            {
                // perEntry · (1 + y (w − 1)), written with explicit alphas (see above)
                var excess = tensor(positiveWeights.Select(w => w - 1f).ToArray()).to(z.device);
                perEntry = perEntry.add(perEntry * target * excess, one);
            }
            return (perEntry * m).sum() / count;
        }
        var squared = (z - target).pow(two); // sub takes no alpha in TorchSharp: nothing to hold
        var loss = (squared * m).sum() / count;
        if (!varianceHead) return loss;
        var logVar = output.narrow(1, targets, targets).clamp(lo, hi);
        var nll = half * logVar.add(squared.detach() * (-logVar).exp(), one);
        return loss.add((nll * m).sum() / count, one);
    }

    /// <summary>Positive weight per target sqrt(negatives / positives) on the training labels, at least 1: rare
    /// actives (Tox21 assays have 2–16%) count more without the full ratio's distortion of the probabilities.</summary>
    public static float[] BalancedPositiveWeights(DenseInputs train)
    {
        var w = new float[train.Targets];
        for (int j = 0; j < train.Targets; j++)
        {
            int pos = 0, neg = 0;
            for (int r = 0; r < train.Rows; r++)
            {
                float v = train.Y[r * train.Targets + j];
                if (float.IsNaN(v)) continue;
                if (v > 0.5f) pos++; else neg++;
            }
            w[j] = pos == 0 ? 1f : (float)Math.Max(1.0, Math.Sqrt(neg / (double)pos));
        }
        return w;
    }

    /// <summary>The epoch's score on the validation part, lower is better: the mean's squared error
    /// (standardized), or minus the mean ROC-AUC over the targets with both classes present; classifiers stop
    /// on ranking quality, which keeps improving after the loss has turned.</summary>
    public double ValidationScore(float[] output, DenseInputs val)
    {
        int width = varianceHead ? 2 * targets : targets;
        if (kind == OutputKind.Regression)
        {
            double sum = 0; int n = 0;
            for (int r = 0; r < val.Rows; r++)
                for (int j = 0; j < targets; j++)
                {
                    float y = val.Y[r * targets + j];
                    if (float.IsNaN(y)) continue;
                    double d = output[r * width + j] - y;
                    sum += d * d; n++;
                }
            return n == 0 ? double.PositiveInfinity : sum / n;
        }
        var aucs = new List<double>();
        for (int j = 0; j < targets; j++)
        {
            var y = new float[val.Rows]; var p = new float[val.Rows];
            for (int r = 0; r < val.Rows; r++) { y[r] = val.Y[r * targets + j]; p[r] = output[r * width + j]; }
            double auc = Metrics.RocAuc(y, p);
            if (double.IsFinite(auc)) aucs.Add(auc);
        }
        return aucs.Count == 0 ? double.PositiveInfinity : -aucs.Average();
    }
}
