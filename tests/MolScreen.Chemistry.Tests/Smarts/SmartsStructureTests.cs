using MolScreen.Chemistry.Smarts;

namespace MolScreen.Chemistry.Tests.Smarts;

/// <summary>Logic precedence, bonds, ring closures, branches, components and explicit-hydrogen patterns.</summary>
public class SmartsStructureTests
{
    private static int Count(string smarts, string smiles) => SmartsPattern.Parse(smarts).CountUnique(RdkitGraphs.Get(smiles));

    // CNC: two CH3 and an N-H.
    [Theory]
    [InlineData("[C,N;H1]", "CNC", 1)]     // (C or N) and H1
    [InlineData("[C,N&H1]", "CNC", 3)]     // C or (N and H1)
    [InlineData("[C,NH1]", "CNC", 3)]      // adjacency binds like &
    [InlineData("[!C;H1]", "CNC", 1)]      // ! binds tightest
    [InlineData("[!C,H3]", "CNC", 3)]      // (not C) or H3
    [InlineData("[!#6&H1,#6&H3;!N]", "CNC", 2)]
    [InlineData("[!!N]", "CNC", 1)]
    [InlineData("[C;N]", "CNC", 0)]
    public void LogicPrecedence(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Theory]
    [InlineData("C=C", "C=CC#N", 1)]
    [InlineData("C-C", "C=CC#N", 1)]
    [InlineData("CC", "C=CC#N", 1)]
    [InlineData("C#N", "C=CC#N", 1)]
    [InlineData("C~C", "C=CC#N", 2)]
    [InlineData("C!-C", "C=CC#N", 1)]
    [InlineData("[#6]-,=[#6]", "C=CC#N", 2)]
    [InlineData("c:c", "Cc1ccccc1", 6)]
    [InlineData("cc", "Cc1ccccc1", 6)]
    [InlineData("c-C", "Cc1ccccc1", 1)]
    [InlineData("c-c", "Cc1ccccc1", 0)]
    [InlineData("c:C", "Cc1ccccc1", 0)]
    [InlineData("c/C", "Cc1ccccc1", 1)]
    [InlineData("*@*", "CC1CC1", 3)]
    [InlineData("*!@*", "CC1CC1", 1)]
    [InlineData("C-@C", "CC1CC1", 3)]
    [InlineData("*-!@*", "C=CC1CC1", 1)]
    [InlineData("*=;!@*", "C=CC1CC1", 1)]
    [InlineData("*=;@*", "C=CC1CC1", 0)]
    [InlineData("*-,=;@*", "C1=CCC1", 4)]
    public void Bonds(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Theory]
    [InlineData("C1CC1", "C1CC1", 1)]
    [InlineData("C1CC1", "CC1CC1", 1)]
    [InlineData("C1CCC1", "CC1CC1", 0)]
    [InlineData("c1ccccc1", "c1ccc2ccccc2c1", 2)]
    [InlineData("C%10CC%10", "C1CC1", 1)]
    [InlineData("C%(10)CC%(10)", "C1CC1", 1)]
    [InlineData("C1CC=1", "C1=CC1", 1)]
    [InlineData("C=1CC1", "C1=CC1", 1)]
    [InlineData("C1CC=1", "C1CC1", 0)]
    [InlineData("C12CCC1CC2", "C1CC2CCC1C2", 0)]
    [InlineData("C12CC1CC2", "C1CC2CCC1C2", 0)]
    [InlineData("C12CCC1CCC2", "C1CC2CCC1C2", 0)]
    [InlineData("C1CC2CCC1C2", "C1CC2CCC1C2", 1)]
    [InlineData("*1**1.*1**1", "C1CC1C1CC1", 1)]
    public void RingClosures(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Theory]
    [InlineData("CC(C)(C)C", "CC(C)(C)C", 1)]
    [InlineData("C(=O)(O)N", "NC(=O)O", 1)]
    [InlineData("C(=O)O", "CC(=O)OC(=O)C", 2)]
    [InlineData("O=C(C)O", "CC(=O)OC(=O)C", 2)]
    [InlineData("C(C(C(C)))", "CCCC", 1)]
    public void Branches(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Theory]
    [InlineData("C.N", "CCN", 2)]
    [InlineData("[OH].[OH]", "OCCO", 1)]
    [InlineData("[OH].[OH]", "CO", 0)]
    [InlineData("[Na+].[Cl-]", "[Na+].[Cl-]", 1)]
    [InlineData("C.C", "C", 0)]
    public void DisconnectedComponents(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Theory]
    [InlineData("[#6]-[#1]", "CC(C)(C)C", 4)]
    [InlineData("[#1]-[#6]", "CC(C)(C)C", 4)]
    [InlineData("[#6](-[#1])(-[#1])-[#1]", "CCO", 1)]
    [InlineData("[#6](-[#1])-[#1]", "CCO", 2)]
    [InlineData("[#7](-[#1])-[#1]", "CNC", 0)]
    [InlineData("[#7](-[#1])-[#1]", "CN", 1)]
    [InlineData("[H]O", "CC(=O)O", 1)]
    [InlineData("[#1]O", "CC(=O)O", 1)]
    [InlineData("[#8]-[#1]", "CC(=O)O", 1)]
    [InlineData("[#8]=[#1]", "CC(=O)O", 0)]
    [InlineData("c-[#1]", "Cc1ccccc1", 5)]
    [InlineData("[#1]-[#6]=[#6]-[#1]", "CC=CC", 1)]
    [InlineData("[#1]-[#6]=[#6]-[#1]", "CC(C)=C(C)C", 0)]
    [InlineData("[$([#6](-[#1])(-[#1])-[#1])]", "CC(C)O", 2)]
    [InlineData("[#7;!$([#7]-[#1])]", "CN(C)CCNC", 1)]
    [InlineData("[#1]", "CC", 0)]
    [InlineData("[#1]", "[2H]C", 1)]
    [InlineData("[#1;+]-[#6]", "CC", 0)]
    [InlineData("[#1,#6]-[#6]", "CC", 1)]
    public void ExplicitHydrogenPatterns(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Fact]
    public void MatchesAreIndexedByPatternAtomWithImplicitHydrogensMarked()
    {
        var ethanol = RdkitGraphs.Get("CCO");
        var match = Assert.Single(SmartsPattern.Parse("[#1]-[#8]-[#6]").Matches(ethanol));
        Assert.Equal([SmartsPattern.ImplicitHydrogen, 2, 1], match);
        var acid = RdkitGraphs.Get("CC(=O)O");
        Assert.Equal([[3, 1, 2]], SmartsPattern.Parse("[OH]C=O").Matches(acid));
    }

