using MolScreen.Docking.Compute;

namespace MolScreen.Docking.Search;

/// <summary>
/// A chain's saved minima in a flat buffer: Capacity + 1 slots of [energy, conformation (C), heavy xyz (HC)], sorted by
/// energy; the slot after the last kept one receives a candidate before <see cref="MinimaStore.Add"/>.
/// </summary>
public readonly struct MinimaLayout(int offset, int confSize, int heavyCoords, int capacity)
{
    public readonly int Offset = offset, C = confSize, HC = heavyCoords, Capacity = capacity;
    public int SlotSize => 1 + C + HC;
    public int Size => (Capacity + 1) * SlotSize;
    public int Slot(int i) => Offset + i * SlotSize;
}

/// <summary>
/// Vina's add_to_output_container over a <see cref="MinimaLayout"/>, shared by the CPU chain and the GPU kernel: the
/// candidate replaces the closest kept pose if it is within minRmsd (and only if better), otherwise it is appended; the
/// list stays sorted by energy and keeps the best Capacity.
/// </summary>
public static class MinimaStore
{
    /// <summary>Adds the candidate in slot <paramref name="count"/>; returns the new count.</summary>
    public static int Add<TS>(TS s, MinimaLayout L, int count, float minRmsd) where TS : struct, IFloatBuffer
    {
        int cand = L.Slot(count);
        int closest = -1;
        float best = float.MaxValue;
        for (int k = 0; k < count; k++)
        {
            float r = PoseRmsd.InOrder(s, L.Slot(k) + 1 + L.C, s, cand + 1 + L.C, L.HC);
            if (r < best) { best = r; closest = k; }
        }
        int moved;
        if (closest >= 0 && best < minRmsd)
        {
            if (!(s[cand] < s[L.Slot(closest)])) return count;
            BfgsCore.Copy(s, cand, L.Slot(closest), L.SlotSize);
            moved = closest;
        }
        else moved = count++;
        // only the changed entry can be out of order: move it towards the front while it beats its neighbour
        while (moved > 0 && s[L.Slot(moved)] < s[L.Slot(moved - 1)])
        {
            Swap(s, L.Slot(moved), L.Slot(moved - 1), L.SlotSize);
            moved--;
        }
        // a replaced entry that got worse cannot happen (replacement only when better), so no move towards the back
        return count > L.Capacity ? L.Capacity : count;
    }

    static void Swap<TS>(TS s, int a, int b, int n) where TS : struct, IFloatBuffer
    {
        for (int i = 0; i < n; i++)
        {
            float t = s[a + i];
            s[a + i] = s[b + i];
            s[b + i] = t;
        }
    }
}
