using System.Globalization;

namespace MolScreen.Core.Structures;

/// <summary>Which of mmCIF's two numbering schemes names chains and residues.</summary>
public enum MmcifNumbering
{
    /// <summary>auth_asym_id / auth_seq_id / pdbx_PDB_ins_code: the author's ids, the ones papers and PDB-format files use.</summary>
    Author,
    /// <summary>label_asym_id / label_seq_id: the archive's ids (every ligand and water set its own chain).</summary>
    Label,
}

/// <summary>
/// Reads the atom_site category of a PDBx/mmCIF file (first data block, first model) into the same structure the PDB
/// reader builds: alternate locations, residue grouping and classification follow <see cref="PdbReader"/>. Ids come
/// from the author scheme by default, falling back on the label scheme where the author column is missing or null.
/// Numbers may carry a standard uncertainty, "12.345(3)". A truncated loop, a missing column or a bad number is an error
/// naming the file, the line and the column.
/// </summary>
public static class MmcifReader
{
    private const string Category = "_atom_site.";

    public static MacromolecularStructure Read(string path, MmcifNumbering numbering = MmcifNumbering.Author) =>
        Parse(File.ReadLines(path), Path.GetFileNameWithoutExtension(path), path, numbering);

    public static MacromolecularStructure Parse(IEnumerable<string> lines, string name, string source = "<mmcif>", MmcifNumbering numbering = MmcifNumbering.Author)
    {
        var tokens = new CifTokenizer(lines, source);
        var atoms = new List<StructureAtom>();
        var single = new Dictionary<string, CifToken>(StringComparer.OrdinalIgnoreCase);
        int singleLine = 0, blocks = 0;
        while (tokens.Next() is { } t)
        {
            if (t.IsDataBlock) { if (++blocks > 1) break; continue; } // a second data block is another entry
            if (t.IsLoop) { ReadLoop(tokens, t.Line, source, numbering, atoms); continue; }
            if (t.IsTag)
            {
                var value = tokens.Next();
                if (value is not { } v || v.IsTag || v.IsKeyword)
                    throw new FormatException($"{source}:{t.Line}: tag {t.Text} has no value");
                if (t.Text.StartsWith(Category, StringComparison.OrdinalIgnoreCase))
                {
                    if (singleLine == 0) singleLine = t.Line;
                    single[t.Text[Category.Length..]] = v;
                }
                continue;
            }
            if (!t.IsKeyword) throw new FormatException($"{source}:{t.Line}: value '{Short(t.Text)}' outside any tag or loop");
        }
        // A one-atom entry may write atom_site as tag-value pairs instead of a loop.
        if (single.Count > 0)
        {
            var columns = AtomSiteColumns.Resolve(single.Keys.ToList(), numbering, source, singleLine);
            var row = single.Keys.Select(k => single[k]).ToArray();
            if (columns.ToAtom(row, source, out var atom)) atoms.Add(atom);
        }
        if (atoms.Count == 0) throw new FormatException($"{source}: no atom_site records");
        return new MacromolecularStructure(name, ResidueGrouping.Group(atoms));
    }

    /// <summary>Reads one loop: atom_site rows become atoms (first model only); other categories are read past.</summary>
    private static void ReadLoop(CifTokenizer tokens, int loopLine, string source, MmcifNumbering numbering, List<StructureAtom> atoms)
    {
        var tags = new List<string>();
        while (tokens.Peek() is { IsTag: true } tag) { tags.Add(tag.Text); tokens.Next(); }
        if (tags.Count == 0) throw new FormatException($"{source}:{loopLine}: loop_ without tags");
        bool atomSite = tags[0].StartsWith(Category, StringComparison.OrdinalIgnoreCase);
        AtomSiteColumns? columns = null;
        if (atomSite)
        {
            if (tags.Any(t => !t.StartsWith(Category, StringComparison.OrdinalIgnoreCase)))
                throw new FormatException($"{source}:{loopLine}: atom_site loop mixes in tags of another category ({tags.First(t => !t.StartsWith(Category, StringComparison.OrdinalIgnoreCase))})");
            columns = AtomSiteColumns.Resolve(tags.Select(t => t[Category.Length..]).ToList(), numbering, source, loopLine);
        }
        var row = new CifToken[tags.Count];
        int filled = 0;
        while (tokens.Peek() is { } v && !v.IsTag && !v.IsKeyword)
        {
            row[filled++] = tokens.Next()!.Value;
            if (filled < row.Length) continue;
            filled = 0;
            if (columns != null && columns.ToAtom(row, source, out var atom)) atoms.Add(atom);
        }
        if (filled != 0)
            throw new FormatException($"{source}:{row[0].Line}: the {tags[0].Split('.')[0]} loop (line {loopLine}) ends inside a row: {filled} of {tags.Count} values (truncated file or a missing value?)");
    }

    internal static string Short(string s) => s.Length <= 40 ? s : s[..37] + "...";
}

/// <summary>Where each field of an atom sits in an atom_site row, for the chosen numbering scheme.</summary>
internal sealed class AtomSiteColumns
{
    private int _group = -1, _id = -1, _type = -1, _atom = -1, _altAtom = -1, _alt = -1, _comp = -1, _altComp = -1;
    private int _chain = -1, _altChain = -1, _seq = -1, _altSeq = -1, _ins = -1, _x = -1, _y = -1, _z = -1, _occ = -1, _b = -1, _model = -1;
    private string? _firstModel;

