namespace MolScreen.Chemistry.Smarts;

/// <summary>Element symbols by atomic number, for reading SMARTS atom symbols.</summary>
internal static class ElementSymbols
{
    private static readonly string[] Symbols =
    [
        "", "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
        "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr",
        "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd",
        "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg",
        "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm",
        "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og",
    ];

    // RDKit's SMARTS lexer does not know these symbols; it reads [Nh] as N with an implicit H and rejects the rest.
    private static readonly HashSet<string> Unrecognised = ["Nh", "Mc", "Ts", "Og"];

    private static readonly Dictionary<string, int> Numbers = BuildNumbers();

    /// <summary>Uppercase symbols that mean the aliphatic element (the SMILES organic subset); other uppercase
    /// symbols match the element whatever its aromaticity, as in RDKit.</summary>
    public static bool IsOrganicSubset(int z) => z is 5 or 6 or 7 or 8 or 9 or 15 or 16 or 17 or 35 or 53;

    /// <summary>Aromatic symbols RDKit accepts in brackets.</summary>
    public static readonly Dictionary<string, int> Aromatic = new()
    {
        ["c"] = 6, ["n"] = 7, ["o"] = 8, ["s"] = 16, ["p"] = 15, ["b"] = 5, ["se"] = 34, ["as"] = 33, ["te"] = 52, ["si"] = 14,
    };

    public static string Symbol(int z) => z > 0 && z < Symbols.Length ? Symbols[z] : throw new ArgumentOutOfRangeException(nameof(z), z, "no such element");

    public static int Number(string symbol) => Numbers.TryGetValue(symbol, out var z) ? z : 0;

    private static Dictionary<string, int> BuildNumbers()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int z = 1; z < Symbols.Length; z++)
            if (!Unrecognised.Contains(Symbols[z])) map[Symbols[z]] = z;
        return map;
    }
}
