using MolScreen.Chemistry.Molecules;
using MolScreen.Chemistry.OpenBabel;

namespace MolScreen.Chemistry.Tests.OpenBabel;

[Collection(OpenBabelCollection.Name)]
public class GraphExportTests
{
    private static MolGraph Graph(string smiles)
    {
        using var mol = ObMolecule.FromSmiles(smiles);
        var graph = mol.ToGraph();
        graph.Validate();
        return graph;
    }

    [Fact]
    public void PyridineIsAnAromaticSixRing()
    {
        var g = Graph("c1ccncc1");
        Assert.Equal(6, g.AtomCount);
        Assert.Equal(6, g.BondCount);
        Assert.Equal([6, 6, 6, 7, 6, 6], g.AtomicNumber);
        Assert.All(g.Aromatic, Assert.True);
        Assert.All(g.InRing, Assert.True);
        Assert.All(g.BondKinds, k => Assert.Equal(BondKind.Aromatic, k));
        Assert.All(g.BondInRing, Assert.True);
        Assert.Equal([1, 1, 1, 0, 1, 1], g.TotalHydrogens);
    }

    [Fact]
    public void PyrroleNitrogenKeepsItsHydrogen()
    {
        var g = Graph("c1cc[nH]c1");
        Assert.Equal(5, g.AtomCount);
        Assert.Equal(5, g.BondCount);
        Assert.All(g.Aromatic, Assert.True);
        Assert.Equal([1, 1, 1, 1, 1], g.TotalHydrogens);
        Assert.Equal(3, g.TotalDegree(3));
    }

    [Fact]
    public void FuranIsAromatic()
    {
        var g = Graph("c1ccoc1");
        Assert.Equal([6, 6, 6, 8, 6], g.AtomicNumber);
        Assert.All(g.Aromatic, Assert.True);
        Assert.Equal([1, 1, 1, 0, 1], g.TotalHydrogens);
    }

    [Fact]
    public void TolueneMethylIsOutsideTheRing()
    {
        var g = Graph("Cc1ccccc1");
        Assert.Equal(7, g.AtomCount);
        Assert.Equal(7, g.BondCount);
        Assert.False(g.Aromatic[0]);
        Assert.False(g.InRing[0]);
        Assert.Equal(3, g.TotalHydrogens[0]);
        Assert.Equal((0, 1), (g.BondBegin[0], g.BondEnd[0]));
        Assert.Equal(BondKind.Single, g.BondKinds[0]);
        Assert.False(g.BondInRing[0]);
        Assert.Equal(6, g.Aromatic.Count(a => a));
    }

    [Fact]
    public void BondOrdersAndRingMembership()
    {
        var g = Graph("C#CC=CC1CC1");
        Assert.Equal([BondKind.Triple, BondKind.Single, BondKind.Double, BondKind.Single,
                      BondKind.Single, BondKind.Single, BondKind.Single], g.BondKinds);
        Assert.Equal([false, false, false, false, true, true, true], g.InRing);
        Assert.Equal([1, 0, 1, 1, 1, 2, 2], g.TotalHydrogens);
        Assert.All(g.Aromatic, Assert.False);
    }

    [Theory]
    [InlineData("[NH4+]", 0, 1, 4)]
    [InlineData("C[NH3+]", 1, 1, 3)]
    [InlineData("CC(=O)[O-]", 3, -1, 0)]
    [InlineData("C[N+](C)(C)C", 1, 1, 0)]
    [InlineData("c1cc[nH+]cc1", 3, 1, 1)]
    [InlineData("C[CH2-]", 1, -1, 2)]
    public void ChargedAtomsCarryChargeAndHydrogens(string smiles, int atom, int charge, int hydrogens)
    {
        var g = Graph(smiles);
        Assert.Equal(charge, g.FormalCharge[atom]);
        Assert.Equal(hydrogens, g.TotalHydrogens[atom]);
    }

    [Fact]
    public void IsotopesAreKept()
    {
        var g = Graph("[13CH3]O");
        Assert.Equal([13, 0], g.Isotope);
        Assert.Equal([3, 1], g.TotalHydrogens);
    }

    [Fact]
    public void ExplicitHydrogensAreFoldedButDeuteriumStaysAnAtom()
    {
        var folded = Graph("[H]C([H])([H])[H]");
        Assert.Equal([6], folded.AtomicNumber);
        Assert.Equal([4], folded.TotalHydrogens);

        var deuterated = Graph("[2H]C([H])([H])Cl");
        Assert.Equal([1, 6, 17], deuterated.AtomicNumber);
        Assert.Equal([2, 0, 0], deuterated.Isotope);
        Assert.Equal(2, deuterated.TotalHydrogens[1]);
        Assert.Equal(2, deuterated.BondCount);
    }

    [Fact]
    public void StereoSurvivesHydrogenFolding()
    {
        using var explicitH = ObMolecule.FromSmiles("[H][C@@](C)(N)C(=O)O");
        using var implicitH = ObMolecule.FromSmiles("[C@@H](C)(N)C(=O)O");
        Assert.Equal(implicitH.InChIKey, explicitH.InChIKey);
        Assert.DoesNotContain("-UHFFFAOYSA-", explicitH.InChIKey);
    }

    [Fact]
    public void DisconnectedFragmentsAreOneGraph()
    {
        var g = Graph("[Na+].[O-]C(=O)C");
        Assert.Equal(5, g.AtomCount);
        Assert.Equal(3, g.BondCount);
        Assert.Empty(g.Adjacency[0]);
        Assert.Equal(1, g.FormalCharge[0]);
    }

    [Fact]
    public void AspirinHandCounts()
    {
        var g = Graph(ParsingTests.Aspirin);
        Assert.Equal(13, g.AtomCount);
        Assert.Equal(13, g.BondCount);
        Assert.Equal(8, g.TotalHydrogens.Sum());
        Assert.Equal(6, g.Aromatic.Count(a => a));
        Assert.Equal(6, g.BondKinds.Count(k => k == BondKind.Aromatic));
        Assert.Equal(2, g.BondKinds.Count(k => k == BondKind.Double));
        Assert.Equal(4, g.AtomicNumber.Count(z => z == 8));
    }
}
