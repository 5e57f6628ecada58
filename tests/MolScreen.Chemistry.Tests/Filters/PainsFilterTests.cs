using MolScreen.Chemistry.Filters;
using MolScreen.Chemistry.Tests.Smarts;

namespace MolScreen.Chemistry.Tests.Filters;

public class PainsFilterTests
{
    [Theory]
    [InlineData("O=C1C=CC(=O)C=C1", "quinone_A(370)")]
    [InlineData("Oc1ccccc1O", "catechol_A(92)")]
    // anil_di_alk_A spells out ten hydrogens as [#1]: they must be found folded into the heavy atoms.
    [InlineData("CN(C)c1ccc(cc1)N=Nc1ccccc1", "anil_di_alk_A(478) azo_A(324)")]
    [InlineData("S=C1SC(=Cc2ccccc2)C(=O)N1", "ene_rhod_A(235)")]
    [InlineData("CCO", "")]
    [InlineData("c1ccccc1", "")]
    public void NamesTheAlertsRdkitRaises(string smiles, string names) =>
        Assert.Equal(names, string.Join(' ', PainsFilter.Default.Matches(RdkitGraphs.Get(smiles)).Order(StringComparer.Ordinal)));

    [Fact]
    public void EveryAlertKnowsItsFamily()
    {
        var alerts = PainsFilter.Default.Alerts;
        Assert.Equal(PainsFamily.A, alerts.Single(a => a.Name == "quinone_A(370)").Family);
        Assert.Equal(PainsFamily.B, alerts.Single(a => a.Name == "catechol_A(92)").Family);
        Assert.Equal(PainsFamily.C, alerts.Single(a => a.Name == "het_5_E(1)").Family);
    }
}
