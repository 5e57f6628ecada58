using System.Numerics;

namespace MolScreen.Chemistry.Smarts;

/// <summary>
/// What a <see cref="PatternScreen"/> asks of a molecule, computed once per <see cref="SmartsTarget"/>:
/// atoms per <see cref="AtomClasses"/> class, bonds per kind, and which (class, class, bond kind)
/// pairs occur as bonds.
/// </summary>
internal sealed class TargetScreen
{
    /// <summary>Bond kinds in <see cref="BondMask"/> order: single, double, triple, aromatic.</summary>
    public const int BondKinds = 4;
    public const int PairCount = AtomClasses.Count * AtomClasses.Count * BondKinds;

    public readonly int[] ClassCount = new int[AtomClasses.Count];
    public readonly int[] BondKindCount = new int[BondKinds];
    public readonly ulong[] Pairs = new ulong[(PairCount + 63) / 64];
    public readonly ulong Classes;

    public TargetScreen(SmartsTarget t)
    {
        var cls = new int[t.AtomCount];
        ulong present = 0;
        for (int a = 0; a < t.AtomCount; a++)
        {
            cls[a] = AtomClasses.Of(t.AtomicNumber[a], t.Aromatic[a]);
            ClassCount[cls[a]]++;
            present |= 1UL << cls[a];
        }
        Classes = present;
        for (int a = 0; a < t.AtomCount; a++)
            for (int i = t.NeighborStart[a]; i < t.NeighborStart[a + 1]; i++)
            {
                // Each bond is seen from both ends, which sets both orders of the pair and counts it twice.
                int kind = t.NeighborBondState[i] >> 1, b = t.Neighbor[i];
                int pair = Pair(cls[a], cls[b], kind);
                Pairs[pair >> 6] |= 1UL << pair;
                if (a < b) BondKindCount[kind]++;
            }
    }

    public static int Pair(int classA, int classB, int kind) => (classA * AtomClasses.Count + classB) * BondKinds + kind;

    public bool HasPair(int pair) => (Pairs[pair >> 6] & (1UL << pair)) != 0;

    /// <summary>Atoms whose class is in <paramref name="classes"/>.</summary>
    public int AtomsIn(ulong classes)
    {
        int n = 0;
        for (ulong m = classes & Classes; m != 0; m &= m - 1) n += ClassCount[BitOperations.TrailingZeroCount(m)];
        return n;
    }

    /// <summary>Bonds whose kind is in the 4-bit set <paramref name="kinds"/>.</summary>
    public int BondsIn(int kinds)
    {
        int n = 0;
        for (int k = 0; k < BondKinds; k++) if ((kinds & (1 << k)) != 0) n += BondKindCount[k];
        return n;
    }
}
