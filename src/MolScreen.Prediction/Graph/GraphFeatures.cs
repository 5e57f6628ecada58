using MolScreen.Chemistry.Molecules;

namespace MolScreen.Prediction.Graph;

/// <summary>
/// Chemprop-style atom and bond features computed from the <see cref="MolGraph"/> that OpenBabel perceived
/// (the same graph ECFP4 and the descriptors come from). A D-MPNN model records <see cref="SpecId"/>; a model
/// trained on another spec refuses to load.
/// <para>
/// What the graph does not carry is derived or left out, and documented here so the spec id means one thing:
/// no chirality tag (the graph has none); hybridization is derived from the bonds (aromatic or one double bond:
/// sp2; a triple or two double bonds: sp; otherwise sp3; an atom with no neighbours and no hydrogens: other), not
/// OpenBabel's or RDKit's perception (an amide N counts as sp3 here); conjugation is a local π rule (aromatic, or
/// a single bond between two atoms that each carry a multiple/aromatic bond, or a multiple bond continued at an end by
/// a single bond to another unsaturated atom or by an aromatic bond). Lone-pair conjugation (amides, enamines) is not
/// modelled.
/// </para>
/// </summary>
public static class GraphFeatures
{
    /// <summary>Bump when any atom or bond feature's definition or order changes.</summary>
    public const string SpecId = "dmpnn-graph/v1+desc11";

    /// <summary>Elements with their own one-hot slot; anything else shares the last slot.</summary>
    private static readonly int[] Elements = [5, 6, 7, 8, 9, 11, 14, 15, 16, 17, 19, 34, 35, 53];
    private const int MaxDegree = 5, MaxHydrogens = 4;
    private static readonly int[] Charges = [-2, -1, 0, 1, 2];

    public static readonly int AtomWidth = Elements.Length + 1 + (MaxDegree + 2) + (Charges.Length + 1) + (MaxHydrogens + 2) + 4 + 3;
    public const int BondWidth = 6;

    /// <summary>Writes the atom's features into <paramref name="dst"/> (AtomWidth floats, zeroed by the caller).</summary>
    public static void Atom(MolGraph g, int atom, Span<float> dst)
    {
        int o = 0;
        int e = Array.IndexOf(Elements, g.AtomicNumber[atom]);
        dst[o + (e >= 0 ? e : Elements.Length)] = 1f; o += Elements.Length + 1;
        int degree = g.TotalDegree(atom);
        dst[o + Math.Min(degree, MaxDegree + 1)] = 1f; o += MaxDegree + 2;
        int c = Array.IndexOf(Charges, g.FormalCharge[atom]);
        dst[o + (c >= 0 ? c : Charges.Length)] = 1f; o += Charges.Length + 1;
        dst[o + Math.Min(g.TotalHydrogens[atom], MaxHydrogens + 1)] = 1f; o += MaxHydrogens + 2;
        dst[o + Hybridization(g, atom)] = 1f; o += 4;
        dst[o++] = g.Aromatic[atom] ? 1f : 0f;
        dst[o++] = g.InRing[atom] ? 1f : 0f;
        // Chemprop's mass feature: mass / 100 keeps it on the scale of the one-hot entries.
        dst[o] = AtomicWeights.Known(g.AtomicNumber[atom]) ? (float)(AtomicWeights.Standard(g.AtomicNumber[atom]) / 100.0) : 0f;
    }

    /// <summary>Writes the bond's features: order one-hot (single, double, triple, aromatic), conjugated, in ring.</summary>
    public static void Bond(MolGraph g, int bond, ReadOnlySpan<bool> unsaturated, Span<float> dst)
    {
        var kind = g.BondKinds[bond];
        dst[kind switch { BondKind.Single => 0, BondKind.Double => 1, BondKind.Triple => 2, _ => 3 }] = 1f;
        dst[4] = Conjugated(g, bond, unsaturated) ? 1f : 0f;
        dst[5] = g.BondInRing[bond] ? 1f : 0f;
    }

    /// <summary>Per atom: carries at least one double, triple or aromatic bond.</summary>
    public static bool[] Unsaturated(MolGraph g)
    {
        var u = new bool[g.AtomCount];
        for (int b = 0; b < g.BondCount; b++)
            if (g.BondKinds[b] != BondKind.Single) { u[g.BondBegin[b]] = true; u[g.BondEnd[b]] = true; }
        return u;
    }

    /// <summary>0 sp, 1 sp2, 2 sp3, 3 other.</summary>
    public static int Hybridization(MolGraph g, int atom)
    {
        if (g.Aromatic[atom]) return 1;
        int doubles = 0, triples = 0;
        foreach (var (_, b) in g.Adjacency[atom])
        {
            if (g.BondKinds[b] == BondKind.Double) doubles++;
            else if (g.BondKinds[b] == BondKind.Triple) triples++;
            else if (g.BondKinds[b] == BondKind.Aromatic) return 1;
        }
        if (triples > 0 || doubles >= 2) return 0;
        if (doubles == 1) return 1;
        return g.TotalDegree(atom) == 0 ? 3 : 2;
    }

    private static bool Conjugated(MolGraph g, int bond, ReadOnlySpan<bool> unsaturated)
    {
        var kind = g.BondKinds[bond];
        if (kind == BondKind.Aromatic) return true;
        int a = g.BondBegin[bond], b = g.BondEnd[bond];
        if (kind == BondKind.Single) return unsaturated[a] && unsaturated[b];
        // A multiple bond is conjugated when one of its ends continues through a single bond to another unsaturated
        // atom (C=C–C=C, C=C–C=O) or carries an aromatic bond (styrene's vinyl).
        foreach (int end in (ReadOnlySpan<int>)[a, b])
            foreach (var (next, other) in g.Adjacency[end])
            {
                if (other == bond) continue;
                if (g.BondKinds[other] == BondKind.Aromatic || (g.BondKinds[other] == BondKind.Single && unsaturated[next])) return true;
            }
        return false;
    }
}
