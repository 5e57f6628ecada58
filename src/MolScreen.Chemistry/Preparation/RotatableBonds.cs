namespace MolScreen.Chemistry.Preparation;

/// <summary>
/// Bonds the docking engine may turn, by the AutoDockTools/Meeko defaults: single, not in a
/// ring, between two atoms that each have another heavy neighbour or turn a donor hydrogen that
/// stays in the PDBQT (hydroxyl, thiol, ammonium: ADT and Meeko keep those torsions and Vina
/// counts them; a methyl moves only merged hydrogens), not an amide C–N (its partial double
/// bond keeps it planar) and not next to a triple bond (the sp axis makes the torsion degenerate).
/// </summary>
public static class RotatableBonds
{
    public static bool IsRotatable(LigandAtoms atoms, int bond)
    {
        if (atoms.BondOrder(bond) != 1 || atoms.BondInRing[bond]) return false;
        int a = atoms.Conformer.BondBegin[bond], b = atoms.Conformer.BondEnd[bond];
        if (atoms.IsHydrogen(a) || atoms.IsHydrogen(b)) return false;
        if (IsTerminal(atoms, a, b) || IsTerminal(atoms, b, a)) return false;
        if (HasTripleBond(atoms, a) || HasTripleBond(atoms, b)) return false;
        return !IsAmide(atoms, a, b) && !IsAmide(atoms, b, a);
    }

    public static int[] Find(LigandAtoms atoms) =>
        Enumerable.Range(0, atoms.Conformer.BondCount).Where(b => IsRotatable(atoms, b)).ToArray();

    /// <summary>
    /// The same rules on the heavy-atom graph, before any 3D exists: bonds between two heavy atoms that each have another
    /// heavy neighbour. The torsion tree built later has these and may add hydroxyl/thiol/ammonium torsions, so this is a
    /// lower bound on its count; it lets a molecule far over the limit go to rejects without a (costly, for a long chain
    /// sometimes failing) 3D build.
    /// </summary>
    public static int HeavyAtomTorsions(Molecules.MolGraph g)
    {
        var adj = g.Adjacency;
        bool HasTriple(int atom) => adj[atom].Any(n => g.BondKinds[n.Bond] == Molecules.BondKind.Triple);
        bool Amide(int c, int n) => g.AtomicNumber[c] == 6 && g.AtomicNumber[n] == 7 && g.TotalDegree(n) == 3 &&
            adj[c].Any(x => g.BondKinds[x.Bond] == Molecules.BondKind.Double && g.AtomicNumber[x.Neighbor] is 8 or 16);
        int count = 0;
        for (int b = 0; b < g.BondCount; b++)
        {
            if (g.BondKinds[b] != Molecules.BondKind.Single || g.BondInRing[b]) continue;
            int a = g.BondBegin[b], c = g.BondEnd[b];
            if (adj[a].Length < 2 || adj[c].Length < 2 || HasTriple(a) || HasTriple(c) || Amide(a, c) || Amide(c, a)) continue;
            count++;
        }
        return count;
    }

    // Meeko's default rule with explicit hydrogens: a hydroxyl/thiol and an ammonium turn their donor hydrogens, but a
    // primary amine (NH2) does not count (its rotatable-bond SMARTS excludes [NH2] ends).
    private static bool IsTerminal(LigandAtoms atoms, int atom, int partner)
    {
        if (!atoms.Neighbours[atom].All(n => n.Atom == partner || atoms.IsHydrogen(n.Atom))) return false;
        int polarH = atoms.Neighbours[atom].Count(n => n.Atom != partner && Ad4AtomTypes.IsPolarHydrogen(atoms, n.Atom));
        return atoms.Element(atom) switch
        {
            8 or 16 => polarH == 0,
            7 => polarH < 3,
            _ => true,
        };
    }

    private static bool HasTripleBond(LigandAtoms atoms, int atom) =>
        atoms.Neighbours[atom].Any(n => atoms.BondOrder(n.Bond) == 3);

    // C(=O)-N or C(=S)-N with a trivalent nitrogen (primary, secondary or tertiary amide).
    private static bool IsAmide(LigandAtoms atoms, int carbon, int nitrogen) =>
        atoms.Element(carbon) == 6 && atoms.Element(nitrogen) == 7 && atoms.Neighbours[nitrogen].Length == 3 &&
        atoms.Neighbours[carbon].Any(n => atoms.BondOrder(n.Bond) == 2 && atoms.Element(n.Atom) is 8 or 16);
}
