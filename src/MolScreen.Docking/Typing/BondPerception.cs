namespace MolScreen.Docking.Typing;

/// <summary>
/// Vina's distance-based bond perception (model.cpp assign_bonds): two atoms that may be rigidly connected are bonded when
/// closer than 1.1 × the sum of covalent radii and no third rigidly connected atom lies closer to both. Matching this rule
/// exactly matters because bonds decide C_H/C_P and donor typing, the intramolecular 1-4 exclusions and the rotor count.
/// </summary>
public static class BondPerception
{
    const float AllowanceFactor = 1.1f;

    /// <param name="canBond">false for atom pairs whose distance varies (different rigid pieces, not across an axis).</param>
    public static List<int>[] Perceive(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, ReadOnlySpan<int> ad,
        Func<int, int, bool>? canBond = null)
    {
        int n = ad.Length;
        var bonds = new List<int>[n];
        for (int i = 0; i < n; i++) bonds[i] = new List<int>(4);
        float reach = AllowanceFactor * (2 * AdType.MaxCovalentRadius);
        var cells = new CellList(x, y, z, reach);
        var relevant = new List<int>(32);
        var candidates = new List<int>(64);
        for (int i = 0; i < n; i++)
        {
            float ri = ad[i] == AdType.OtherMetal ? AdType.MaxCovalentRadius : AdType.CovalentRadius(ad[i]);
            float cut = AllowanceFactor * (ri + AdType.MaxCovalentRadius);
            relevant.Clear();
            candidates.Clear();
            cells.Near(x[i], y[i], z[i], candidates);
            foreach (int j in candidates)
            {
                if (j == i || (canBond != null && !canBond(i, j))) continue;
                if (Dist2(x, y, z, i, j) < cut * cut) relevant.Add(j);
            }
            relevant.Sort();
            foreach (int j in relevant)
            {
                if (j <= i) continue;
                float len = AllowanceFactor * (AdType.CovalentRadius(ad[i]) + AdType.CovalentRadius(ad[j]));
                float r2 = Dist2(x, y, z, i, j);
                if (r2 < len * len && !AtomBetween(x, y, z, i, j, r2, relevant, canBond))
                {
                    bonds[i].Add(j);
                    bonds[j].Add(i);
                }
            }
        }
        return bonds;
    }

    static bool AtomBetween(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, int a, int b, float r2,
        List<int> relevant, Func<int, int, bool>? canBond)
    {
        foreach (int c in relevant)
        {
            if (c == a || c == b) continue;
            if (canBond != null && (!canBond(a, c) || !canBond(b, c))) continue;
            if (Dist2(x, y, z, a, c) < r2 && Dist2(x, y, z, b, c) < r2) return true;
        }
        return false;
    }

    static float Dist2(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, int i, int j)
    {
        float dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
        return dx * dx + dy * dy + dz * dz;
    }

    /// <summary>XS types of all atoms from their AD types and perceived bonds.</summary>
    public static int[] AssignXs(ReadOnlySpan<int> ad, List<int>[] bonds)
    {
        var xs = new int[ad.Length];
        for (int i = 0; i < ad.Length; i++)
        {
            bool hetero = false, polarH = false;
            foreach (int j in bonds[i])
            {
                if (AdType.IsHeteroatom(ad[j])) hetero = true;
                if (ad[j] == AdType.HD) polarH = true;
            }
            xs[i] = XsType.Assign(ad[i], hetero, polarH || AdType.IsMetal(ad[i]));
        }
        return xs;
    }
}
