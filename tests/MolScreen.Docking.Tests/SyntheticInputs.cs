using System.Globalization;
using System.Text;

namespace MolScreen.Docking.Tests;

/// <summary>Small hand-built PDBQT/PDB inputs for bad-input and determinism tests (no shared data needed).</summary>
public static class SyntheticInputs
{
    /// <summary>A zig-zag carbon chain with the given number of nested torsions (torsions + 2 atoms), near the origin.</summary>
    public static string[] ChainLigand(int torsions, float shiftX = 0f)
    {
        int atoms = torsions + 2;
        var lines = new List<string> { "ROOT", Atom(1, shiftX, 0), "ENDROOT" };
        for (int k = 1; k <= torsions; k++)
        {
            lines.Add($"BRANCH {k,3} {k + 1,3}");
            lines.Add(Atom(k + 1, shiftX, k));
        }
        if (torsions > 0) lines.Add(Atom(atoms, shiftX, atoms - 1));
        else lines.Insert(2, Atom(2, shiftX, 1));
        for (int k = torsions; k >= 1; k--) lines.Add($"ENDBRANCH {k,3} {k + 1,3}");
        lines.Add($"TORSDOF {torsions}");
        return lines.ToArray();
    }

    static string Atom(int serial, float shiftX, int index)
    {
        float x = shiftX + 1.25f * index, y = index % 2 == 0 ? 0f : 0.85f;
        return string.Create(CultureInfo.InvariantCulture,
            $"ATOM  {serial,5}  C{serial % 100,-2} LIG L   1    {x,8:F3}{y,8:F3}{0f,8:F3}  1.00  0.00     0.000 C ");
    }

    /// <summary>A PDB receptor line (element in columns 77-78).</summary>
    public static string PdbAtom(int serial, string name, char alt, string res, char chain, int resNum, char icode, float x, float y, float z,
        float occ, string element, bool het = false)
    {
        string n = name.Length < 4 ? " " + name.PadRight(3) : name;
        return string.Create(CultureInfo.InvariantCulture,
            $"{(het ? "HETATM" : "ATOM  ")}{serial,5} {n}{alt}{res,3} {chain}{resNum,4}{icode}   {x,8:F3}{y,8:F3}{z,8:F3}{occ,6:F2}{20f,6:F2}          {element,2}");
    }
}
