using MolScreen.Docking.Compute;

namespace MolScreen.Docking.Search;

/// <summary>RMSD helpers over flat xyz arrays of heavy atoms.</summary>
public static class PoseRmsd
{
    /// <summary>RMSD with atoms matched by index (Vina's rmsd upper bound).</summary>
    public static float InOrder(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => InOrder(new SpanTable(a), 0, new SpanTable(b), 0, a.Length);

    /// <summary>The same over accessors: coords floats at aOffset and bOffset (what the GPU minima store calls).</summary>
    public static float InOrder<TA, TB>(TA a, int aOffset, TB b, int bOffset, int coords)
        where TA : struct, IFloatTable, allows ref struct where TB : struct, IFloatTable, allows ref struct
    {
        int n = coords / 3;
        if (n == 0) return 0;
        float s = 0;
        for (int i = 0; i < coords; i++) { float d = a[aOffset + i] - b[bOffset + i]; s += d * d; }
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
