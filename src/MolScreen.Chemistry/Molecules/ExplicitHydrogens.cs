namespace MolScreen.Chemistry.Molecules;

/// <summary>
/// Unfolds hydrogens into graph atoms, like RDKit's AddHs: each heavy atom's hydrogens become atoms
/// (appended in heavy-atom order) joined by single acyclic bonds. For the few calculations defined on
/// the hydrogen-complete graph, such as Crippen atom typing where each hydrogen gets its own type.
/// </summary>
public static class ExplicitHydrogens
{
    public static MolGraph Add(MolGraph g)
    {
        int heavy = g.AtomCount, added = 0;
        for (int a = 0; a < heavy; a++) added += g.TotalHydrogens[a];
        int n = heavy + added, m = g.BondCount + added;
        var z = new int[n];
        var charge = new int[n];
        var isotope = new int[n];
        var aromatic = new bool[n];
        var inRing = new bool[n];
        Array.Copy(g.AtomicNumber, z, heavy);
        Array.Copy(g.FormalCharge, charge, heavy);
        Array.Copy(g.Isotope, isotope, heavy);
        Array.Copy(g.Aromatic, aromatic, heavy);
        Array.Copy(g.InRing, inRing, heavy);
        var begin = new int[m];
        var end = new int[m];
        var kinds = new BondKind[m];
        var bondInRing = new bool[m];
        Array.Copy(g.BondBegin, begin, g.BondCount);
        Array.Copy(g.BondEnd, end, g.BondCount);
        Array.Copy(g.BondKinds, kinds, g.BondCount);
        Array.Copy(g.BondInRing, bondInRing, g.BondCount);
        int h = heavy, b = g.BondCount;
        for (int a = 0; a < heavy; a++)
            for (int i = 0; i < g.TotalHydrogens[a]; i++, h++, b++)
            {
                z[h] = 1;
                begin[b] = a;
                end[b] = h;
                kinds[b] = BondKind.Single;
            }
        return new MolGraph
        {
            AtomicNumber = z, FormalCharge = charge, Isotope = isotope, TotalHydrogens = new int[n], Aromatic = aromatic, InRing = inRing,
            BondBegin = begin, BondEnd = end, BondKinds = kinds, BondInRing = bondInRing,
        };
    }
}
