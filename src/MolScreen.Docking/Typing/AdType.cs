namespace MolScreen.Docking.Typing;

/// <summary>
/// AutoDock 4 atom types as written in PDBQT column 78-79, with the covalent radii Vina uses to perceive bonds.
/// Numbering follows Vina 1.2 (atom_constants.h) so tables can be compared line by line.
/// </summary>
public static class AdType
{
    public const int C = 0, A = 1, N = 2, O = 3, P = 4, S = 5, H = 6, F = 7, I = 8, NA = 9, OA = 10, SA = 11, HD = 12,
        Mg = 13, Mn = 14, Zn = 15, Ca = 16, Fe = 17, Cl = 18, Br = 19, Si = 20, At = 21,
        G0 = 22, G1 = 23, G2 = 24, G3 = 25, CG0 = 26, CG1 = 27, CG2 = 28, CG3 = 29, W = 30, B = 31;
    /// <summary>Not an AD type: a metal Vina accepts by name only (Cu, Na, K, ...), typed Met_D.</summary>
    public const int OtherMetal = 32;
    public const int Count = 33;

    static readonly string[] Names =
    [
        "C", "A", "N", "O", "P", "S", "H", "F", "I", "NA", "OA", "SA", "HD", "Mg", "Mn", "Zn", "Ca", "Fe", "Cl", "Br", "Si", "At",
        "G0", "G1", "G2", "G3", "CG0", "CG1", "CG2", "CG3", "W", "B",
    ];

    // Covalent radii (Å) per AD type; metals Vina knows only by name get 1.75.
    static readonly float[] CovalentRadii =
    [
        0.77f, 0.77f, 0.75f, 0.73f, 1.06f, 1.02f, 0.37f, 0.71f, 1.33f, 0.75f, 0.73f, 1.02f, 0.37f, 1.30f, 1.39f, 1.31f, 1.74f, 1.25f,
        0.99f, 1.14f, 1.11f, 1.44f, 0.77f, 0.77f, 0.77f, 0.77f, 0.77f, 0.77f, 0.77f, 0.77f, 0.00f, 0.84f, 1.75f,
    ];

    /// <summary>Largest covalent radius of the AD table (Ca); Vina's neighbour cut-off for bond search.</summary>
    public const float MaxCovalentRadius = 1.74f;

    static readonly string[] OtherMetalNames = ["Cu", "Fe", "Na", "K", "Hg", "Co", "U", "Cd", "Ni"];

    /// <summary>AD type of a PDBQT type name, or -1 when Vina would refuse it. Case-sensitive, as in Vina.</summary>
    public static int Parse(string name)
    {
        if (name == "Se") return S;
        int i = Array.IndexOf(Names, name);
        if (i >= 0) return i;
        return Array.IndexOf(OtherMetalNames, name) >= 0 ? OtherMetal : -1;
    }

    public static string Name(int ad) => ad == OtherMetal ? "Met" : Names[ad];
    public static float CovalentRadius(int ad) => CovalentRadii[ad];
    public static bool IsHydrogen(int ad) => ad == H || ad == HD;

    /// <summary>Vina's heteroatom test (decides C_P versus C_H of a bonded carbon): anything but C/A/H/HD, metals included.</summary>
    public static bool IsHeteroatom(int ad) => ad != C && ad != A && ad != H && ad != HD;

    public static bool IsMetal(int ad) => ad is Mg or Mn or Zn or Ca or Fe or OtherMetal;
    public static bool IsCarbon(int ad) => ad is C or A or CG0 or CG1 or CG2 or CG3;
}
