namespace MolScreen.Prediction.Evaluation;

/// <summary>Accuracy and calibration measures; pairs with a NaN label are left out (masked multi-task labels).</summary>
public static class Metrics
{
    public static double Rmse(IReadOnlyList<float> y, IReadOnlyList<float> p) =>
        Math.Sqrt(Pairs(y, p).Select(t => (double)(t.Y - t.P) * (t.Y - t.P)).DefaultIfEmpty(double.NaN).Average());

    public static double Mae(IReadOnlyList<float> y, IReadOnlyList<float> p) =>
        Pairs(y, p).Select(t => (double)Math.Abs(t.Y - t.P)).DefaultIfEmpty(double.NaN).Average();

    public static double R2(IReadOnlyList<float> y, IReadOnlyList<float> p)
    {
        var pairs = Pairs(y, p).ToList();
        if (pairs.Count < 2) return double.NaN;
        double mean = pairs.Average(t => t.Y);
        double ssRes = pairs.Sum(t => (double)(t.Y - t.P) * (t.Y - t.P)), ssTot = pairs.Sum(t => (t.Y - mean) * (t.Y - mean));
        return ssTot == 0 ? double.NaN : 1 - ssRes / ssTot;
    }

    /// <summary>Area under the ROC curve by the rank-sum formula, ties sharing their average rank; NaN when one class is absent.</summary>
    public static double RocAuc(IReadOnlyList<float> y, IReadOnlyList<float> p)
    {
        var pairs = Pairs(y, p).ToList();
        long pos = pairs.Count(t => t.Y > 0.5f), neg = pairs.Count - pos;
        if (pos == 0 || neg == 0) return double.NaN;
        var ranks = Ranks(pairs.Select(t => (double)t.P).ToList());
        double sum = 0;
        for (int i = 0; i < pairs.Count; i++) if (pairs[i].Y > 0.5f) sum += ranks[i];
        return (sum - pos * (pos + 1) / 2.0) / ((double)pos * neg);
    }

    /// <summary>Spearman rank correlation (Pearson on tie-averaged ranks).</summary>
    public static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) throw new ArgumentException("lengths differ");
        if (a.Count < 3) return double.NaN;
        var ra = Ranks(a); var rb = Ranks(b);
        double ma = ra.Average(), mb = rb.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < ra.Length; i++) { sab += (ra[i] - ma) * (rb[i] - mb); saa += (ra[i] - ma) * (ra[i] - ma); sbb += (rb[i] - mb) * (rb[i] - mb); }
        return saa == 0 || sbb == 0 ? double.NaN : sab / Math.Sqrt(saa * sbb);
    }

    /// <summary>Expected calibration error over equal-width probability bins: the count-weighted gap
    /// between mean predicted probability and observed positive rate.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<float> y, IReadOnlyList<float> p, int bins = 10)
    {
        var pairs = Pairs(y, p).ToList();
        if (pairs.Count == 0) return double.NaN;
        double ece = 0;
        foreach (var bin in pairs.GroupBy(t => Math.Min(bins - 1, (int)(t.P * bins))))
            ece += bin.Count() / (double)pairs.Count * Math.Abs(bin.Average(t => (double)t.P) - bin.Average(t => (double)t.Y));
        return ece;
    }

    private static IEnumerable<(float Y, float P)> Pairs(IReadOnlyList<float> y, IReadOnlyList<float> p)
    {
        if (y.Count != p.Count) throw new ArgumentException($"{y.Count} labels but {p.Count} predictions");
        for (int i = 0; i < y.Count; i++) if (!float.IsNaN(y[i])) yield return (y[i], p[i]);
    }

    private static double[] Ranks(IReadOnlyList<double> v)
    {
        var order = Enumerable.Range(0, v.Count).OrderBy(i => v[i]).ToArray();
        var ranks = new double[v.Count];
        for (int s = 0; s < order.Length;)
        {
            int e = s;
            while (e + 1 < order.Length && v[order[e + 1]] == v[order[s]]) e++;
            double avg = (s + e) / 2.0 + 1;
            for (int k = s; k <= e; k++) ranks[order[k]] = avg;
            s = e + 1;
        }
        return ranks;
    }
}
