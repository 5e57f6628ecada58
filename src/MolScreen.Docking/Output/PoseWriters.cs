using System.Globalization;
using System.Text;
using MolScreen.Core.IO;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Output;

/// <summary>Writes docked poses as SDF (scores as SD properties) and as multi-model PDBQT in the input's layout.</summary>
public static class PoseWriters
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Element symbol of an AD type for SDF; glue pseudo atoms are written as dummy atoms (*).</summary>
    public static string Element(int ad) => ad switch
    {
        AdType.C or AdType.A or AdType.CG0 or AdType.CG1 or AdType.CG2 or AdType.CG3 => "C",
        AdType.N or AdType.NA => "N", AdType.O or AdType.OA => "O", AdType.S or AdType.SA => "S", AdType.H or AdType.HD => "H",
        AdType.G0 or AdType.G1 or AdType.G2 or AdType.G3 => "*",
        AdType.OtherMetal => "X",
        _ => AdType.Name(ad),
    };

    /// <summary>Appends one SDF record per pose; bonds are those Vina perceives (all single: PDBQT carries no bond orders).</summary>
    public static void AppendSdf(StringBuilder sb, string compoundId, LigandModel lig, DockedPose p, long seed, string mode, string device)
    {
        var bonds = new List<(int, int)>();
        for (int i = 0; i < lig.AtomCount; i++)
            foreach (int j in lig.Bonds[i]) if (j > i) bonds.Add((i, j));
        sb.Append(SafeText.SdLine(compoundId)).Append('\n');
        sb.Append("  MolScreen 3D\n\n");
        sb.Append(Inv, $"{lig.AtomCount,3}{bonds.Count,3}  0  0  0  0  0  0  0  0999 V2000\n");
        for (int i = 0; i < lig.AtomCount; i++)
            sb.Append(Inv, $"{p.X[i],10:F4}{p.Y[i],10:F4}{p.Z[i],10:F4} {Element(lig.Ad[i]),-3} 0  0  0  0  0  0  0  0  0  0  0  0\n");
        foreach (var (a, b) in bonds) sb.Append(Inv, $"{a + 1,3}{b + 1,3}  1  0\n");
        sb.Append("M  END\n");
        void Prop(string name, string value) => sb.Append("> <").Append(name).Append(">\n").Append(SafeText.SdLine(value)).Append("\n\n");
        Prop("compound_id", compoundId);
        Prop("pose_rank", p.Rank.ToString(Inv));
        Prop("score", p.Score.ToString("F3", Inv));
        Prop("inter", p.Inter.ToString("F3", Inv));
        Prop("intra", p.Intra.ToString("F3", Inv));
        for (int k = 0; k < 5; k++) Prop("term_" + ScoringWeights.TermNames[k], p.Terms[k].ToString("F4", Inv));
        Prop("rmsd_lb", p.RmsdLb.ToString("F3", Inv));
        Prop("rmsd_ub", p.RmsdUb.ToString("F3", Inv));
        Prop("seed", seed.ToString(Inv));
        Prop("mode", mode);
        Prop("device", device);
        sb.Append("$$$$\n");
    }

    /// <summary>Poses as Vina writes them: MODEL k, REMARK VINA RESULT, the input PDBQT lines with new coordinates, ENDMDL.</summary>
    public static string Pdbqt(LigandModel lig, IReadOnlyList<DockedPose> poses)
    {
        var sb = new StringBuilder();
        foreach (var p in poses)
        {
            sb.Append(Inv, $"MODEL {p.Rank}\n");
            sb.Append(Inv, $"REMARK VINA RESULT: {p.Score,9:F3} {p.RmsdLb,9:F3} {p.RmsdUb,9:F3}\n");
            sb.Append(Inv, $"REMARK INTER + INTRA: {p.Inter + p.Intra,13:F3}\nREMARK INTER: {p.Inter,13:F3}\nREMARK INTRA: {p.Intra,13:F3}\n");
            for (int li = 0; li < lig.PdbqtLines.Length; li++)
            {
                string l = lig.PdbqtLines[li];
                int a = lig.LineAtom[li];
                if (a < 0)
                {
                    if (l.StartsWith("ROOT") || l.StartsWith("ENDROOT") || l.StartsWith("BRANCH") || l.StartsWith("ENDBRANCH") || l.StartsWith("TORSDOF"))
                        sb.Append(l).Append('\n');
                    continue;
                }
                sb.Append(l, 0, 30).Append(Inv, $"{p.X[a],8:F3}{p.Y[a],8:F3}{p.Z[a],8:F3}");
                if (l.Length > 54) sb.Append(l, 54, l.Length - 54);
                sb.Append('\n');
            }
            sb.Append("ENDMDL\n");
        }
        return sb.ToString();
    }
}
