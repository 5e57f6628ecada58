using MolScreen.Docking.Compute;

namespace MolScreen.Docking.Search;

/// <summary>
/// Where a chain's history of visited points lives in its flat state buffer: a header (count, next write slot), a probe
/// (the point being tested, N floats), Capacity entries of [point (N), energy, gradient sign (N)], then Capacity floats of
/// squared distances and Capacity flags used while testing. Capacity 0 = no history (every local search runs).
/// </summary>
public readonly struct HistoryLayout
{
    public readonly int Offset, N, Capacity, Checks;

    public HistoryLayout(int offset, int gradSize, bool enabled)
    {
        Offset = offset; N = gradSize;
        // QuickVina 2's sizes: remember the last 5N points, compare a new one with its 4N nearest
        Capacity = enabled ? 5 * gradSize : 0;
        Checks = 4 * gradSize;
    }

    public int Probe => Offset + 2;
    public int EntryStride => 2 * N + 1;
    public int Entry(int k) => Probe + N + k * EntryStride;
    public int Distances => Entry(Capacity);
    public int Picked => Distances + Capacity;
    public int Size => Capacity == 0 ? 0 : Picked + Capacity - Offset;
}

/// <summary>
/// QuickVina 2's rule for skipping a local search that would most likely end in a minimum the chain already knows
/// (Alhossary et al., Bioinformatics 2015), shared by the CPU chain and the GPU kernel. Every point a chain's BFGS passes
/// through is remembered with its energy and the sign of each gradient component. A new start point is compared with its
/// nearest remembered points: along a coordinate where both gradients point the same way, the energy difference between
/// the two points either agrees with that slope (the two sit on one monotone flank, so one basin along that coordinate) or
/// contradicts it (a ridge lies between them). The start point is worth a local search if, for at least one of its
/// neighbours, every such coordinate shows a ridge; otherwise it lies in the basin of points already descended from.
/// Points are compared in (position Å, orientation as a rotation vector, torsions with wrapped differences), the
/// coordinates of the gradient.
/// </summary>
public static class VisitedHistory
{
    /// <summary>Writes the comparable coordinates of the conformation at state[conf…] to the probe.</summary>
    public static void SetProbe<TS>(TS s, HistoryLayout H, int conf) where TS : struct, IFloatBuffer
    {
        int p = H.Probe;
        s[p] = s[conf]; s[p + 1] = s[conf + 1]; s[p + 2] = s[conf + 2];
        float w = s[conf + 3], x = s[conf + 4], y = s[conf + 5], z = s[conf + 6];
        if (w < 0) { w = -w; x = -x; y = -y; z = -z; } // q and −q are one rotation
        float sin = MathF.Sqrt(x * x + y * y + z * z);
        float k = sin > 1e-7f ? 2f * MathF.Atan2(sin, w) / sin : 2f;
        s[p + 3] = k * x; s[p + 4] = k * y; s[p + 5] = k * z;
        for (int i = 6; i < H.N; i++) s[p + i] = s[conf + i + 1];
    }

    /// <summary>True if the probe (energy f, gradient at state[grad…]) is worth a local search; always while the history fills.</summary>
    public static bool Interesting<TS>(TS s, HistoryLayout H, float f, int grad) where TS : struct, IFloatBuffer
    {
        int count = (int)s[H.Offset];
        if (count < H.Capacity) return true;
        for (int k = 0; k < count; k++)
        {
            s[H.Distances + k] = Distance2(s, H, H.Entry(k));
            s[H.Picked + k] = 0f;
        }
        for (int check = 0; check < H.Checks; check++)
        {
            int nearest = -1;
            float best = float.MaxValue;
            for (int k = 0; k < count; k++)
                if (s[H.Picked + k] == 0f && s[H.Distances + k] < best) { best = s[H.Distances + k]; nearest = k; }
            if (nearest < 0) break;
            s[H.Picked + nearest] = 1f;
            if (RidgeOnEverySharedSlope(s, H, H.Entry(nearest), f, grad)) return true;
        }
        return false;
    }

    /// <summary>Remembers the probe with its energy and gradient signs (a ring: the oldest entry is overwritten when full).</summary>
    public static void Add<TS>(TS s, HistoryLayout H, float f, int grad) where TS : struct, IFloatBuffer
    {
        int count = (int)s[H.Offset], next = (int)s[H.Offset + 1];
        int e = H.Entry(next);
        for (int i = 0; i < H.N; i++)
        {
            s[e + i] = s[H.Probe + i];
            float g = s[grad + i];
            s[e + H.N + 1 + i] = g > 0f ? 1f : g < 0f ? -1f : 0f;
        }
        s[e + H.N] = f;
        s[H.Offset] = count < H.Capacity ? count + 1 : count;
        s[H.Offset + 1] = next + 1 < H.Capacity ? next + 1 : 0;
    }

    /// <summary>Empties the history (a chain starts with none).</summary>
    public static void Clear<TS>(TS s, HistoryLayout H) where TS : struct, IFloatBuffer
    {
        if (H.Capacity == 0) return;
        s[H.Offset] = 0f;
        s[H.Offset + 1] = 0f;
    }

    static float Distance2<TS>(TS s, HistoryLayout H, int entry) where TS : struct, IFloatBuffer
    {
        float sum = 0f;
        for (int i = 0; i < H.N; i++)
        {
            float d = Delta(s, H, entry, i);
            sum += d * d;
        }
        return sum;
    }

    /// <summary>Probe minus entry along coordinate i; torsion differences wrapped to ±π.</summary>
    static float Delta<TS>(TS s, HistoryLayout H, int entry, int i) where TS : struct, IFloatBuffer
    {
        float d = s[H.Probe + i] - s[entry + i];
        return i >= 6 ? KinematicsCore.WrapAngle(d) : d;
    }

    static bool RidgeOnEverySharedSlope<TS>(TS s, HistoryLayout H, int entry, float f, int grad) where TS : struct, IFloatBuffer
    {
        bool higher = f > s[entry + H.N];
        for (int i = 0; i < H.N; i++)
        {
            float g = s[grad + i], old = s[entry + H.N + 1 + i];
            if (g == 0f || old == 0f || (g > 0f) != (old > 0f)) continue; // opposite slopes: a stationary point between
            bool rising = g > 0f, further = Delta(s, H, entry, i) > 0f;
            // one flank: moving up a rising slope raises the energy (or down it lowers it)
            if (rising == (further == higher)) return false;
        }
        return true;
    }
}
