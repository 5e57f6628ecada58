using MolScreen.Core.Structures;
using MolScreen.Interactions.Interface;

namespace MolScreen.Interactions.Tests;

public class StructureTests
{
    internal static string Atom(string record, int serial, string name, char alt, string res, char chain, int num, char icode, double x, double y, double z, string element, double occ = 1.0) =>
        $"{record,-6}{serial,5} {name,-4}{alt}{res,3} {chain}{num,4}{icode}   {x,8:F3}{y,8:F3}{z,8:F3}{occ,6:F2}{0.0,6:F2}          {element,2}";

    // Hand-checked complex: RNA P atom at the origin. LYS 10 NZ at 4.4 Å → contact; ALA 11 CB at 4.6 Å → none even
    // though its hydrogen sits at 1 Å (hydrogens do not count); SER 12A (insertion code) OG at exactly 4.5 Å → contact.
    internal static readonly string[] HandComplex =
    [
        Atom("ATOM", 1, "P", ' ', "G", 'R', 1, ' ', 0, 0, 0, "P"),
        Atom("ATOM", 2, "O2'", ' ', "G", 'R', 1, ' ', 0, -1.4, 0, "O"),
        Atom("ATOM", 3, "C1'", ' ', "G", 'R', 1, ' ', 0, -2.8, 0, "C"),
        Atom("ATOM", 4, "N", ' ', "LYS", 'A', 10, ' ', 8, 0, 0, "N"),
        Atom("ATOM", 5, "CA", ' ', "LYS", 'A', 10, ' ', 7, 0, 0, "C"),
        Atom("ATOM", 6, "C", ' ', "LYS", 'A', 10, ' ', 7, 1.5, 0, "C"),
        Atom("ATOM", 7, "NZ", ' ', "LYS", 'A', 10, ' ', 4.4, 0, 0, "N"),
        Atom("ATOM", 8, "N", ' ', "ALA", 'A', 11, ' ', 0, 9, 0, "N"),
        Atom("ATOM", 9, "CA", ' ', "ALA", 'A', 11, ' ', 0, 8, 0, "C"),
        Atom("ATOM", 10, "C", ' ', "ALA", 'A', 11, ' ', 1, 8, 0, "C"),
        Atom("ATOM", 11, "CB", 'A', "ALA", 'A', 11, ' ', 0, 4.6, 0, "C", 0.6),
        Atom("ATOM", 12, "CB", 'B', "ALA", 'A', 11, ' ', 0, 2.0, 0, "C", 0.4),
        Atom("ATOM", 13, "HB1", ' ', "ALA", 'A', 11, ' ', 0, 1.0, 0, "H"),
        Atom("ATOM", 14, "N", ' ', "SER", 'A', 12, 'A', 0, 0, 9, "N"),
        Atom("ATOM", 15, "CA", ' ', "SER", 'A', 12, 'A', 0, 0, 8, "C"),
        Atom("ATOM", 16, "C", ' ', "SER", 'A', 12, 'A', 1, 0, 8, "C"),
        Atom("ATOM", 17, "OG", ' ', "SER", 'A', 12, 'A', 0, 0, 4.5, "O"),
        "END",
    ];

    [Fact]
    public void Pdb_reader_keeps_chain_insertion_code_first_altloc_and_classifies_residues()
    {
        var s = PdbReader.Parse(HandComplex, "hand");
        Assert.Equal(4, s.Residues.Count);
        Assert.Equal(ResidueKind.Rna, s.Residues[0].Kind);
        Assert.All(s.Residues.Skip(1), r => Assert.Equal(ResidueKind.Protein, r.Kind));
        var ser = s.Residues[3];
        Assert.Equal("A:12A", ser.Label);
        var ala = s.Residues[2];
        Assert.Single(ala.Atoms, a => a.Name == "CB");
        Assert.Equal('A', ala.Atom("CB")!.AltLoc);
        Assert.Equal(0.6, ala.Atom("CB")!.Occupancy, 6);
        Assert.Equal("H", ala.Atom("HB1")!.Element);
        Assert.Equal("KAS", s.Sequences(ResidueKind.Protein)["A"]);
        Assert.Equal("G", s.Sequences(ResidueKind.Rna)["R"]);
    }

    [Fact]
    public void Geometric_interface_matches_the_hand_checked_distances()
    {
        var iface = RnaInterface.Compute(PdbReader.Parse(HandComplex, "hand"));
        Assert.Equal([true, false, true], iface.Select(r => r.Contacts));
        Assert.Equal(4.4, iface[0].MinDistance, 6);
        Assert.Equal(4.5, iface[2].MinDistance, 6);
    }

    [Fact]
    public void Bad_structures_are_clear_errors()
    {
        var noRna = HandComplex.Skip(3).ToArray();
        Assert.Contains("no RNA", Assert.Throws<ArgumentException>(() => RnaInterface.Compute(PdbReader.Parse(noRna, "prot"))).Message);
        var nan = HandComplex.ToArray();
        nan[6] = nan[6][..30] + "     nan" + nan[6][38..];
        var e = Assert.Throws<FormatException>(() => PdbReader.Parse(nan, "bad"));
        Assert.Contains(":7:", e.Message);
        Assert.Contains("NZ", e.Message);
        Assert.Throws<FormatException>(() => PdbReader.Parse(["HEADER nothing"], "empty"));
    }

    [SharedDataFact]
    public void Interface_of_a_real_complex_matches_an_independent_brute_force_count()
    {
        // Reference: all-pairs heavy-atom distances ≤ 4.5 Å computed by a separate Python script over 3PF4_full.pdb.
        var s = PdbReader.Read(SharedData.Require("prdbv3-subset", "bound", "3PF4_full.pdb"));
        var contacts = RnaInterface.Compute(s).Where(r => r.Contacts).Select(r => r.Residue.Label).ToList();
        Assert.Equal(["B:7", "B:8", "B:10", "B:15", "B:17", "B:25", "B:27", "B:29", "B:31", "B:58", "B:59"], contacts);
    }
}

/// <summary>Runs when datasets/fetch-rna-targets.sh has fetched the example targets; skipped, saying so, otherwise.</summary>
public sealed class FetchedTargetFactAttribute : FactAttribute
{
    public FetchedTargetFactAttribute(string file)
    {
        if (!File.Exists(Path.Combine(SharedData.RepoRoot(), "datasets", "targets", file)))
            Skip = $"datasets/targets/{file} not fetched (run datasets/fetch-rna-targets.sh)";
    }
}

public class FetchedTargetTests
{
    [FetchedTargetFact("lambdaN-boxB.pdb")]
    public void LambdaN_boxB_model_reads_as_a_peptide_on_an_rna_hairpin()
    {
        // APBS's file has no chain ids, charged residue names (AR+, LY+) and radii/charges where occupancy would be.
        var s = PdbReader.Read(Path.Combine(SharedData.RepoRoot(), "datasets", "targets", "lambdaN-boxB.pdb"));
        Assert.Equal("GGGCCCUGAAGAAGGGCCC", string.Concat(s.Sequences(ResidueKind.Rna).Values));
        var peptide = string.Concat(s.Sequences(ResidueKind.Protein).Values);
        Assert.Equal(22, peptide.Length);
        Assert.Equal("DAQTRRRERRAEKQAQWKA", peptide[1..^2]); // termini are APBS-specific names (MEN, ASC) read as X
        var iface = RnaInterface.Compute(s);
        // The arginine-rich motif binds the boxB major groove: most of its Arg contact the RNA.
        Assert.True(iface.Count(r => r.Contacts && r.Residue.OneLetter == 'R') >= 4);
    }
}
