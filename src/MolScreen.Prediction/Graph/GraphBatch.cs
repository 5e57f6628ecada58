using MolScreen.Chemistry.Molecules;

namespace MolScreen.Prediction.Graph;

/// <summary>
/// Several molecules as one disconnected graph, in the arrays a D-MPNN step needs. Each bond b of a molecule
/// becomes two directed edges, 2b' (begin → end) and 2b'+1 (end → begin), b' numbering the bonds across the batch,
/// so an edge's reverse is its index XOR 1 (<see cref="Reverse"/> spells it out for index_select).
/// Row-major features: <see cref="AtomFeatures"/> [Atoms × AtomWidth], <see cref="EdgeFeatures"/>
/// [Edges × (AtomWidth + BondWidth)] = the source atom's features followed by the bond's (Chemprop's x_v ‖ e_vw).
/// </summary>
public sealed class GraphBatch
{
    public required int Molecules { get; init; }
    public required int Atoms { get; init; }
    public required int Edges { get; init; }
    public required float[] AtomFeatures { get; init; }
    public required float[] EdgeFeatures { get; init; }
    /// <summary>Per directed edge: the atom it leaves and the atom it enters (batch atom indices).</summary>
    public required long[] Source { get; init; }
    public required long[] Target { get; init; }
    /// <summary>Per directed edge: the index of the same bond in the other direction.</summary>
    public required long[] Reverse { get; init; }
    /// <summary>Per atom: the molecule (0..Molecules-1) it belongs to.</summary>
    public required long[] AtomMolecule { get; init; }
    /// <summary>Per molecule: heavy atoms (the mean readout divides by it).</summary>
    public required float[] AtomCounts { get; init; }

    public static int EdgeWidth => GraphFeatures.AtomWidth + GraphFeatures.BondWidth;

    public static GraphBatch Build(IReadOnlyList<MolGraph> graphs)
    {
        int atoms = 0, bonds = 0;
        foreach (var g in graphs) { atoms += g.AtomCount; bonds += g.BondCount; }
        int aw = GraphFeatures.AtomWidth, bw = GraphFeatures.BondWidth, ew = aw + bw, edges = 2 * bonds;
        var x = new float[atoms * aw];
        var e = new float[edges * ew];
        var src = new long[edges]; var dst = new long[edges]; var rev = new long[edges];
        var mol = new long[atoms];
        var counts = new float[graphs.Count];
        int atomBase = 0, edge = 0;
        Span<float> bond = stackalloc float[bw];
        for (int m = 0; m < graphs.Count; m++)
        {
            var g = graphs[m];
            counts[m] = g.AtomCount;
            for (int a = 0; a < g.AtomCount; a++)
            {
                GraphFeatures.Atom(g, a, x.AsSpan((atomBase + a) * aw, aw));
                mol[atomBase + a] = m;
            }
            var unsaturated = GraphFeatures.Unsaturated(g);
            for (int b = 0; b < g.BondCount; b++)
            {
                bond.Clear();
                GraphFeatures.Bond(g, b, unsaturated, bond);
                int u = atomBase + g.BondBegin[b], v = atomBase + g.BondEnd[b];
                foreach (var (from, to) in new[] { (u, v), (v, u) })
                {
                    x.AsSpan(from * aw, aw).CopyTo(e.AsSpan(edge * ew, aw));
                    bond.CopyTo(e.AsSpan(edge * ew + aw, bw));
                    src[edge] = from; dst[edge] = to; rev[edge] = edge ^ 1;
                    edge++;
                }
            }
            atomBase += g.AtomCount;
        }
        return new GraphBatch
        {
            Molecules = graphs.Count, Atoms = atoms, Edges = edges, AtomFeatures = x, EdgeFeatures = e,
            Source = src, Target = dst, Reverse = rev, AtomMolecule = mol, AtomCounts = counts,
        };
    }
}