    public static AtomSiteColumns Resolve(IReadOnlyList<string> names, MmcifNumbering numbering, string source, int line)
    {
        int Find(string n)
        {
            for (int i = 0; i < names.Count; i++) if (names[i].Equals(n, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }
        bool author = numbering == MmcifNumbering.Author;
        var c = new AtomSiteColumns
        {
            _group = Find("group_PDB"), _id = Find("id"), _type = Find("type_symbol"),
            _atom = Find("auth_atom_id"), _altAtom = Find("label_atom_id"),
            _comp = Find("auth_comp_id"), _altComp = Find("label_comp_id"),
            _chain = Find(author ? "auth_asym_id" : "label_asym_id"), _altChain = Find(author ? "label_asym_id" : "auth_asym_id"),
            _seq = Find(author ? "auth_seq_id" : "label_seq_id"), _altSeq = Find(author ? "label_seq_id" : "auth_seq_id"),
            _ins = author ? Find("pdbx_PDB_ins_code") : -1, _alt = Find("label_alt_id"),
            _x = Find("Cartn_x"), _y = Find("Cartn_y"), _z = Find("Cartn_z"),
            _occ = Find("occupancy"), _b = Find("B_iso_or_equiv"), _model = Find("pdbx_PDB_model_num"),
        };
        var missing = new List<string>();
        if (c._x < 0) missing.Add("Cartn_x");
        if (c._y < 0) missing.Add("Cartn_y");
        if (c._z < 0) missing.Add("Cartn_z");
        if (c._atom < 0 && c._altAtom < 0) missing.Add("auth_atom_id or label_atom_id");
        if (c._comp < 0 && c._altComp < 0) missing.Add("auth_comp_id or label_comp_id");
        if (c._chain < 0 && c._altChain < 0) missing.Add("auth_asym_id or label_asym_id");
        if (c._seq < 0 && c._altSeq < 0) missing.Add("auth_seq_id or label_seq_id");
        if (missing.Count > 0)
            throw new FormatException($"{source}:{line}: atom_site has no {string.Join(", no ", missing)} column");
        return c;
    }

    /// <summary>The row's atom; false for rows of a later model (only the first model is read).</summary>
    public bool ToAtom(CifToken[] row, string source, out StructureAtom atom)
    {
        atom = null!;
        int line = row[0].Line;
        if (_model >= 0)
        {
            var model = row[_model].Text;
            _firstModel ??= model;
            if (model != _firstModel) return false;
        }
        string? Value(int i) => i >= 0 && !row[i].IsNull ? row[i].Text : null;
        string Required(int i, int fallback, string what) => Value(i) ?? Value(fallback)
            ?? throw new FormatException($"{source}:{line}: atom_site row has no {what} (both columns are '?' or '.')");
        double Coordinate(int i, string tag)
        {
            var text = row[i].Text;
            if (row[i].IsNull || !TryNumber(text, out var v))
                throw new FormatException($"{source}:{line}: atom_site column {tag}: '{MmcifReader.Short(text)}' is not a finite number (atom {Value(_id) ?? "?"})");
            return v;
        }
        double Optional(int i, double fallback) => Value(i) is { } s && TryNumber(s, out var v) ? v : fallback;

        var name = Required(_atom, _altAtom, "atom name");
        // label_seq_id is '.' on ligands and waters: the other scheme's number then names the residue.
        var seqText = Required(_seq, _altSeq, "residue number");
        if (!TryInt(seqText, out var seq))
            throw new FormatException($"{source}:{line}: atom_site residue number '{MmcifReader.Short(seqText)}' is not an integer (atom {Value(_id) ?? "?"})");
        var element = (Value(_type) ?? "").ToUpperInvariant();
        if (element.Length == 0) element = new string(name.Where(char.IsLetter).Take(1).ToArray()).ToUpperInvariant();
        int.TryParse(Value(_id), NumberStyles.Integer, CultureInfo.InvariantCulture, out var serial);
        atom = new StructureAtom(serial, name, Value(_alt) is [var alt, ..] ? alt : ' ', Required(_comp, _altComp, "residue name"),
            Required(_chain, _altChain, "chain id"), seq, Value(_ins) is [var ic, ..] ? ic : ' ',
            Coordinate(_x, "Cartn_x"), Coordinate(_y, "Cartn_y"), Coordinate(_z, "Cartn_z"),
            Optional(_occ, 1.0), Optional(_b, 0.0), element, Value(_group) is { } g && g.Equals("HETATM", StringComparison.OrdinalIgnoreCase));
        return true;
    }

    private static bool TryInt(string? text, out int v) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out v);

    /// <summary>A CIF number, its standard uncertainty in parentheses dropped: "12.345(3)" reads 12.345.</summary>
    private static bool TryNumber(string text, out double v)
    {
        int paren = text.IndexOf('(');
        var s = paren > 0 && text.EndsWith(')') ? text[..paren] : text;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v);
    }
}
