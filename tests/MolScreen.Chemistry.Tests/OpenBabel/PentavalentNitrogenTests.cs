using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;
using MolScreen.Chemistry.OpenBabel;

namespace MolScreen.Chemistry.Tests.OpenBabel;

/// <summary>
/// Daylight SMILES (and old molfiles) write nitro groups, N-oxides and azides with a pentavalent nitrogen; they must
/// read as the same molecule as the charge-separated spelling, not be rejected as valence errors.
/// </summary>
[Collection(OpenBabelCollection.Name)]
public class PentavalentNitrogenTests
{
    [Theory]
    [InlineData("CCN(=O)=O", "CC[N+](=O)[O-]")]
    [InlineData("O=N(=O)c1ccc(cc1)N(=O)=O", "[O-][N+](=O)c1ccc(cc1)[N+]([O-])=O")]
    [InlineData("CN(C)(C)=O", "C[N+](C)(C)[O-]")]
    [InlineData("O=n1ccccc1", "[O-][n+]1ccccc1")]
    [InlineData("CN=N#N", "CN=[N+]=[N-]")]
    [InlineData("C=N#N", "C=[N+]=[N-]")]
    public void PentavalentSpellingReadsAsTheChargeSeparatedMolecule(string pentavalent, string separated)
    {
        using var a = ObMolecule.FromSmiles(pentavalent);
        using var b = ObMolecule.FromSmiles(separated);
        Assert.Equal(b.CanonicalSmiles, a.CanonicalSmiles);
        Assert.Equal(b.InChIKey, a.InChIKey);
    }

    [Theory]
    [InlineData("CN(C)(C)(C)C")]   // no terminal O or N to take the charge
    [InlineData("CN(=C)=C")]       // double bonds to carbon: not a nitro-like group
    [InlineData("CN(=O)(=O)=O")]   // still over the limit after one rewrite
    public void OtherHypervalentNitrogenStaysAValenceError(string smiles)
    {
        var e = Assert.Throws<ChemistryException>(() => ObMolecule.FromSmiles(smiles));
        Assert.Contains("valence error", e.Message);
    }

    [Fact]
    public void ValidChargeSeparatedInputIsNotChanged()
    {
        using var m = ObMolecule.FromSmiles("C[N+](=O)[O-]");
        using var n = ObMolecule.FromSmiles("CN(=O)=O");
        Assert.Equal(m.CanonicalSmiles, n.CanonicalSmiles);
        Assert.Contains("[N+]", m.CanonicalSmiles);
    }

    [Fact]
    public void NitroCompoundIsFeaturizedWithTheSameFeaturesAsItsChargedSpelling()
    {
        var f = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        var a = f.Compute("a", "Cc1ccc(cc1)N(=O)=O");
        var b = f.Compute("b", "Cc1ccc(cc1)[N+](=O)[O-]");
        Assert.Equal(b.InChIKey, a.InChIKey);
        Assert.Equal(b.CanonicalSmiles, a.CanonicalSmiles);
        Assert.Equal(0, a.FormalCharge);
        Assert.Equal(b.Ecfp4, a.Ecfp4);
        Assert.Equal(b.Tpsa, a.Tpsa, 6);
    }

    [Fact]
    public void AzideWrittenPentavalentIsStillFlaggedAsReactive()
    {
        var f = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        var a = f.Compute("a", "c1ccccc1CN=N#N");
        Assert.False(a.PassReactive);
        Assert.Contains(a.FilterReasons, r => r.Contains("azide"));
    }
}
