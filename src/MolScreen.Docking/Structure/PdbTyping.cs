using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Structure;

/// <summary>
/// AutoDock/X-Score typing of a plain PDB receptor. With hydrogens present, donors are N/O bonded to a hydrogen (as Vina
/// sees polar H in PDBQT). Without hydrogens, donors come from residue templates (protein side chains, backbone N except
/// proline) and, for other residues, from geometry: an N or O whose heavy-atom bonds are all long single bonds. Oxygens are
/// always acceptors (OA, as in prepared receptors); nitrogens are acceptors only when they carry no H and are not
/// saturated (histidine ring N without H, aromatic N in cofactors).
/// </summary>
public static class PdbTyping
{
    static readonly Dictionary<string, string[]> SideChainDonors = new()
    {
        ["ARG"] = ["NE", "NH1", "NH2"], ["ASN"] = ["ND2"], ["GLN"] = ["NE2"], ["HIS"] = ["NE2"], ["HIE"] = ["NE2"], ["HID"] = ["ND1"],
        ["HIP"] = ["ND1", "NE2"], ["LYS"] = ["NZ"], ["SER"] = ["OG"], ["THR"] = ["OG1"], ["TYR"] = ["OH"], ["TRP"] = ["NE1"],
    };
    static readonly HashSet<string> AminoAcids = ["ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "GLY", "HIS", "HIE", "HID", "HIP", "ILE",
        "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL", "MSE"];

    /// <summary>AD type for an element; N and H are refined once bonds are known.</summary>
    public static int AdTypeOf(string element, string residue, string atomName) => element switch
    {
        "C" => AdType.C, "N" => AdType.N, "O" => AdType.OA, "S" => AdType.SA, "SE" => AdType.S, "P" => AdType.P, "H" or "D" => AdType.H,
        "F" => AdType.F, "CL" => AdType.Cl, "BR" => AdType.Br, "I" => AdType.I, "MG" => AdType.Mg, "MN" => AdType.Mn, "ZN" => AdType.Zn,
        "CA" => AdType.Ca, "FE" => AdType.Fe, "SI" => AdType.Si, "B" => AdType.B,
        "CU" or "NA" or "K" or "HG" or "CO" or "U" or "CD" or "NI" => AdType.OtherMetal,
        _ => -1,
    };

    internal static int[] Assign(List<(ReceptorAtomRecord Rec, float X, float Y, float Z, int Ad)> atoms, int[] ad, List<int>[] bonds)
    {
        int n = ad.Length;
        // Residues that carry any hydrogen are typed from their hydrogens; the others from templates.
        var hasH = new HashSet<(char, int, char, string)>();
        for (int i = 0; i < n; i++)
            if (AdType.IsHydrogen(ad[i])) hasH.Add(Key(atoms[i].Rec));
        for (int i = 0; i < n; i++)
            if (ad[i] == AdType.H && bonds[i].Any(j => ad[j] is AdType.N or AdType.OA or AdType.O)) ad[i] = AdType.HD;
        var donor = new bool[n];
        for (int i = 0; i < n; i++)
        {
            if (ad[i] is not (AdType.N or AdType.OA)) continue;
            var rec = atoms[i].Rec;
            if (hasH.Contains(Key(rec))) donor[i] = bonds[i].Any(j => ad[j] == AdType.HD);
            else if (AminoAcids.Contains(rec.ResidueName) && !rec.Hetero)
                donor[i] = (rec.Name == "N" && rec.ResidueName != "PRO") || (SideChainDonors.TryGetValue(rec.ResidueName, out var d) && d.Contains(rec.Name));
            else donor[i] = AllSingle(i, atoms, ad, bonds);
            if (ad[i] == AdType.N && IsNitrogenAcceptor(i, atoms, ad, bonds, donor[i], hasH.Contains(Key(rec)))) ad[i] = AdType.NA;
        }
        var xs = new int[n];
        for (int i = 0; i < n; i++)
        {
            bool hetero = bonds[i].Any(j => AdType.IsHeteroatom(ad[j]));
            xs[i] = XsType.Assign(ad[i], hetero, donor[i] || AdType.IsMetal(ad[i]));
        }
        return xs;
    }

    static (char, int, char, string) Key(ReceptorAtomRecord r) => (r.Chain, r.ResidueNumber, r.InsertionCode, r.ResidueName);

    static int HeavyDegree(int i, int[] ad, List<int>[] bonds) => bonds[i].Count(j => !AdType.IsHydrogen(ad[j]));

    // Single bonds to carbon are ≥ 1.40 Å (C-N 1.47, C-O 1.43); double/aromatic ones are shorter. Oxygens on P or S are taken
    // as deprotonated (phosphates, sulfonates at pH 7.4); a nitrogen with one heavy neighbour and no triple bond is NH2 (amide,
    // amine, aniline).
    static bool AllSingle(int i, List<(ReceptorAtomRecord Rec, float X, float Y, float Z, int Ad)> atoms, int[] ad, List<int>[] bonds)
    {
        var heavy = bonds[i].Where(j => !AdType.IsHydrogen(ad[j])).ToList();
        if (heavy.Count == 0) return ad[i] == AdType.OA; // water-like oxygen
        if (ad[i] == AdType.N && heavy.Count >= 3) return false;
        if (ad[i] == AdType.OA && (heavy.Count >= 2 || ad[heavy[0]] is AdType.P or AdType.S or AdType.SA)) return false;
        if (ad[i] == AdType.N && heavy.Count == 1) return Distance(atoms, i, heavy[0]) > 1.25f;
        foreach (int j in heavy)
            if (Distance(atoms, i, j) < 1.40f) return false;
        return true;
    }

    static float Distance(List<(ReceptorAtomRecord Rec, float X, float Y, float Z, int Ad)> atoms, int i, int j)
    {
        float dx = atoms[i].X - atoms[j].X, dy = atoms[i].Y - atoms[j].Y, dz = atoms[i].Z - atoms[j].Z;
        return MathF.Sqrt(dx * dx + dy * dy + dz * dz);
    }

    static bool IsNitrogenAcceptor(int i, List<(ReceptorAtomRecord Rec, float X, float Y, float Z, int Ad)> atoms, int[] ad, List<int>[] bonds,
        bool donor, bool fromHydrogens)
    {
        var rec = atoms[i].Rec;
        if (rec.ResidueName is "HIS" or "HIE" or "HID") return !donor && rec.Name is "ND1" or "NE2";
        if (AminoAcids.Contains(rec.ResidueName) && !rec.Hetero) return false;
        return !donor && HeavyDegree(i, ad, bonds) <= 2 && (fromHydrogens || !AllSingle(i, atoms, ad, bonds));
    }
}
