using MolScreen.Chemistry.Conformers;

namespace MolScreen.Chemistry.Preparation;

/// <summary>
/// The all-atom (hydrogens explicit) graph of one conformer with what docking preparation needs
/// per atom and bond: neighbours, ring membership, formal and partial charges, aromaticity.
/// Indices are the conformer's: heavy atoms first, then hydrogens.
/// </summary>
public sealed class LigandAtoms
{
    public LigandAtoms(Conformer3D conformer, ConformerCharges charges)
    {
        Conformer = conformer;
        Charges = charges;
        int n = conformer.AtomCount;
        var neighbours = new List<(int Atom, int Bond)>[n];
        for (int i = 0; i < n; i++) neighbours[i] = new();
        for (int b = 0; b < conformer.BondCount; b++)
        {
            neighbours[conformer.BondBegin[b]].Add((conformer.BondEnd[b], b));
            neighbours[conformer.BondEnd[b]].Add((conformer.BondBegin[b], b));
        }
        Neighbours = neighbours.Select(l => l.ToArray()).ToArray();
        BondInRing = FindRingBonds();
    }

    public Conformer3D Conformer { get; }
    public ConformerCharges Charges { get; }
    public (int Atom, int Bond)[][] Neighbours { get; }
    public bool[] BondInRing { get; }

    public int AtomCount => Conformer.AtomCount;
    public int Element(int atom) => Conformer.AtomicNumber[atom];
    public bool IsHydrogen(int atom) => Conformer.AtomicNumber[atom] == 1;
    public int HeavyAtomCount => Conformer.AtomicNumber.Count(z => z != 1);

    /// <summary>Sum of bond orders (Kekule form), hydrogens included: SMARTS "v".</summary>
    public int Valence(int atom) => Neighbours[atom].Sum(n => Conformer.BondOrder[n.Bond]);

    public int BondOrder(int bond) => Conformer.BondOrder[bond];

    public int OtherEnd(int bond, int atom) => Conformer.BondBegin[bond] == atom ? Conformer.BondEnd[bond] : Conformer.BondBegin[bond];

    // A bond is in a ring exactly when it is not a bridge of the graph (Tarjan's low-link).
    private bool[] FindRingBonds()
    {
        int n = Conformer.AtomCount;
        var inRing = Enumerable.Repeat(true, Conformer.BondCount).ToArray();
        var order = new int[n];
        var low = new int[n];
        Array.Fill(order, -1);
        int counter = 0;
        for (int start = 0; start < n; start++)
        {
            if (order[start] >= 0) continue;
            // Explicit stack of (atom, bond it was reached by, next neighbour to look at).
            var stack = new Stack<(int Atom, int ViaBond, int Next)>();
            order[start] = low[start] = counter++;
            stack.Push((start, -1, 0));
            while (stack.Count > 0)
            {
                var (atom, via, next) = stack.Pop();
                if (next < Neighbours[atom].Length)
                {
                    stack.Push((atom, via, next + 1));
                    var (other, bond) = Neighbours[atom][next];
                    if (bond == via) continue;
                    if (order[other] < 0)
                    {
                        order[other] = low[other] = counter++;
                        stack.Push((other, bond, 0));
                    }
                    else low[atom] = Math.Min(low[atom], order[other]);
                    continue;
                }
                if (via < 0) continue;
                int parent = OtherEnd(via, atom);
                low[parent] = Math.Min(low[parent], low[atom]);
                if (low[atom] > order[parent]) inRing[via] = false;
            }
        }
        return inRing;
    }
}
