using MolScreen.Core.Structures;
using MolScreen.Interactions.Interface;

namespace MolScreen.Interactions.Tests;

/// <summary>The mmCIF reader against the PDB reader on the same hand-checked complex, on hostile inputs and on the real 6ZU5 file.</summary>
public class MmcifReaderTests
{
    const string Header = """
        data_HAND
        #
        _struct.title 'a title with "quotes" and it's fine'
        _struct.pdbx_descriptor
        ;Multi-line text that looks like atom rows must not be read:
        loop_
        _atom_site.id
        ATOM 99 C CA . GLY Z 1 1 ? 1 1 1 1 0 ? 1 GLY Z CA 1
        ;
        loop_
        _entity.id
        _entity.pdbx_description
        1 'RNA (3-MER)'
        2 "a peptide's chain"
        #
        loop_
        _atom_site.group_PDB
        _atom_site.id
        _atom_site.type_symbol
        _atom_site.label_atom_id
        _atom_site.label_alt_id
        _atom_site.label_comp_id
        _atom_site.label_asym_id
        _atom_site.label_seq_id
        _atom_site.pdbx_PDB_ins_code
        _atom_site.Cartn_x
        _atom_site.Cartn_y
        _atom_site.Cartn_z
        _atom_site.occupancy
        _atom_site.B_iso_or_equiv
        _atom_site.auth_seq_id
        _atom_site.auth_comp_id
        _atom_site.auth_asym_id
        _atom_site.auth_atom_id
        _atom_site.pdbx_PDB_model_num
        """;

    // The atoms of StructureTests.HandComplex (label chains C/D, label numbers 1..; author ids as in the PDB file),
    // then a second model that must be ignored.
    const string Rows = """
        ATOM   1  P P   . G   C 1 ? 0.000  0.000 0.000 1.00 0 1  G   R P   1
        ATOM   2  O "O2'" . G   C 1 ? 0.000 -1.400 0.000 1.00 0 1  G   R O2' 1
        ATOM   3  C C1' . G   C 1 ? 0.000 -2.800 0.000 1.00 0 1  G   R "C1'" 1
        ATOM   4  N N   . LYS D 1 ? 8.000  0.000 0.000 1.00 0 10 LYS A N   1
        ATOM   5  C CA  . LYS D 1 ? 7.000(2) 0.000 0.000 1.00 0 10 LYS A CA  1
        ATOM   6  C C   . LYS D 1 ? 7.000  1.500 0.000 1.00 0 10 LYS A C   1
        ATOM   7  N NZ  . LYS D 1 ? 4.400  0.000 0.000 1.00 0 10 LYS A NZ  1
        ATOM   8  N N   . ALA D 2 ? 0.000  9.000 0.000 1.00 0 11 ALA A N   1
        ATOM   9  C CA  . ALA D 2 ? 0.000  8.000 0.000 1.00 0 11 ALA A CA  1
        ATOM   10 C C   . ALA D 2 ? 1.000  8.000 0.000 1.00 0 11 ALA A C   1
        ATOM   11 C CB  A ALA D 2 ? 0.000  4.600 0.000 0.60 0 11 ALA A CB  1
        ATOM   12 C CB  B ALA D 2 ? 0.000  2.000 0.000 0.40 0 11 ALA A CB  1
        ATOM   13 H HB1 . ALA D 2 ? 0.000  1.000 0.000 1.00 0 11 ALA A HB1 1
        ATOM   14 N N   . SER D 3 A 0.000  0.000 9.000 1.00 0 12 SER A N   1
        ATOM   15 C CA  . SER D 3 A 0.000  0.000 8.000 1.00 0 12 SER A CA  1
        ATOM   16 C C   . SER D 3 A 1.000  0.000 8.000 1.00 0 12 SER A C   1
        ATOM   17 O OG  . SER D 3 A 0.000  0.000 4.500 1.00 0 12 SER A OG  1
        ATOM   18 O OG  . SER D 3 A 50.00  50.00 50.00 1.00 0 12 SER A OG  2
        #
        """;

    static string[] Cif(string rows = Rows) => (Header + "\n" + rows).Split('\n');

