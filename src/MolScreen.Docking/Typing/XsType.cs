namespace MolScreen.Docking.Typing;

/// <summary>
/// X-Score atom types as Vina 1.2 uses them for scoring (numbering of atom_constants.h). Pure static functions over ints so
/// GPU kernels can call them unchanged.
/// </summary>
public static class XsType
{
    public const int C_H = 0, C_P = 1, N_P = 2, N_D = 3, N_A = 4, N_DA = 5, O_P = 6, O_D = 7, O_A = 8, O_DA = 9, S_P = 10, P_P = 11,
        F_H = 12, Cl_H = 13, Br_H = 14, I_H = 15, Si = 16, At = 17, Met_D = 18,
        // macrocycle closure: carbons that carry a glue bond (CG0-3) and the glue pseudo atoms (G0-3)
        C_H_CG0 = 19, C_P_CG0 = 20, G0 = 21, C_H_CG1 = 22, C_P_CG1 = 23, G1 = 24, C_H_CG2 = 25, C_P_CG2 = 26, G2 = 27,
        C_H_CG3 = 28, C_P_CG3 = 29, G3 = 30, B = 32;
    /// <summary>Table size (Vina's XS_TYPE_SIZE; index 31, hydrated-docking W, is never assigned here).</summary>
    public const int Count = 33;
    public const int None = -1;

    static readonly string[] Names =
        ["C_H", "C_P", "N_P", "N_D", "N_A", "N_DA", "O_P", "O_D", "O_A", "O_DA", "S_P", "P_P", "F_H", "Cl_H", "Br_H", "I_H", "Si", "At", "Met_D",
         "C_H_CG0", "C_P_CG0", "G0", "C_H_CG1", "C_P_CG1", "G1", "C_H_CG2", "C_P_CG2", "G2", "C_H_CG3", "C_P_CG3", "G3", "W", "B"];

    public static string Name(int xs) => xs == None ? "none" : Names[xs];

    // Radii indexed by type number exactly as Vina 1.2 indexes its xs_vdw_radii array. That array lists the CG carbons before
    // the glue atoms while the type numbers interleave them, so CG3 carbons get 0 Å in Vina; glue atoms never use a radius.
    static readonly float[] VinaRadii =
        [1.9f, 1.9f, 1.8f, 1.8f, 1.8f, 1.8f, 1.7f, 1.7f, 1.7f, 1.7f, 2.0f, 2.1f, 1.5f, 1.8f, 2.0f, 2.2f, 2.2f, 2.3f, 1.2f,
         1.9f, 1.9f, 1.9f, 1.9f, 1.9f, 1.9f, 1.9f, 1.9f, 0f, 0f, 0f, 0f, 0f, 1.9f];
    static readonly float[] VinardoRadii =
        [2.0f, 2.0f, 1.7f, 1.7f, 1.7f, 1.7f, 1.6f, 1.6f, 1.6f, 1.6f, 2.0f, 2.1f, 1.5f, 1.8f, 2.0f, 2.2f, 2.2f, 2.3f, 1.2f,
         2.0f, 2.0f, 2.0f, 2.0f, 2.0f, 2.0f, 2.0f, 2.0f, 0f, 0f, 0f, 0f, 0f, 1.9f];

    /// <summary>X-Score van der Waals radius (Å) of a type for the Vina function.</summary>
    public static float VinaRadius(int xs) => VinaRadii[xs];

    /// <summary>Radius for the Vinardo function (Quiroga and Villarreal 2016).</summary>
    public static float VinardoRadius(int xs) => VinardoRadii[xs];

    public static bool IsGlue(int xs) => xs == G0 || xs == G1 || xs == G2 || xs == G3;

    /// <summary>A glue atom and a closure carbon of the same index: the pair the macrocycle glue term pulls together.</summary>
    public static bool IsGlued(int a, int b) => (IsGlue(a) && GlueCarbon(b) == a) || (IsGlue(b) && GlueCarbon(a) == b);

    static int GlueCarbon(int xs) => xs switch
    {
        C_H_CG0 or C_P_CG0 => G0, C_H_CG1 or C_P_CG1 => G1, C_H_CG2 or C_P_CG2 => G2, C_H_CG3 or C_P_CG3 => G3, _ => -2,
    };

    /// <summary>Sum of radii, 0 when a glue atom is involved (Vina's optimal_distance).</summary>
    public static float OptimalDistance(int a, int b, bool vinardo) =>
        IsGlue(a) || IsGlue(b) ? 0f : vinardo ? VinardoRadii[a] + VinardoRadii[b] : VinaRadii[a] + VinaRadii[b];

    public static bool IsHydrophobic(int xs) => xs == C_H || xs == F_H || xs == Cl_H || xs == Br_H || xs == I_H;
    public static bool IsAcceptor(int xs) => xs == N_A || xs == N_DA || xs == O_A || xs == O_DA;
    public static bool IsDonor(int xs) => xs == N_D || xs == N_DA || xs == O_D || xs == O_DA || xs == Met_D;
    public static bool HBondPossible(int a, int b) => (IsDonor(a) && IsAcceptor(b)) || (IsDonor(b) && IsAcceptor(a));

    /// <summary>Index of an unordered type pair in a packed upper-triangular table.</summary>
    public static int PairIndex(int a, int b)
    {
        if (a > b) (a, b) = (b, a);
        return a * Count - a * (a - 1) / 2 + (b - a);
    }

    public const int PairCount = Count * (Count + 1) / 2;

    /// <summary>
    /// Vina's typing rule (model.cpp assign_types): carbon is polar when bonded to a heteroatom; N/O are acceptors when typed
    /// NA/OA and donors when bonded to a polar hydrogen (HD); metals are donors; SA is not an acceptor for X-Score.
    /// </summary>
    public static int Assign(int ad, bool bondedToHeteroatom, bool bondedToPolarH)
    {
        bool acceptor = ad == AdType.OA || ad == AdType.NA;
        switch (ad)
        {
            case AdType.C or AdType.A: return bondedToHeteroatom ? C_P : C_H;
            case AdType.CG0: return bondedToHeteroatom ? C_P_CG0 : C_H_CG0;
            case AdType.CG1: return bondedToHeteroatom ? C_P_CG1 : C_H_CG1;
            case AdType.CG2: return bondedToHeteroatom ? C_P_CG2 : C_H_CG2;
            case AdType.CG3: return bondedToHeteroatom ? C_P_CG3 : C_H_CG3;
            case AdType.G0: return G0;
            case AdType.G1: return G1;
            case AdType.G2: return G2;
            case AdType.G3: return G3;
            case AdType.N or AdType.NA:
                return acceptor && bondedToPolarH ? N_DA : acceptor ? N_A : bondedToPolarH ? N_D : N_P;
            case AdType.O or AdType.OA:
                return acceptor && bondedToPolarH ? O_DA : acceptor ? O_A : bondedToPolarH ? O_D : O_P;
            case AdType.S or AdType.SA: return S_P;
            case AdType.P: return P_P;
            case AdType.F: return F_H;
            case AdType.Cl: return Cl_H;
            case AdType.Br: return Br_H;
            case AdType.I: return I_H;
            case AdType.Si: return Si;
            case AdType.At: return At;
            case AdType.B: return B;
            case AdType.Mg or AdType.Mn or AdType.Zn or AdType.Ca or AdType.Fe or AdType.OtherMetal: return Met_D;
            default: return None; // H, HD and W waters are not scored
        }
    }
}
