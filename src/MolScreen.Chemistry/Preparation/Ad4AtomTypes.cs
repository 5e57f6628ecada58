namespace MolScreen.Chemistry.Preparation;

/// <summary>
/// AutoDock 4 atom types as Meeko assigns them by default (its ad4_types rules, later rules
/// overriding earlier ones): A for aromatic carbon, NA for nitrogen unless it is an
/// amide/aniline/pyrrole-like trivalent N or a cation, OA for every oxygen, SA for divalent
/// sulfur, HD for hydrogen on N, O, F, P or S and plain H otherwise (merged into its carbon
/// in PDBQT). Vina derives its own donor/acceptor types from these.
/// </summary>
public static class Ad4AtomTypes
{
    /// <summary>Elements the docking engine has parameters for; others are rejected.</summary>
    public static readonly IReadOnlySet<int> Supported = new HashSet<int> { 1, 6, 7, 8, 9, 15, 16, 17, 35, 53 };

    public static string[] Assign(LigandAtoms atoms)
    {
        var types = new string[atoms.AtomCount];
        for (int a = 0; a < atoms.AtomCount; a++) types[a] = TypeOf(atoms, a);
        return types;
    }

    public static bool IsPolarHydrogen(LigandAtoms atoms, int atom) =>
        atoms.IsHydrogen(atom) && atoms.Neighbours[atom].Any(n => atoms.Element(n.Atom) is 7 or 8 or 9 or 15 or 16);

    private static string TypeOf(LigandAtoms atoms, int a) => atoms.Element(a) switch
    {
        1 => IsPolarHydrogen(atoms, a) ? "HD" : "H",
        6 => atoms.Charges.Aromatic[a] ? "A" : "C",
        7 => IsNonAcceptorNitrogen(atoms, a) ? "N" : "NA",
        8 => "OA",
        9 => "F",
        15 => "P",
        16 => atoms.Neighbours[a].Length == 2 ? "SA" : "S",
        17 => "Cl",
        35 => "Br",
        53 => "I",
        var z => throw new ChemistryException(ChemistryErrorKind.Unsupported, $"unsupported element Z={z} for AutoDock atom types"),
    };

    // Trivalent neutral N whose lone pair is conjugated (next to an aromatic atom, an sp2
    // carbon, or a N=X nitrogen), or any cationic N: not an acceptor.
    private static bool IsNonAcceptorNitrogen(LigandAtoms atoms, int a)
    {
        if (atoms.Charges.FormalCharge[a] == 1) return true;
        if (atoms.Neighbours[a].Length != 3 || atoms.Valence(a) != 3) return false;
        foreach (var (other, _) in atoms.Neighbours[a])
        {
            if (atoms.Charges.Aromatic[other]) return true;
            if (atoms.Element(other) == 6 && atoms.Neighbours[other].Length == 3 && atoms.Valence(other) == 4) return true;
            if (atoms.Element(other) == 7 && atoms.Neighbours[other].Length == 2 &&
                atoms.Neighbours[other].Any(n => atoms.BondOrder(n.Bond) == 2)) return true;
        }
        return false;
    }
}