    [Fact]
    public void Reads_the_same_structure_as_the_pdb_reader()
    {
        var cif = MmcifReader.Parse(Cif(), "hand");
        var pdb = PdbReader.Parse(StructureTests.HandComplex, "hand");
        Assert.Equal(pdb.Residues.Select(r => (r.Label, r.Name, r.Kind)), cif.Residues.Select(r => (r.Label, r.Name, r.Kind)));
        var a = pdb.Residues.SelectMany(r => r.Atoms).ToList();
        var b = cif.Residues.SelectMany(r => r.Atoms).ToList();
        Assert.Equal(a.Count, b.Count);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal((a[i].Name, a[i].AltLoc, a[i].Element, a[i].Occupancy), (b[i].Name, b[i].AltLoc, b[i].Element, b[i].Occupancy));
            Assert.Equal((a[i].X, a[i].Y, a[i].Z), (b[i].X, b[i].Y, b[i].Z));
        }
        Assert.Equal([true, false, true], RnaInterface.Compute(cif).Select(r => r.Contacts));
    }

    [Fact]
    public void Label_numbering_uses_the_archive_chain_and_sequence_ids()
    {
        var s = MmcifReader.Parse(Cif(), "hand", numbering: MmcifNumbering.Label);
        Assert.Equal(["C:1", "D:1", "D:2", "D:3"], s.Residues.Select(r => r.Label));
    }

    [Fact]
    public void Pdb_written_from_mmcif_reads_back_the_same()
    {
        var cif = MmcifReader.Parse(Cif(), "hand");
        var lines = PdbWriter.Lines(cif.Residues, PdbWriter.ChainMap(cif.ChainIds), ["hand complex"]).ToList();
        Assert.Equal("REMARK 250 hand complex", lines[0]);
        var back = PdbReader.Parse(lines, "back");
        Assert.Equal(cif.Residues.Select(r => r.Label), back.Residues.Select(r => r.Label));
        Assert.Equal(cif.Residues.SelectMany(r => r.Atoms).Select(a => (a.Name, a.X, a.Y, a.Z, a.Element)),
            back.Residues.SelectMany(r => r.Atoms).Select(a => (a.Name, a.X, a.Y, a.Z, a.Element)));
        // multi-character mmCIF chain ids get one-character PDB ids in order
        Assert.Equal(new Dictionary<string, char> { ["L50"] = 'A', ["LA0"] = 'B' }, PdbWriter.ChainMap(["L50", "LA0", "L50"]));
    }

    [Fact]
    public void Truncated_loop_is_an_error_naming_the_line()
    {
        // the file ends in the middle of the last row, as a partial download would
        var rows = Rows.TrimEnd().Split('\n')[..^1];
        var cut = string.Join('\n', rows[..^1]) + "\n" + rows[^1][..rows[^1].IndexOf("50.00", StringComparison.Ordinal)];
        var e = Assert.Throws<FormatException>(() => MmcifReader.Parse(Cif(cut), "cut", "cut.cif"));
        Assert.Contains("ends inside a row", e.Message);
        Assert.Contains("cut.cif:", e.Message);
        int rowLine = Cif(cut).Length; // the last, incomplete row
        Assert.Contains($"cut.cif:{rowLine}:", e.Message);
    }

    [Fact]
    public void Missing_columns_and_bad_values_are_errors_naming_line_and_column()
    {
        var noY = Cif().Where(l => l.Trim() != "_atom_site.Cartn_y").ToArray();
        var e = Assert.Throws<FormatException>(() => MmcifReader.Parse(noY, "noy", "noy.cif"));
        Assert.Contains("no Cartn_y column", e.Message);
        int loopLine = Array.FindLastIndex(noY, l => l.Trim() == "loop_") + 1;
        Assert.StartsWith($"noy.cif:{loopLine}:", e.Message);

        var lines = Cif();
        int nz = Array.FindIndex(lines, l => l.Contains(" NZ "));
        lines[nz] = lines[nz].Replace("4.400", "abc");
        e = Assert.Throws<FormatException>(() => MmcifReader.Parse(lines, "bad", "bad.cif"));
        Assert.Contains($"bad.cif:{nz + 1}: atom_site column Cartn_x: 'abc'", e.Message);

        lines = Cif();
        lines[nz] = lines[nz].Replace(" 10 LYS A NZ", " x LYS A NZ");
        e = Assert.Throws<FormatException>(() => MmcifReader.Parse(lines, "bad", "bad.cif"));
        Assert.Contains($"bad.cif:{nz + 1}:", e.Message);
        Assert.Contains("not an integer", e.Message);
    }

    [Fact]
    public void Unclosed_text_fields_and_quotes_are_errors_naming_their_line()
    {
        var open = Cif().TakeWhile(l => l.Trim() != "loop_").Where(l => l != ";").ToArray();
        int start = Array.FindIndex(open, l => l.StartsWith(';')) + 1;
        var e = Assert.Throws<FormatException>(() => MmcifReader.Parse(open, "t", "t.cif"));
        Assert.Equal($"t.cif:{start}: text field opened with ';' is never closed (truncated file?)", e.Message);

        e = Assert.Throws<FormatException>(() => MmcifReader.Parse(["data_X", "_struct.title 'never closed"], "q", "q.cif"));
        Assert.StartsWith("q.cif:2: quoted value", e.Message);
        e = Assert.Throws<FormatException>(() => MmcifReader.Parse(["data_X", "_struct.title x"], "n", "n.cif"));
        Assert.Contains("no atom_site records", e.Message);
    }

    [Fact]
    public void Single_atom_entry_written_as_tag_value_pairs_is_read()
    {
        string[] lines = ["data_ION", "_atom_site.group_PDB HETATM", "_atom_site.label_atom_id ZN", "_atom_site.label_comp_id ZN",
            "_atom_site.auth_asym_id A", "_atom_site.auth_seq_id 301", "_atom_site.type_symbol Zn",
            "_atom_site.Cartn_x 1.5", "_atom_site.Cartn_y -2", "_atom_site.Cartn_z 3e1"];
        var a = Assert.Single(Assert.Single(MmcifReader.Parse(lines, "ion").Residues).Atoms);
        Assert.Equal(("ZN", "ZN", 301, true, 1.5, -2.0, 30.0), (a.Name, a.Element, a.ResidueNumber, a.IsHetero, a.X, a.Y, a.Z));
    }

    static string SixZu5 => Path.Combine(SharedData.RepoRoot(), "datasets", "targets", "6zu5.cif");

    [FetchedTargetFact("6zu5.cif")]
    public void Reads_the_6ZU5_ribosome()
    {
        var s = StructureReader.Read(SixZu5);
        // Reference counts from awk over the file's ATOM/HETATM rows (all model 1, no hydrogens, no altlocs):
        // 165,175 atoms in 14,406 residues keyed by (auth_asym_id, auth_seq_id, ins code); LA0 (uL2) 247 with its Mg,
        // L50 (25S rRNA) 2,607, L70 (5S rRNA) 123.
        Assert.Equal(165175, s.Residues.Sum(r => r.Atoms.Count));
        Assert.Equal(14406, s.Residues.Count);
        var byChain = s.Residues.GroupBy(r => r.ChainId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(247, byChain["LA0"].Count);
        Assert.Equal(2607, byChain["L50"].Count);
        Assert.Equal(123, byChain["L70"].Count);
        Assert.All(byChain["L50"].Where(r => r.Name is "A" or "C" or "G" or "U"), r => Assert.Equal(ResidueKind.Rna, r.Kind));
        Assert.StartsWith("SKVIRRLRLLKPHHRPKAMWKVGETRIPVV", s.Sequences(ResidueKind.Protein)["LA0"]);
        // the one AMP is a ligand although its ribose would pass the RNA backbone test (gemmi agrees: not RNA)
        Assert.Equal(ResidueKind.Other, Assert.Single(s.Residues, r => r.Name == "AMP").Kind);
        var first = s.Residues[0].Atoms[0];
        Assert.Equal(("P", "L50", 4, 245.052, 266.439, 246.766), (first.Name, first.ChainId, first.ResidueNumber, first.X, first.Y, first.Z));
    }
}
