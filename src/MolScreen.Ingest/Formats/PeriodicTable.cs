namespace MolScreen.Ingest.Formats;

/// <summary>
/// Element-symbol lookup shared by the SMILES syntax check and the molfile atom-block check.
/// Symbols are one or two ASCII letters, so a flat 128x128 table answers a lookup with one
/// array read and no hashing or allocation, which matters on the per-atom hot path.
/// </summary>
internal static class PeriodicTable
{
    private const string Symbols =
        "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn " +
        "Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba " +
        "La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn " +
        "Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og";

    private static readonly bool[] Known = Build();

    /// <summary>Number of elements in the table (H through Og).</summary>
    public static int Count { get; } = Symbols.Split(' ').Length;

    /// <summary>True if <paramref name="symbol"/> is an element symbol with exact capitalisation.</summary>
    public static bool IsElement(ReadOnlySpan<char> symbol)
    {
        if (symbol.Length == 1)
            return symbol[0] < 128 && Known[Key(symbol[0], '\0')];
        if (symbol.Length == 2)
            return symbol[0] < 128 && symbol[1] < 128 && Known[Key(symbol[0], symbol[1])];
        return false;
    }

    private static int Key(char first, char second) => first * 128 + second;

    private static bool[] Build()
    {
        var known = new bool[128 * 128];
        foreach (var symbol in Symbols.Split(' '))
            known[Key(symbol[0], symbol.Length > 1 ? symbol[1] : '\0')] = true;
        return known;
    }
}
