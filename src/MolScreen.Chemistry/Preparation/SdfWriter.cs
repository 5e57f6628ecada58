using System.Globalization;
using System.Text;
using MolScreen.Chemistry.Smarts;
using MolScreen.Core.IO;

namespace MolScreen.Chemistry.Preparation;

/// <summary>
/// Writes prepared ligands as SD records (V2000, every hydrogen, Kekule bond orders, formal
/// charges in M  CHG lines) with the id as title and the AD4 data as SD fields, for tools that
/// read SDF rather than PDBQT.
/// </summary>
public static class SdfWriter
{
    public static void Append(StringBuilder sb, PreparedLigand ligand)
    {
        var c = ligand.Atoms.Conformer;
        var inv = CultureInfo.InvariantCulture;
        if (c.AtomCount > 999 || c.BondCount > 999)
            throw new ChemistryException(ChemistryErrorKind.Unsupported, $"{ligand.Id}: too many atoms for a V2000 SD record");
        sb.Append(SafeText.SdLine(ligand.Id)).Append('\n');
        sb.Append("  MolScreen3D\n\n");
        sb.Append(inv, $"{c.AtomCount,3}{c.BondCount,3}  0  0  0  0  0  0  0  0999 V2000\n");
        for (int a = 0; a < c.AtomCount; a++)
        {
            var xyz = c.Coordinates;
            sb.Append(inv, $"{xyz[3 * a],10:F4}{xyz[3 * a + 1],10:F4}{xyz[3 * a + 2],10:F4} {ElementSymbols.Symbol(c.AtomicNumber[a]),-3} 0  0  0  0  0  0  0  0  0  0  0  0\n");
        }
        for (int b = 0; b < c.BondCount; b++)
            sb.Append(inv, $"{c.BondBegin[b] + 1,3}{c.BondEnd[b] + 1,3}{c.BondOrder[b],3}  0\n");
        var charged = Enumerable.Range(0, c.AtomCount).Where(a => ligand.Atoms.Charges.FormalCharge[a] != 0).ToArray();
        for (int start = 0; start < charged.Length; start += 8)
        {
            var chunk = charged.Skip(start).Take(8).ToArray();
            sb.Append(inv, $"M  CHG{chunk.Length,3}");
            foreach (int a in chunk) sb.Append(inv, $"{a + 1,4}{ligand.Atoms.Charges.FormalCharge[a],4}");
            sb.Append('\n');
        }
        sb.Append("M  END\n");
        Field(sb, "prepared_smiles", ligand.Smiles);
        Field(sb, "ad4_types", string.Join(' ', ligand.Ad4Types));
        Field(sb, "gasteiger_charges", string.Join(' ', ligand.Atoms.Charges.PartialCharge.Select(q => q.ToString("F4", inv))));
        Field(sb, "force_field", PreparedRows.ForceFieldName(ligand.ForceField));
        Field(sb, "torsions", ligand.Tree.Torsions.ToString(inv));
        sb.Append("$$$$\n");
    }

    private static void Field(StringBuilder sb, string name, string value) =>
        sb.Append("> <").Append(name).Append(">\n").Append(SafeText.SdLine(value)).Append("\n\n");
}
