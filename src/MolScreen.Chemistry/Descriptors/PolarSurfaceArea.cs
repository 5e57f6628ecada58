using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Descriptors;

/// <summary>
/// Topological polar surface area (Ertl, Rohde, Selzer, J. Med. Chem. 2000, 43, 3714), N and O
/// contributions only, with the fragment table and fallback formula RDKit uses, so values agree.
/// </summary>
public static class PolarSurfaceArea
{
    public static double Tpsa(MolGraph g)
    {
        double total = 0;
        for (int i = 0; i < g.AtomCount; i++)
            if (g.AtomicNumber[i] is 7 or 8) total += Contribution(g, i);
        return total;
    }

    public static double Contribution(MolGraph g, int atom)
    {
        int single = 0, dbl = 0, triple = 0, arom = 0;
        foreach (var (_, b) in g.Adjacency[atom])
        {
            switch (g.BondKinds[b])
            {
                case BondKind.Aromatic: arom++; break;
                case BondKind.Single: single++; break;
                case BondKind.Double: dbl++; break;
                case BondKind.Triple: triple++; break;
            }
        }
        int nbrs = g.Adjacency[atom].Length, h = g.TotalHydrogens[atom], q = g.FormalCharge[atom];
        bool in3 = RingSizes.InThreeMemberedRing(g, atom);
        double? v = g.AtomicNumber[atom] == 7
            ? Nitrogen(nbrs, h, q, single, dbl, triple, arom, in3)
            : Oxygen(nbrs, h, q, single, dbl, arom, in3);
        if (v is { } known) return known;
        // Atoms outside the table: Ertl's generic estimate, as in the reference implementation.
        var generic = g.AtomicNumber[atom] == 7 ? 30.5 - nbrs * 8.2 + h * 1.5 : 28.5 - nbrs * 8.6 + h * 1.5;
        return Math.Max(0, generic);
    }

    private static double? Nitrogen(int nbrs, int h, int q, int s, int d, int t, int a, bool in3) => nbrs switch
    {
        1 when h == 0 && q == 0 && t == 1 => 23.79,
        1 when h == 1 && q == 0 && d == 1 => 23.85,
        1 when h == 2 && q == 0 && s == 1 => 26.02,
        1 when h == 2 && q == 1 && d == 1 => 25.59,
        1 when h == 3 && q == 1 && s == 1 => 27.64,
        2 when h == 0 && q == 0 && s == 1 && d == 1 => 12.36,
        2 when h == 0 && q == 0 && t == 1 && d == 1 => 13.60,
        2 when h == 1 && q == 0 && s == 2 && in3 => 21.94,
        2 when h == 1 && q == 0 && s == 2 => 12.03,
        2 when h == 0 && q == 1 && t == 1 && s == 1 => 4.36,
        2 when h == 1 && q == 1 && d == 1 && s == 1 => 13.97,
        2 when h == 2 && q == 1 && s == 2 => 16.61,
        2 when h == 0 && q == 0 && a == 2 => 12.89,
        2 when h == 1 && q == 0 && a == 2 => 15.79,
        2 when h == 1 && q == 1 && a == 2 => 14.14,
        3 when h == 0 && q == 0 && s == 3 && in3 => 3.01,
        3 when h == 0 && q == 0 && s == 3 => 3.24,
        3 when h == 0 && q == 0 && s == 1 && d == 2 => 11.68,
        3 when h == 0 && q == 1 && s == 2 && d == 1 => 3.01,
        3 when h == 1 && q == 1 && s == 3 => 4.44,
        3 when h == 0 && q == 0 && a == 3 => 4.41,
        3 when h == 0 && q == 0 && s == 1 && a == 2 => 4.93,
        3 when h == 0 && q == 0 && d == 1 && a == 2 => 8.39,
        3 when h == 0 && q == 1 && a == 3 => 4.10,
        3 when h == 0 && q == 1 && s == 1 && a == 2 => 3.88,
        4 when h == 0 && s == 4 && q == 1 => 0.0,
        _ => null,
    };

    private static double? Oxygen(int nbrs, int h, int q, int s, int d, int a, bool in3) => nbrs switch
    {
        1 when h == 0 && q == 0 && d == 1 => 17.07,
        1 when h == 1 && q == 0 && s == 1 => 20.23,
        1 when h == 0 && q == -1 && s == 1 => 23.06,
        2 when h == 0 && q == 0 && s == 2 && in3 => 12.53,
        2 when h == 0 && q == 0 && s == 2 => 9.23,
        2 when h == 0 && q == 0 && a == 2 => 13.14,
        _ => null,
    };
}
