using MolScreen.Chemistry.OpenBabel;

namespace MolScreen.Chemistry.Tests.OpenBabel;

[Collection(OpenBabelCollection.Name)]
public class StandardizeTests
{
    private static (string Smiles, StandardizeChanges Changes) Standardized(string smiles)
    {
        using var mol = ObMolecule.FromSmiles(smiles);
        var changes = mol.Standardize();
        return (mol.CanonicalSmiles, changes);
    }

    private static string Canonical(string smiles)
    {
        using var mol = ObMolecule.FromSmiles(smiles);
        return mol.CanonicalSmiles;
    }

    [Fact]
    public void SodiumBenzoateBecomesBenzoicAcid()
    {
        var (smiles, changes) = Standardized("[Na+].[O-]C(=O)c1ccccc1");
        Assert.Equal(Canonical("OC(=O)c1ccccc1"), smiles);
        Assert.Equal(StandardizeChanges.FragmentsRemoved | StandardizeChanges.ChargesNeutralized, changes);
    }

    [Fact]
    public void StandardizedSaltHasTheParentInChIKey()
    {
        using var mol = ObMolecule.FromSmiles("[Na+].[O-]C(=O)c1ccccc1");
        Assert.NotEqual("WPYMKLBDIGXBTP-UHFFFAOYSA-N", mol.InChIKey);
        mol.Standardize();
        Assert.Equal("WPYMKLBDIGXBTP-UHFFFAOYSA-N", mol.InChIKey);
        Assert.Equal(122.123, mol.MolecularWeight, 0.01);
    }

    [Theory]
    // The organic fragment wins over a larger inorganic one (sulfate 5 heavy atoms, methylamine 2).
    [InlineData("OS(=O)(=O)O.CN", "CN")]
    // Most heavy atoms among organic fragments.
    [InlineData("CCO.c1ccccc1N.Cl", "Nc1ccccc1")]
    // Tie on heavy atoms (3 each): more carbons wins.
    [InlineData("OCO.CCC", "CCC")]
    // Full tie: the first fragment wins.
    [InlineData("CCO.OCC", "CCO")]
    // No carbon anywhere: the largest fragment.
    [InlineData("N.N.Cl[Pt]Cl", "Cl[Pt]Cl")]
    public void KeepsTheLargestOrganicFragment(string input, string expected)
    {
        Assert.Equal(Canonical(expected), Standardized(input).Smiles);
    }

    [Theory]
    [InlineData("CC(=O)[O-]", "CC(=O)O")]
    [InlineData("CC[NH3+]", "CCN")]
    [InlineData("C[NH+](C)C", "CN(C)C")]
    [InlineData("c1cc[nH+]cc1", "c1ccncc1")]
    [InlineData("[O-]c1ccccc1", "Oc1ccccc1")]
    [InlineData("CC[S-]", "CCS")]
    [InlineData("c1nn[n-]n1", "c1nn[nH]n1")]
    [InlineData("CS(=O)(=O)[N-]c1ccccc1", "CS(=O)(=O)Nc1ccccc1")]
    [InlineData("NC(=[NH2+])N", "NC(=N)N")]
    // Amino-acid zwitterion: both ends can be neutralized alone.
    [InlineData("[NH3+]CC(=O)[O-]", "NCC(=O)O")]
    [InlineData("OP(=O)([O-])[O-]", "OP(=O)(O)O")]
    public void NeutralizesWhereANeutralFormExists(string input, string expected)
    {
        var (smiles, changes) = Standardized(input);
        Assert.Equal(Canonical(expected), smiles);
        Assert.Equal(StandardizeChanges.ChargesNeutralized, changes);
    }

    [Theory]
    // Quaternary ammonium: no hydrogen to remove.
    [InlineData("C[N+](C)(C)C")]
    [InlineData("C[n+]1ccccc1")]
    // Charge-separated neutral groups: nitro, N-oxide, azide.
    [InlineData("C[N+](=O)[O-]")]
    [InlineData("[O-][n+]1ccccc1")]
    [InlineData("CN=[N+]=[N-]")]
    // Betaine: the quaternary N+ cannot be neutralized, so the carboxylate keeps the molecule neutral.
    [InlineData("C[N+](C)(C)CC(=O)[O-]")]
    // Tetrafluoroborate: B- has no neutral form with four bonds.
    [InlineData("F[B-](F)(F)F")]
    // Carbocation: removing H would make a carbene.
    [InlineData("C[CH2+]")]
    // Neutral molecules are untouched.
    [InlineData("CC(=O)O")]
    public void LeavesChargesThatCannotBeNeutralizedAlone(string input)
    {
        var (smiles, changes) = Standardized(input);
        Assert.Equal(Canonical(input), smiles);
        Assert.Equal(StandardizeChanges.None, changes);
    }

    [Fact]
    public void BetaineWithASecondAcidKeepsOnlyOneAnion()
    {
        // Quaternary N+ balances one anion; the other is protonated. O anions are kept before others.
        var (smiles, _) = Standardized("C[N+](C)(C)CC(C(=O)[O-])C(=O)[O-]");
        using var mol = ObMolecule.FromSmiles(smiles);
        var graph = mol.ToGraph();
        Assert.Equal(1, graph.FormalCharge.Count(q => q == 1));
        Assert.Equal(1, graph.FormalCharge.Count(q => q == -1));
    }

    [Fact]
    public void QuaternaryAmmoniumChlorideKeepsTheCation()
    {
        var (smiles, changes) = Standardized("C[N+](C)(C)C.[Cl-]");
        Assert.Equal(Canonical("C[N+](C)(C)C"), smiles);
        Assert.Equal(StandardizeChanges.FragmentsRemoved, changes);
    }

    [Fact]
    public void StandardizedGraphHasReperceivedAromaticity()
    {
        // Pyridinium -> pyridine: the N keeps its aromatic flag and loses its hydrogen.
        using var mol = ObMolecule.FromSmiles("c1cc[nH+]cc1.[Cl-]");
        mol.Standardize();
        var graph = mol.ToGraph();
        Assert.Equal(6, graph.AtomCount);
        Assert.All(graph.Aromatic, Assert.True);
        int n = Array.IndexOf(graph.AtomicNumber, 7);
        Assert.Equal(0, graph.TotalHydrogens[n]);
        Assert.Equal(0, graph.FormalCharge[n]);
    }

    [Fact]
    public void StandardizeIsIdempotent()
    {
        using var mol = ObMolecule.FromSmiles("[K+].[K+].OC(=O)CC([O-])=O.[O-]C(=O)CC(O)=O");
        mol.Standardize();
        string once = mol.CanonicalSmiles;
        Assert.Equal(StandardizeChanges.None, mol.Standardize());
        Assert.Equal(once, mol.CanonicalSmiles);
        Assert.Equal(Canonical("OC(=O)CC(O)=O"), once);
    }
}
