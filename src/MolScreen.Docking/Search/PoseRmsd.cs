namespace MolScreen.Docking.Search;

/// <summary>RMSD helpers over flat xyz arrays of heavy atoms.</summary>
public static class PoseRmsd
{
    /// <summary>RMSD with atoms matched by index (Vina's rmsd upper bound).</summary>
    public static float InOrder(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = a.Length / 3;
        if (n == 0) return 0;
        float s = 0;
        for (int i = 0; i < a.Length; i++) { float d = a[i] - b[i]; s += d * d; }
        return MathF.Sqrt(s / n);
    }

    /// <summary>
    /// Vina's rmsd lower bound: each atom matched to the nearest atom of the same element in the other pose, taken both ways
    /// (a symmetry-tolerant bound reported as rmsd_lb).
    /// </summary>
    public static float LowerBound(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<int> element)
    {
        return MathF.Max(Asym(a, b, element), Asym(b, a, element));
    }

    static float Asym(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<int> element)
    {
        int n = a.Length / 3;
        if (n == 0) return 0;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            float best = float.MaxValue;
            for (int j = 0; j < n; j++)
            {
                if (element[i] != element[j]) continue;
                float dx = a[3 * i] - b[3 * j], dy = a[3 * i + 1] - b[3 * j + 1], dz = a[3 * i + 2] - b[3 * j + 2];
                best = MathF.Min(best, dx * dx + dy * dy + dz * dz);
            }
            sum += best;
        }
        return (float)Math.Sqrt(sum / n);
    }
}
