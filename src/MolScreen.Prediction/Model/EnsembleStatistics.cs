namespace MolScreen.Prediction.Model;

/// <summary>
/// Member outputs to the ensemble's prediction and uncertainty, the one definition that predict, the GPU
/// path and the trainer's evaluation share. Members with a variance head write, after the T predictions,
/// T log-variances in target units; the reported spread is then the whole predictive standard deviation of
/// the mixture (mean of the members' variances plus the variance of their means), since the members' spread
/// alone only says where they disagree, not where the data are noisy or the compound unlike the training set.
/// </summary>
public static class EnsembleStatistics
{
    /// <summary>Log-variances are clamped to this range (σ between ~7e-3 and ~150 target units) so a corrupt
    /// or extrapolating head cannot turn into an infinite or zero spread.</summary>
    public const float MinLogVariance = -10f, MaxLogVariance = 10f;

    /// <param name="members">Per member, row-major [compound][memberOutputs].</param>
    /// <param name="targets">Predicted targets T; members write T values, or 2T with a variance head.</param>
    public static (float[] Mean, float[] Std) Combine(IReadOnlyList<float[]> members, int compounds, int targets, bool varianceHead)
    {
        int k = members.Count, width = varianceHead ? 2 * targets : targets;
        foreach (var m in members)
            if (m.Length != compounds * width) throw new ArgumentException($"a member wrote {m.Length} values, expected {compounds} × {width}");
        var mean = new float[compounds * targets];
        var std = new float[compounds * targets];
        for (int i = 0; i < compounds; i++)
            for (int t = 0; t < targets; t++)
            {
                double s = 0, ss = 0, noise = 0;
                for (int j = 0; j < k; j++) s += members[j][i * width + t];
                double mu = s / k;
                for (int j = 0; j < k; j++)
                {
                    double d = members[j][i * width + t] - mu;
                    ss += d * d;
                    if (varianceHead) noise += Math.Exp(Math.Clamp(members[j][i * width + targets + t], MinLogVariance, MaxLogVariance));
                }
                mean[i * targets + t] = (float)mu;
                std[i * targets + t] = (float)Math.Sqrt((ss + noise) / k);
            }
        return (mean, std);
    }
}
