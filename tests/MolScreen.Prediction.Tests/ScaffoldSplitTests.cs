using MolScreen.Chemistry.OpenBabel;
using MolScreen.Prediction.Data;

namespace MolScreen.Prediction.Tests;

public class ScaffoldSplitTests
{
    private static string Key(string smiles) { using var m = ObMolecule.FromSmiles(smiles); return MurckoScaffold.Key(m.ToGraph()); }

    [Fact]
    public void SideChainsDoNotChangeTheScaffoldAndRingSystemsDo()
    {
        Assert.Equal(Key("c1ccccc1"), Key("CCCc1ccccc1O"));
        Assert.Equal(Key("c1ccccc1CCc1ccncc1"), Key("Oc1ccc(CCc2ccncc2)cc1C"));
        Assert.NotEqual(Key("c1ccccc1"), Key("c1ccncc1"));
        Assert.NotEqual(Key("c1ccccc1"), Key("c1ccc2ccccc2c1"));
        Assert.NotEqual(Key("c1ccccc1Cc1ccccc1"), Key("c1ccccc1CCc1ccccc1"));
        Assert.Equal("", Key("CCCCO"));
        // The ring carbonyl is part of the Murcko scaffold (as in RDKit), so the lactam differs from piperidine.
        Assert.NotEqual(Key("C1CCNCC1"), Key("O=C1CCCCN1"));
    }

    [Fact]
    public void NoScaffoldIsSharedBetweenPartsAndTheSplitIsSeeded()
    {
        var scaffolds = Enumerable.Range(0, 400).Select(i => $"s{i % 57}{(i % 3 == 0 ? "x" : "")}").ToList();
        var a = DataSplit.Create(scaffolds, SplitMethod.Scaffold, 1);
        var parts = scaffolds.Select((s, i) => (s, a.Parts[i])).GroupBy(x => x.s).Select(g => g.Select(x => x.Item2).Distinct().Count());
        Assert.All(parts, c => Assert.Equal(1, c));
        Assert.InRange(a.Indices(SplitPart.Train).Length, 300, 320);
        Assert.NotEmpty(a.Indices(SplitPart.Validation));
        Assert.NotEmpty(a.Indices(SplitPart.Test));
        Assert.Equal(a.Parts, DataSplit.Create(scaffolds, SplitMethod.Scaffold, 1).Parts);
        Assert.NotEqual(a.Parts, DataSplit.Create(scaffolds, SplitMethod.Scaffold, 2).Parts);
    }

    [Fact]
    public void TooFewRowsIsAClearError() =>
        Assert.Contains("at least 10", Assert.Throws<ArgumentException>(() => DataSplit.Create(["a", "b"], SplitMethod.Random, 0)).Message);
}
