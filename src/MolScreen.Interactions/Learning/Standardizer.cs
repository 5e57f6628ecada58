namespace MolScreen.Interactions.Learning;

/// <summary>Per-feature z-scoring fitted on training rows only (fitting on all rows would leak test-fold statistics).</summary>
public sealed record Standardizer(float[] Mean, float[] Scale)
{
    public static Standardizer Fit(IReadOnlyList<float[]> rows)
    {
        if (rows.Count == 0) throw new ArgumentException("cannot fit a standardizer on zero rows");
        int d = rows[0].Length;
        var mean = new double[d];
        var sq = new double[d];
        foreach (var r in rows)
            for (int j = 0; j < d; j++) { mean[j] += r[j]; sq[j] += (double)r[j] * r[j]; }
        var m = new float[d];
        var s = new float[d];
        for (int j = 0; j < d; j++)
        {
            var mu = mean[j] / rows.Count;
            var variance = Math.Max(0, sq[j] / rows.Count - mu * mu);
            m[j] = (float)mu;
            // Constant features (an unseen k-mer) keep scale 1 so they map to 0 rather than to infinity.
            s[j] = variance > 1e-12 ? (float)(1 / Math.Sqrt(variance)) : 1f;
        }
        return new Standardizer(m, s);
    }

    public float[] Apply(float[] row)
    {
        if (row.Length != Mean.Length) throw new ArgumentException($"feature row has {row.Length} values, the model expects {Mean.Length}");
        var o = new float[row.Length];
        for (int j = 0; j < row.Length; j++)
        {
            if (!float.IsFinite(row[j])) throw new ArgumentException($"feature {j} is {row[j]}: inputs must be finite");
            o[j] = (row[j] - Mean[j]) * Scale[j];
        }
        return o;
    }
}
