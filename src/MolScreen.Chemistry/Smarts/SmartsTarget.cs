using MolScreen.Chemistry.Descriptors;
using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Smarts;

/// <summary>
/// A molecule prepared for SMARTS matching: the per-atom values the primitives read are computed once
/// and shared by every pattern matched against it, so screening one molecule with hundreds of
/// patterns pays for the preparation once. Not thread-safe: use one target per thread.
/// Atom arrays have one extra slot, index <see cref="MolGraph.AtomCount"/>, describing a plain
/// hydrogen; pattern hydrogens that stand for a folded (implicit) hydrogen are tested against it.
/// </summary>
public sealed class SmartsTarget
{
    internal readonly int AtomCount;
    internal readonly int[] AtomicNumber, Isotope, Charge, TotalHydrogens, ImplicitHydrogens, Degree, Valence, RingBonds;
    internal readonly bool[] Aromatic;
    /// <summary>Adjacency in compressed rows: neighbours of atom a are at [NeighborStart[a], NeighborStart[a+1]).</summary>
    internal readonly int[] NeighborStart, Neighbor;
    /// <summary>The <see cref="BondMask"/> state bit of the bond to each neighbour.</summary>
    internal readonly byte[] NeighborBondState;

    private int[]? _ringCount, _smallestRing;
    private TargetScreen? _screen;
    private Dictionary<RecursiveQuery, sbyte[]>? _recursive;
    private readonly Stack<SearchState> _states = new();

    public SmartsTarget(MolGraph graph)
    {
        Graph = graph;
        int n = AtomCount = graph.AtomCount, h = n;
        AtomicNumber = new int[n + 1]; Isotope = new int[n + 1]; Charge = new int[n + 1];
        TotalHydrogens = new int[n + 1]; ImplicitHydrogens = new int[n + 1]; Degree = new int[n + 1];
        Valence = new int[n + 1]; RingBonds = new int[n + 1]; Aromatic = new bool[n + 1];

        NeighborStart = new int[n + 2];
        for (int b = 0; b < graph.BondCount; b++) { NeighborStart[graph.BondBegin[b] + 1]++; NeighborStart[graph.BondEnd[b] + 1]++; }
        for (int a = 0; a < n + 1; a++) NeighborStart[a + 1] += NeighborStart[a];
        Neighbor = new int[2 * graph.BondCount];
        NeighborBondState = new byte[2 * graph.BondCount];
        var fill = new int[n];
        var doubledOrders = new int[n];
        for (int b = 0; b < graph.BondCount; b++)
        {
            int x = graph.BondBegin[b], y = graph.BondEnd[b];
            var state = (byte)BondMask.State(graph.BondKinds[b], graph.BondInRing[b]);
            int ix = NeighborStart[x] + fill[x]++, iy = NeighborStart[y] + fill[y]++;
            Neighbor[ix] = y; NeighborBondState[ix] = state;
            Neighbor[iy] = x; NeighborBondState[iy] = state;
            int doubled = graph.BondKinds[b] == BondKind.Aromatic ? 3 : 2 * (int)graph.BondKinds[b];
            doubledOrders[x] += doubled; doubledOrders[y] += doubled;
            if (graph.BondInRing[b]) { RingBonds[x]++; RingBonds[y]++; }
        }

        for (int a = 0; a < n; a++)
        {
            AtomicNumber[a] = graph.AtomicNumber[a];
            Isotope[a] = graph.Isotope[a];
            Charge[a] = graph.FormalCharge[a];
            Aromatic[a] = graph.Aromatic[a];
            ImplicitHydrogens[a] = graph.TotalHydrogens[a];
            Degree[a] = NeighborStart[a + 1] - NeighborStart[a];
        }
        for (int a = 0; a < n; a++)
        {
            int explicitH = 0;
            for (int i = NeighborStart[a]; i < NeighborStart[a + 1]; i++) if (AtomicNumber[Neighbor[i]] == 1) explicitH++;
            TotalHydrogens[a] = ImplicitHydrogens[a] + explicitH;
            Valence[a] = TotalValence.Of(AtomicNumber[a], Charge[a], Aromatic[a], doubledOrders[a], ImplicitHydrogens[a]);
        }

        AtomicNumber[h] = 1; Degree[h] = 1; Valence[h] = 1;
    }

    public MolGraph Graph { get; }

    /// <summary>The class and bond-pair summary patterns are screened against, built on first use.</summary>
    internal TargetScreen Screen => _screen ??= new TargetScreen(this);

    internal int Property(AtomProperty property, int atom) => property switch
    {
        AtomProperty.AtomicNumber => AtomicNumber[atom],
        AtomProperty.Isotope => Isotope[atom],
        AtomProperty.Charge => Charge[atom],
        AtomProperty.TotalHydrogens => TotalHydrogens[atom],
        AtomProperty.ImplicitHydrogens => ImplicitHydrogens[atom],
        AtomProperty.Degree => Degree[atom],
        AtomProperty.TotalDegree => Degree[atom] + ImplicitHydrogens[atom],
        AtomProperty.TotalValence => Valence[atom],
        AtomProperty.RingCount => RingCounts()[atom],
        AtomProperty.SmallestRing => SmallestRings()[atom],
        AtomProperty.RingBonds => RingBonds[atom],
        _ => throw new ArgumentOutOfRangeException(nameof(property)),
    };

    private int[] RingCounts()
    {
        if (_ringCount is null) PerceiveRings();
        return _ringCount!;
    }

    private int[] SmallestRings()
    {
        if (_smallestRing is null) PerceiveRings();
        return _smallestRing!;
    }

    /// <summary>Ring membership from the symmetrized SSSR, the ring set RDKit's R and r primitives read.</summary>
    private void PerceiveRings()
    {
        var count = new int[AtomCount + 1];
        var smallest = new int[AtomCount + 1];
        var seen = new int[AtomCount];
        int stamp = 0;
        foreach (var ring in RingPerception.SymmetrizedSssr(Graph))
        {
            stamp++;
            foreach (var b in ring)
            {
                Visit(Graph.BondBegin[b], ring.Length);
                Visit(Graph.BondEnd[b], ring.Length);
            }
        }
        _ringCount = count;
        _smallestRing = smallest;

        // A ring lists each of its atoms twice (once per ring bond); the stamp counts it once.
        void Visit(int a, int size)
        {
            if (seen[a] == stamp) return;
            seen[a] = stamp;
            count[a]++;
            if (smallest[a] == 0 || size < smallest[a]) smallest[a] = size;
        }
    }

    /// <summary>Per-atom memo of one recursive SMARTS: 0 unknown, 1 matches, -1 does not.</summary>
    internal sbyte[] RecursiveCache(RecursiveQuery query)
    {
        _recursive ??= new Dictionary<RecursiveQuery, sbyte[]>(ReferenceEqualityComparer.Instance);
        if (!_recursive.TryGetValue(query, out var cache)) _recursive[query] = cache = new sbyte[AtomCount + 1];
        return cache;
    }

    /// <summary>Search bookkeeping is pooled here; recursive SMARTS nest searches, hence a stack.</summary>
    internal SearchState RentState(int patternAtoms)
    {
        var s = _states.Count > 0 ? _states.Pop() : new SearchState(AtomCount + 1);
        s.Reset(patternAtoms);
        return s;
    }

    internal void ReturnState(SearchState state) => _states.Push(state);
}
