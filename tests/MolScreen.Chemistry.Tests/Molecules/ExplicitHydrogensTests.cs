using MolScreen.Chemistry.Molecules;
using MolScreen.Chemistry.Tests.Smarts;

namespace MolScreen.Chemistry.Tests.Molecules;

public class ExplicitHydrogensTests
{
    [Fact]
    public void UnfoldsHydrogensAfterTheHeavyAtoms()
    {
        var ethanol = RdkitGraphs.Get("CCO");
        var full = ExplicitHydrogens.Add(ethanol);
        full.Validate();
        Assert.Equal([6, 6, 8, 1, 1, 1, 1, 1, 1], full.AtomicNumber);
        Assert.All(full.TotalHydrogens, h => Assert.Equal(0, h));
        Assert.Equal([0, 0, 0, 1, 1, 2], full.BondBegin[ethanol.BondCount..]);
        Assert.Equal([3, 4, 5, 6, 7, 8], full.BondEnd[ethanol.BondCount..]);
        Assert.All(full.BondKinds[ethanol.BondCount..], k => Assert.Equal(BondKind.Single, k));
        Assert.Equal([4, 4, 2, 1, 1, 1, 1, 1, 1], full.Adjacency.Select(n => n.Length));
    }
}
