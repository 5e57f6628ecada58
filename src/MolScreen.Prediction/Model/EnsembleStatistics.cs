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

    /// <summary>
    /// A combined model's prediction from its architectures' ensemble means and spreads, each architecture weighted
    /// equally whatever its member count (5 MLPs must not outvote 2 D-MPNNs: the benchmark that chose the combination
    /// averaged the two ensemble means). The spread is that of the equal-weight mixture of the architectures' predictive
    /// distributions: the mean of their variances plus the variance of their means, so `_std` grows where the two
    /// architectures disagree. One part is returned as it is.
    /// </summary>
    public static (float[] Mean, float[] Std) Mix(IReadOnlyList<(float[] Mean, float[] Std)> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("no parts to mix");
        if (parts.Count == 1) return parts[0];
        int len = parts[0].Mean.Length, a = parts.Count;
        if (parts.Any(p => p.Mean.Length != len || p.Std.Length != len)) throw new ArgumentException("the parts predicted different numbers of values");
        var mean = new float[len];
        var std = new float[len];
        for (int i = 0; i < len; i++)
        {
            double mu = 0, v = 0;
            foreach (var p in parts) mu += p.Mean[i];
            mu /= a;
            foreach (var p in parts) { double d = p.Mean[i] - mu; v += (double)p.Std[i] * p.Std[i] + d * d; }
            mean[i] = (float)mu;
            std[i] = (float)Math.Sqrt(v / a);
        }
        return (mean, std);
    }
}