    [Fact]
    public void UniquifyAndMaxLimitMatches()
    {
        var propane = RdkitGraphs.Get("CCC");
        var cc = SmartsPattern.Parse("CC");
        Assert.Equal(2, cc.Matches(propane).Count);
        Assert.Equal(4, cc.Matches(propane, uniquify: false).Count);
        Assert.Single(cc.Matches(propane, uniquify: false, max: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => cc.Matches(propane, max: 0));
        Assert.True(cc.IsMatch(propane));
        Assert.False(SmartsPattern.Parse("CCCC").IsMatch(propane));
        Assert.Equal(2, cc.CountUnique(propane));
    }

    [Fact]
    public void MatchesAtAnchorsTheFirstPatternAtom()
    {
        var target = new SmartsTarget(RdkitGraphs.Get("CC(=O)O"));
        var hydroxyl = SmartsPattern.Parse("[OH]C=O");
        Assert.Equal([false, false, false, true], Enumerable.Range(0, 4).Select(a => hydroxyl.MatchesAt(target, a)));
        var carbonyl = SmartsPattern.Parse("C(=O)[OH]");
        Assert.Equal([false, true, false, false], Enumerable.Range(0, 4).Select(a => carbonyl.MatchesAt(target, a)));
        Assert.Throws<ArgumentOutOfRangeException>(() => carbonyl.MatchesAt(target, 5));
    }

    [Fact]
    public void OneTargetServesManyPatterns()
    {
        var target = new SmartsTarget(RdkitGraphs.Get("OC(=O)c1ccccc1O"));
        Assert.Equal([1, 1, 6, 2], new[] { "C(=O)[OH]", "c[OH]", "c", "[OH]" }.Select(s => SmartsPattern.Parse(s).CountUnique(target)));
    }
}
