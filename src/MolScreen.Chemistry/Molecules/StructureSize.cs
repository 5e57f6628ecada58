namespace MolScreen.Chemistry.Molecules;

/// <summary>
/// Heavy atoms of a structure counted from its text, without parsing it: the cap that keeps a huge record away from
/// Open Babel (whose SMILES parser and perception recurse per atom) is checked with this before any native call.
/// </summary>
public static class StructureSize
{
    /// <summary>
    /// Heavy atoms written in a SMILES string: organic-subset atoms (Cl and Br as one), bracket atoms other than
    /// hydrogen isotopes and ions, and `*`. Every fragment counts. Malformed text gives a count too (the parser
    /// reports the error afterwards).
    /// </summary>
    public static int SmilesHeavyAtoms(ReadOnlySpan<char> smiles)
    {
        int n = 0;
        for (int i = 0; i < smiles.Length; i++)
        {
            char c = smiles[i];
            switch (c)
            {
                case '[':
                {
                    int j = i + 1;
                    while (j < smiles.Length && char.IsAsciiDigit(smiles[j])) j++; // isotope
                    bool hydrogen = j < smiles.Length && smiles[j] == 'H' && (j + 1 >= smiles.Length || !char.IsAsciiLetterLower(smiles[j + 1]));
                    if (!hydrogen) n++;
                    int close = smiles[i..].IndexOf(']');
                    i = close < 0 ? smiles.Length : i + close;
                    break;
                }
                case 'C' or 'N' or 'O' or 'P' or 'S' or 'F' or 'I' or 'B' or '*':
                case 'c' or 'n' or 'o' or 'p' or 's' or 'b':
                    n++;
                    if ((c == 'C' && i + 1 < smiles.Length && smiles[i + 1] == 'l') || (c == 'B' && i + 1 < smiles.Length && smiles[i + 1] == 'r')) i++;
                    break;
            }
        }
        return n;
    }

    /// <summary>Heavy atoms of an MDL molblock from its atom block (V2000 or V3000) without building a molecule;
    /// null when the counts cannot be read (the parser then reports the record).</summary>
    public static int? MolblockHeavyAtoms(string molblock)
    {
        var lines = molblock.Split('\n');
        if (lines.Length < 4) return null;
        var counts = lines[3].TrimEnd('\r');
        int atoms, first;
        if (counts.Contains("V3000", StringComparison.Ordinal))
        {
            int at = Array.FindIndex(lines, l => l.StartsWith("M  V30 COUNTS", StringComparison.Ordinal));
            if (at < 0) return null;
            var fields = lines[at].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4 || !int.TryParse(fields[3], out atoms)) return null;
            first = Array.FindIndex(lines, l => l.StartsWith("M  V30 BEGIN ATOM", StringComparison.Ordinal)) + 1;
            if (first <= 0) return null;
            int heavy = 0;
            for (int i = first; i < lines.Length && i < first + atoms; i++)
            {
                var f = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length > 3 && f[3] is not ("H" or "D" or "T")) heavy++;
            }
            return heavy;
        }
        if (counts.Length < 3 || !int.TryParse(counts.AsSpan(0, 3), out atoms)) return null;
        int h = 0;
        for (int i = 4; i < lines.Length && i < 4 + atoms; i++)
        {
            var l = lines[i];
            var symbol = l.Length >= 34 ? l.Substring(31, 3).Trim() : "";
            if (symbol is not ("H" or "D" or "T")) h++;
        }
        return h + Math.Max(0, atoms - (lines.Length - 4));
    }

    /// <summary>Heavy atoms of a structure in an ingest format ("smiles" or "molblock"); null when not countable.</summary>
    public static int? HeavyAtoms(string format, string structure) =>
        format == "molblock" ? MolblockHeavyAtoms(structure) : SmilesHeavyAtoms(structure);
}
