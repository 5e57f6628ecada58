using MolScreen.Chemistry.OpenBabel;

namespace MolScreen.Chemistry.Tests.OpenBabel;

[Collection(OpenBabelCollection.Name)]
public class SmartsTests
{
    [Fact]
    public void CarboxylicAcidOfAspirinMatchesAtItsAtoms()
    {
        using var acid = SmartsPattern.Compile("C(=O)[OX2H1]");
        using var aspirin = ObMolecule.FromSmiles(ParsingTests.Aspirin);
        Assert.Equal(3, acid.AtomCount);
        var matches = acid.Matches(aspirin);
        Assert.Equal([10, 11, 12], Assert.Single(matches));
        Assert.True(acid.IsMatch(aspirin));
    }

    [Fact]
    public void UniqueMatchesCollapseSymmetricMappings()
    {
        using var ring = SmartsPattern.Compile("c1ccccc1");
        using var benzene = ObMolecule.FromSmiles("c1ccccc1");
        Assert.Equal(1, ring.CountMatches(benzene));
        Assert.Equal(12, ring.CountMatches(benzene, unique: false));
        Assert.Equal(12, ring.Matches(benzene, unique: false).Length);
    }

    [Fact]
    public void CountsCarbonylsAndMissesAbsentGroups()
    {
        using var carbonyl = SmartsPattern.Compile("[CX3]=O");
        using var nitrile = SmartsPattern.Compile("C#N");
        using var aspirin = ObMolecule.FromSmiles(ParsingTests.Aspirin);
        Assert.Equal(2, carbonyl.CountMatches(aspirin));
        Assert.Equal(0, nitrile.CountMatches(aspirin));
        Assert.Empty(nitrile.Matches(aspirin));
        Assert.False(nitrile.IsMatch(aspirin));
    }

    [Fact]
    public void ManyMatchesOverflowTheFirstBufferAndAreAllReturned()
    {
        using var pair = SmartsPattern.Compile("[#6]-[#6]");
        using var chain = ObMolecule.FromSmiles(new string('C', 300));
        var matches = pair.Matches(chain);
        Assert.Equal(299, matches.Length);
        Assert.All(matches, m => Assert.Equal(1, Math.Abs(m[0] - m[1])));
        Assert.Equal(598, pair.Matches(chain, unique: false).Length);
    }

    [Fact]
    public void MatchIndicesAreGraphIndicesWhenHydrogensWereExplicit()
    {
        using var nitrogen = SmartsPattern.Compile("[#7]");
        using var mol = ObMolecule.FromSmiles("[H]OC([H])([H])C([H])([H])C#N");
        var graph = mol.ToGraph();
        int n = Assert.Single(Assert.Single(nitrogen.Matches(mol)));
        Assert.Equal(7, graph.AtomicNumber[n]);
        Assert.Equal(5, graph.AtomCount);
    }

    [Fact]
    public void OnePatternServesManyMolecules()
    {
        using var amine = SmartsPattern.Compile("[NX3;H2,H1;!$(NC=O)]");
        string[] smiles = ["CCN", "CC(=O)N", "CNC", "c1ccccc1N", "CN(C)C"];
        var hits = smiles.Select(s =>
        {
            using var mol = ObMolecule.FromSmiles(s);
            return amine.IsMatch(mol);
        }).ToArray();
        Assert.Equal([true, false, true, true, false], hits);
    }

    [Theory]
    [InlineData("C(")]
    [InlineData("[C")]
    [InlineData("c1ccc")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[$(C]")]
    public void InvalidSmartsIsAParseError(string smarts)
    {
        var e = Assert.Throws<ChemistryException>(() => SmartsPattern.Compile(smarts));
        Assert.Equal(ChemistryErrorKind.Parse, e.Kind);
        Assert.StartsWith("SMARTS parse error: ", e.Message);
        Assert.True(e.Message.Length > "SMARTS parse error: ".Length);
    }

    [Fact]
    public void DisposedPatternCannotBeUsed()
    {
        var pattern = SmartsPattern.Compile("C");
        using var mol = ObMolecule.FromSmiles("C");
        pattern.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pattern.CountMatches(mol));
    }
}
