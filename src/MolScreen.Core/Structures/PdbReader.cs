using System.Globalization;

namespace MolScreen.Core.Structures;

/// <summary>
/// Reads ATOM/HETATM records of a PDB-format file (fixed columns of the wwPDB v3.3 format). Only the first model is
/// read; of alternate locations, blank ones and the first letter seen in each residue are kept (the usual "A"), so
/// each atom appears once. Bad coordinates are an error naming the line: a NaN atom would poison every distance.
/// </summary>
public static class PdbReader
{
    public static MacromolecularStructure Read(string path) =>
        Parse(File.ReadLines(path), Path.GetFileNameWithoutExtension(path), path);

    public static MacromolecularStructure Parse(IEnumerable<string> lines, string name, string source = "<pdb>")
    {
        var atoms = new List<StructureAtom>();
        int lineNo = 0;
        bool sawModel = false;
        foreach (var line in lines)
        {
            lineNo++;
            if (line.StartsWith("MODEL")) { if (sawModel) break; sawModel = true; continue; }
            if (line.StartsWith("ENDMDL")) break;
            bool hetero = line.StartsWith("HETATM");
            if (!hetero && !line.StartsWith("ATOM  ") && !(line.StartsWith("ATOM") && line.Length == 4)) continue;
            atoms.Add(ParseAtom(line, hetero, source, lineNo));
        }
        if (atoms.Count == 0) throw new FormatException($"{source}: no ATOM/HETATM records");
        return new MacromolecularStructure(name, ResidueGrouping.Group(atoms));
    }

    private static StructureAtom ParseAtom(string line, bool hetero, string source, int lineNo)
    {
        if (line.Length < 54) throw new FormatException($"{source}:{lineNo}: coordinate record shorter than 54 columns");
        string Col(int start, int end) => line.Length >= start ? line.Substring(start - 1, Math.Min(end, line.Length) - start + 1) : "";
        double Coordinate(int start, int end, string axis)
        {
            var text = Col(start, end).Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                throw new FormatException($"{source}:{lineNo}: atom '{Col(13, 16).Trim()}' has a non-numeric or non-finite {axis} coordinate '{text}'");
            return v;
        }
        double Optional(int start, int end, double fallback) =>
            double.TryParse(Col(start, end).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : fallback;

        var atomName = Col(13, 16).Trim();
        if (!int.TryParse(Col(23, 26).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var resSeq))
            throw new FormatException($"{source}:{lineNo}: residue number '{Col(23, 26).Trim()}' is not an integer");
        var element = Col(77, 78).Trim().ToUpperInvariant();
        if (element.Length == 0) element = ElementFromName(Col(13, 16));
        int.TryParse(Col(7, 11).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var serial);
        return new StructureAtom(serial, atomName, Col(17, 17) is [var alt] ? alt : ' ', Col(18, 20).Trim(),
            Col(22, 22).Trim(), resSeq, Col(27, 27) is [var ic] ? ic : ' ',
            Coordinate(31, 38, "x"), Coordinate(39, 46, "y"), Coordinate(47, 54, "z"),
            Optional(55, 60, 1.0), Optional(61, 66, 0.0), element, hetero);
    }

    /// <summary>PDB convention when columns 77–78 are blank: a name starting in column 13 has a two-letter element.</summary>
    private static string ElementFromName(string paddedName)
    {
        var letters = new string(paddedName.Where(char.IsLetter).ToArray()).ToUpperInvariant();
        if (letters.Length == 0) return "";
        if (paddedName.Length == 4 && paddedName[0] != ' ' && !char.IsDigit(paddedName[0]) && letters.Length >= 2
            && letters[..2] is "FE" or "ZN" or "MG" or "MN" or "CL" or "BR" or "NA" or "CA" or "CU" or "CO" or "NI" or "SE")
            return letters[..2];
        return letters[..1];
    }
}
