using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Tests;

/// <summary>Bad or unusual input gives a clear error naming the record and reason, or is handled as documented.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Ligand_with_40_torsions_is_refused_and_one_with_0_is_read()
    {
        var ex = Assert.Throws<DockingException>(() => LigandReader.Parse(SyntheticInputs.ChainLigand(40), "long"));
        Assert.Contains("40 torsions", ex.Message);
        Assert.Contains("long", ex.Message);
        var rigid = LigandReader.Parse(SyntheticInputs.ChainLigand(0), "rigid");
        Assert.Equal(0, rigid.TorsionCount);
        var flexible = LigandReader.Parse(SyntheticInputs.ChainLigand(5), "five");
        Assert.Equal(5, flexible.TorsionCount);
    }

    [Fact]
    public void NaN_coordinates_and_unknown_types_name_the_line()
    {
        var lines = SyntheticInputs.ChainLigand(2);
        lines[1] = lines[1][..30] + "     NaN" + lines[1][38..];
        var ex = Assert.Throws<DockingException>(() => LigandReader.Parse(lines, "nan"));
        Assert.Contains("line 2", ex.Message);
        Assert.Contains("NaN", ex.Message);
        var typed = SyntheticInputs.ChainLigand(2);
        typed[1] = typed[1][..77] + "Xx";
        ex = Assert.Throws<DockingException>(() => LigandReader.Parse(typed, "xx"));
        Assert.Contains("\"Xx\" is not an AutoDock atom type", ex.Message);
        Assert.Throws<DockingException>(() => LigandReader.Parse(["ROOT", "ENDROOT", "TORSDOF 0"], "empty"));
        var open = SyntheticInputs.ChainLigand(3).Where(l => !l.StartsWith("ENDBRANCH   1")).ToArray();
        Assert.Contains("not closed", Assert.Throws<DockingException>(() => LigandReader.Parse(open, "open")).Message);
    }

    [Fact]
    public void Receptor_altlocs_keep_highest_occupancy_insertion_codes_stay_apart_and_unknown_residues_are_typed()
    {
        var lines = new[]
        {
            SyntheticInputs.PdbAtom(1, "N", ' ', "SER", 'A', 10, ' ', 0, 0, 0, 1, "N"),
            SyntheticInputs.PdbAtom(2, "CA", ' ', "SER", 'A', 10, ' ', 1.45f, 0, 0, 1, "C"),
            SyntheticInputs.PdbAtom(3, "OG", 'A', "SER", 'A', 10, ' ', 2.0f, 1.3f, 0, 0.3f, "O"),
            SyntheticInputs.PdbAtom(4, "OG", 'B', "SER", 'A', 10, ' ', 2.0f, -1.3f, 0, 0.7f, "O"),
            SyntheticInputs.PdbAtom(5, "CA", ' ', "GLY", 'A', 10, 'A', 5, 0, 0, 1, "C"),
            SyntheticInputs.PdbAtom(6, "C1", ' ', "XYZ", 'B', 900, ' ', 9, 0, 0, 1, "C", het: true),
            SyntheticInputs.PdbAtom(7, "O", ' ', "HOH", 'W', 1, ' ', 12, 0, 0, 1, "O", het: true),
            SyntheticInputs.PdbAtom(8, "NA", ' ', "NA", 'I', 2, ' ', 15, 0, 0, 1, "NA", het: true),
            SyntheticInputs.PdbAtom(9, "ZN", ' ', "ZN", 'I', 3, ' ', 18, 0, 0, 1, "ZN", het: true),
        };
        var r = ReceptorReader.Parse(lines, "synthetic", pdbqt: false, new ReceptorOptions());
        Assert.Equal(6, r.Count); // one OG altloc, the water and the sodium dropped, zinc kept
        int og = Array.FindIndex(r.Records, a => a.Name == "OG");
        Assert.Equal(-1.3f, r.Y[og]);
        Assert.Equal(XsType.O_DA, r.Xs[og]); // serine hydroxyl: template donor, acceptor
        Assert.Equal(3, r.Records.Count(a => a.ResidueNumber == 10 && a.InsertionCode == ' ')); // SER10: N, CA, one OG
        Assert.Contains(r.Records, a => a.ResidueNumber == 10 && a.InsertionCode == 'A' && a.ResidueName == "GLY");
        Assert.Contains(r.Records, a => a.ResidueName == "XYZ");
        Assert.Equal(XsType.Met_D, r.Xs[Array.FindIndex(r.Records, a => a.ResidueName == "ZN")]);
        var keep = ReceptorReader.Parse(lines, "synthetic", pdbqt: false, new ReceptorOptions(KeepWaters: true, KeepIons: true));
        Assert.Equal(8, keep.Count);
        var bad = lines.Append(SyntheticInputs.PdbAtom(10, "Q1", ' ', "UNK", 'A', 1, ' ', 0, 0, 3, 1, "QQ")).ToArray();
        Assert.Contains("QQ", Assert.Throws<DockingException>(() => ReceptorReader.Parse(bad, "synthetic", false, new ReceptorOptions())).Message);
    }

    [Fact]
    public void Boxes_that_cannot_be_searched_are_refused()
    {
        Assert.Contains("> 0", Assert.Throws<DockingException>(() => new GridBox(0, 0, 0, 0, 20, 20).Validate()).Message);
        Assert.Contains("126", Assert.Throws<DockingException>(() => new GridBox(0, 0, 0, 500, 20, 20).Validate()).Message);
        Assert.Throws<DockingException>(() => new GridBox(float.NaN, 0, 0, 20, 20, 20).Validate());
        var receptor = ReceptorReader.Parse([SyntheticInputs.PdbAtom(1, "CA", ' ', "GLY", 'A', 1, ' ', 100, 100, 100, 1, "C")], "far", false, new ReceptorOptions());
        var ex = Assert.Throws<DockingException>(() => new DockingEngine(receptor, new GridBox(0, 0, 0, 10, 10, 10), ScoringWeights.Vina));
        Assert.Contains("no receptor atom", ex.Message);
    }

    [Fact]
    public void Score_only_refuses_a_ligand_outside_the_box()
    {
        var receptor = ReceptorReader.Parse([SyntheticInputs.PdbAtom(1, "CA", ' ', "GLY", 'A', 1, ' ', 0, 0, 4, 1, "C")], "one", false, new ReceptorOptions());
        var engine = new DockingEngine(receptor, new GridBox(0, 0, 0, 10, 10, 10), ScoringWeights.Vina);
        var lig = LigandReader.Parse(SyntheticInputs.ChainLigand(2, shiftX: 20f), "outside");
        Assert.Contains("outside the box", Assert.Throws<DockingException>(() => engine.ScoreOnly(lig)).Message);
    }
}
