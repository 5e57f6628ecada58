namespace MolScreen.Chemistry.Molecules;

public enum BondKind : byte { Single = 1, Double = 2, Triple = 3, Aromatic = 12 }

/// <summary>
/// A molecule as the managed code sees it: heavy atoms only (hydrogens folded into
/// <see cref="TotalHydrogens"/>), with the perception (aromaticity, rings) already done by the
/// toolkit that built it. Fingerprints and descriptors are computed from this one structure, so
/// every formula is written once, in C#, whatever toolkit parsed the molecule.
/// Arrays are indexed by atom (0..AtomCount-1) or bond (0..BondCount-1).
/// </summary>
public sealed class MolGraph
{
    public required int[] AtomicNumber { get; init; }
    public required int[] FormalCharge { get; init; }
    /// <summary>Mass number for isotope-labelled atoms ([13C] → 13), 0 when unspecified.</summary>
    public required int[] Isotope { get; init; }
    /// <summary>Hydrogens attached to the atom, implicit and explicit together.</summary>
    public required int[] TotalHydrogens { get; init; }
    public required bool[] Aromatic { get; init; }
    public required bool[] InRing { get; init; }
    public required int[] BondBegin { get; init; }
    public required int[] BondEnd { get; init; }
    public required BondKind[] BondKinds { get; init; }
    public required bool[] BondInRing { get; init; }

    public int AtomCount => AtomicNumber.Length;
    public int BondCount => BondBegin.Length;

    private (int Neighbor, int Bond)[][]? _adjacency;

    /// <summary>For each atom, its (neighbour atom, bond index) pairs in bond order.</summary>
    public (int Neighbor, int Bond)[][] Adjacency => _adjacency ??= BuildAdjacency();

    /// <summary>Heavy-atom degree plus hydrogens (RDKit's "total degree").</summary>
    public int TotalDegree(int atom) => Adjacency[atom].Length + TotalHydrogens[atom];

    private (int, int)[][] BuildAdjacency()
    {
        var lists = new List<(int, int)>[AtomCount];
        for (int i = 0; i < AtomCount; i++) lists[i] = new();
        for (int b = 0; b < BondCount; b++)
        {
            lists[BondBegin[b]].Add((BondEnd[b], b));
            lists[BondEnd[b]].Add((BondBegin[b], b));
        }
        return lists.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>Checks array lengths and bond endpoints; throws ArgumentException naming the problem.</summary>
    public void Validate()
    {
        int n = AtomCount, m = BondCount;
        if (FormalCharge.Length != n || Isotope.Length != n || TotalHydrogens.Length != n || Aromatic.Length != n || InRing.Length != n)
            throw new ArgumentException("atom arrays differ in length");
        if (BondEnd.Length != m || BondKinds.Length != m || BondInRing.Length != m)
            throw new ArgumentException("bond arrays differ in length");
        for (int b = 0; b < m; b++)
            if ((uint)BondBegin[b] >= n || (uint)BondEnd[b] >= n || BondBegin[b] == BondEnd[b])
                throw new ArgumentException($"bond {b} joins invalid atoms {BondBegin[b]}-{BondEnd[b]}");
    }
}
