using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Descriptors;

/// <summary>Counting descriptors with RDKit's definitions (Lipinski HBD/HBA, strict rotatable bonds, Fsp3).</summary>
public static class CompositionDescriptors
{
    public static int HeavyAtoms(MolGraph g) => g.AtomicNumber.Count(z => z > 1);

    public static int FormalCharge(MolGraph g) => g.FormalCharge.Sum();

    /// <summary>Lipinski donors: hydrogens on N and O.</summary>
    public static int LipinskiDonors(MolGraph g)
    {
        int n = 0;
        for (int i = 0; i < g.AtomCount; i++) if (g.AtomicNumber[i] is 7 or 8) n += g.TotalHydrogens[i];
        return n;
    }

    /// <summary>Lipinski acceptors: N and O atoms.</summary>
    public static int LipinskiAcceptors(MolGraph g) => g.AtomicNumber.Count(z => z is 7 or 8);

    /// <summary>
    /// Rotatable bonds with RDKit's default ("strict") rule: an acyclic single bond whose two ends are
    /// non-terminal and carry no triple bond, neither end being a CF3/CCl3/CBr3 or t-butyl carbon, and
    /// not an amide-like link (C(=N/O/S) or C(=N+) single-bonded to N/O/S). RDKit matches that as a
    /// SMARTS whose amide exclusions sit on the first atom only, so a bond counts when either
    /// orientation passes; this code keeps that asymmetry to give the same counts.
    /// </summary>
    public static int RotatableBonds(MolGraph g)
    {
        int n = 0;
        for (int b = 0; b < g.BondCount; b++)
        {
            if (g.BondKinds[b] != BondKind.Single || g.BondInRing[b]) continue;
            int x = g.BondBegin[b], y = g.BondEnd[b];
            if ((RotorEnd(g, x) && !AmideLike(g, x) && RotorEnd(g, y)) || (RotorEnd(g, y) && !AmideLike(g, y) && RotorEnd(g, x))) n++;
        }
        return n;
    }

    private static bool RotorEnd(MolGraph g, int a) =>
        g.Adjacency[a].Length != 1 && !g.Adjacency[a].Any(n => g.BondKinds[n.Bond] == BondKind.Triple) && !IsSymmetricTop(g, a);

    /// <summary>CX3 (X = F, Cl, Br) and C(CH3)3 carbons: spinning them changes nothing.</summary>
    private static bool IsSymmetricTop(MolGraph g, int a)
    {
        if (g.AtomicNumber[a] != 6 || g.Aromatic[a]) return false;
        int f = 0, cl = 0, br = 0, me = 0;
        foreach (var (n, b) in g.Adjacency[a])
        {
            if (g.BondKinds[b] is not (BondKind.Single or BondKind.Aromatic)) continue;
            switch (g.AtomicNumber[n])
            {
                case 9: f++; break;
                case 17: cl++; break;
                case 35: br++; break;
                case 6 when !g.Aromatic[n] && g.TotalHydrogens[n] == 3: me++; break;
            }
        }
        return f >= 3 || cl >= 3 || br >= 3 || me >= 3;
    }

    private static bool AmideLike(MolGraph g, int a) =>
        (IsAcylCarbon(g, a, cationicN: false) && HasAcyclicSingleTo(g, a, n => IsNOSLinker(g, n)))
        || (IsNOSLinker(g, a) && HasAcyclicSingleTo(g, a, c => IsAcylCarbon(g, c, cationicN: false)))
        || (IsAcylCarbon(g, a, cationicN: true) && HasAcyclicSingleTo(g, a, n => g.AtomicNumber[n] == 7 && g.Adjacency[n].Length != 1))
        || (g.AtomicNumber[a] == 7 && g.Adjacency[a].Length != 1 && HasAcyclicSingleTo(g, a, c => IsAcylCarbon(g, c, cationicN: true)));

    /// <summary>An aliphatic carbon with three heavy neighbours, double-bonded to aliphatic N/O/S (or to N+).</summary>
    private static bool IsAcylCarbon(MolGraph g, int c, bool cationicN)
    {
        if (g.AtomicNumber[c] != 6 || g.Aromatic[c] || g.Adjacency[c].Length != 3) return false;
        foreach (var (n, b) in g.Adjacency[c])
        {
            if (g.BondKinds[b] != BondKind.Double || g.Aromatic[n]) continue;
            if (cationicN ? g.AtomicNumber[n] == 7 && g.FormalCharge[n] == 1 : g.AtomicNumber[n] is 7 or 8 or 16) return true;
        }
        return false;
    }

    /// <summary>Any N, aliphatic O, or aliphatic non-terminal S (SMARTS [#7,O,S!D1]).</summary>
    private static bool IsNOSLinker(MolGraph g, int a) =>
        g.AtomicNumber[a] == 7 || (!g.Aromatic[a] && (g.AtomicNumber[a] == 8 || (g.AtomicNumber[a] == 16 && g.Adjacency[a].Length != 1)));

    private static bool HasAcyclicSingleTo(MolGraph g, int a, Func<int, bool> other) =>
        g.Adjacency[a].Any(n => g.BondKinds[n.Bond] == BondKind.Single && !g.BondInRing[n.Bond] && other(n.Neighbor));

    /// <summary>Fraction of carbons that are sp3: non-aromatic, only single bonds, four connections.</summary>
    public static double FractionCsp3(MolGraph g)
    {
        int carbons = 0, sp3 = 0;
        for (int i = 0; i < g.AtomCount; i++)
        {
            if (g.AtomicNumber[i] != 6) continue;
            carbons++;
            if (!g.Aromatic[i] && g.Adjacency[i].All(n => g.BondKinds[n.Bond] == BondKind.Single) && g.TotalDegree(i) == 4) sp3++;
        }
        return carbons == 0 ? 0 : (double)sp3 / carbons;
    }
}
