using MolScreen.Chemistry.OpenBabel;

namespace MolScreen.Chemistry.Tests.OpenBabel;

[Collection(OpenBabelCollection.Name)]
public class ParsingTests
{
    public const string Aspirin = "CC(=O)Oc1ccccc1C(=O)O";
    public const string Caffeine = "Cn1cnc2c1c(=O)n(C)c(=O)n2C";

    [Theory]
    [InlineData(Aspirin, "BSYNRYMUTXBXSQ-UHFFFAOYSA-N")]
    [InlineData(Caffeine, "RYYVLZVUVIJVGH-UHFFFAOYSA-N")]
    [InlineData("OC(=O)c1ccccc1", "WPYMKLBDIGXBTP-UHFFFAOYSA-N")]
    [InlineData("CC(C)Cc1ccc(cc1)C(C)C(=O)O", "HEFNNWSXXWATRW-UHFFFAOYSA-N")]
    [InlineData("CC(=O)Nc1ccc(O)cc1", "RZVAJINKPMORJF-UHFFFAOYSA-N")]
    public void InChIKeysOfKnownDrugs(string smiles, string key)
    {
        using var mol = ObMolecule.FromSmiles(smiles);
        Assert.Equal(key, mol.InChIKey);
        Assert.StartsWith("InChI=1S/", mol.InChI);
    }

    [Fact]
    public void AspirinInChIIsTheStandardOne()
    {
        using var mol = ObMolecule.FromSmiles(Aspirin);
        Assert.Equal("InChI=1S/C9H8O4/c1-6(10)13-8-5-3-2-4-7(8)9(11)12/h2-5H,1H3,(H,11,12)", mol.InChI);
    }

    [Theory]
    [InlineData(Aspirin, "OC(=O)c1ccccc1OC(C)=O", "C1=CC=C(C(=C1)C(=O)O)OC(=O)C")]
    [InlineData(Caffeine, "O=C1N(C)C(=O)N(C)c2ncn(C)c12", "CN1C=NC2=C1C(=O)N(C)C(=O)N2C")]
    [InlineData("C[C@H](N)C(=O)O", "N[C@@H](C)C(=O)O", "OC(=O)[C@H](C)N")]
    public void CanonicalSmilesDoesNotDependOnInputOrderOrKekuleForm(string a, string b, string c)
    {
        var forms = new[] { a, b, c }.Select(s =>
        {
            using var mol = ObMolecule.FromSmiles(s);
            return mol.CanonicalSmiles;
        }).ToList();
        Assert.Single(forms.Distinct());
        Assert.DoesNotContain('\t', forms[0]);
        Assert.DoesNotContain('\n', forms[0]);
    }

    [Fact]
    public void CanonicalSmilesKeepsStereoAndIsotopes()
    {
        using var alanine = ObMolecule.FromSmiles("C[C@H](N)C(=O)O");
        using var enantiomer = ObMolecule.FromSmiles("C[C@@H](N)C(=O)O");
        using var labelled = ObMolecule.FromSmiles("[13CH3]O");
        Assert.Contains("@", alanine.CanonicalSmiles);
        Assert.NotEqual(alanine.CanonicalSmiles, enantiomer.CanonicalSmiles);
        Assert.NotEqual(alanine.InChIKey, enantiomer.InChIKey);
        Assert.Contains("[13CH3]", labelled.CanonicalSmiles);
    }

    // Reference values from RDKit 2022.09 (MolWt, ExactMolWt); the two toolkits use the same IUPAC masses.
    [Theory]
    [InlineData(Aspirin, 180.159, 180.04226)]
    [InlineData(Caffeine, 194.194, 194.08038)]
    [InlineData("CC(C)Cc1ccc(cc1)C(C)C(=O)O", 206.285, 206.13068)]
    [InlineData("C[N+](C)(C)CC(=O)[O-]", 117.148, 117.07898)]
    [InlineData("[13CH3]O", 33.034, 33.02957)]
    public void MassesOfKnownMolecules(string smiles, double weight, double exact)
    {
        using var mol = ObMolecule.FromSmiles(smiles);
        Assert.Equal(weight, mol.MolecularWeight, 0.01);
        Assert.Equal(exact, mol.ExactMass, 0.0005);
    }

    [Fact]
    public void MolblockV2000ReadsWithExplicitHydrogensFolded()
    {
        // Methanol with its four hydrogens drawn, as many SD files have them.
        const string molblock = """
            methanol
              handmade

              6  5  0  0  0  0  0  0  0  0999 V2000
                0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0
                1.4000    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0
               -0.5000    0.9000    0.0000 H   0  0  0  0  0  0  0  0  0  0  0  0
               -0.5000   -0.9000    0.0000 H   0  0  0  0  0  0  0  0  0  0  0  0
               -0.9000    0.0000    0.5000 H   0  0  0  0  0  0  0  0  0  0  0  0
                1.9000    0.8000    0.0000 H   0  0  0  0  0  0  0  0  0  0  0  0
              1  2  1  0
              1  3  1  0
              1  4  1  0
              1  5  1  0
              2  6  1  0
            M  END
            """;
        using var mol = ObMolecule.FromMolblock(molblock);
        var graph = mol.ToGraph();
        Assert.Equal([6, 8], graph.AtomicNumber);
        Assert.Equal([3, 1], graph.TotalHydrogens);
        Assert.Equal("CO", mol.CanonicalSmiles);
    }

    [Fact]
    public void MolblockV3000WithChargesReads()
    {
        const string molblock = """
            acetate
              handmade

              0  0  0     0  0            999 V3000
            M  V30 BEGIN CTAB
            M  V30 COUNTS 4 3 0 0 0
            M  V30 BEGIN ATOM
            M  V30 1 C 0 0 0 0
            M  V30 2 C 1.5 0 0 0
            M  V30 3 O 2.2 1.2 0 0
            M  V30 4 O 2.2 -1.2 0 0 CHG=-1
            M  V30 END ATOM
            M  V30 BEGIN BOND
            M  V30 1 1 1 2
            M  V30 2 2 2 3
            M  V30 3 1 2 4
            M  V30 END BOND
            M  V30 END CTAB
            M  END
            """;
        using var mol = ObMolecule.FromMolblock(molblock);
        Assert.Equal([0, 0, 0, -1], mol.ToGraph().FormalCharge);
        Assert.Equal("QTBSBXVTEAMEQO-UHFFFAOYSA-M", mol.InChIKey);
        Assert.Equal(StandardizeChanges.ChargesNeutralized, mol.Standardize());
        Assert.Equal("QTBSBXVTEAMEQO-UHFFFAOYSA-N", mol.InChIKey);
    }

    [Fact]
    public void OpenBabelVersionIsReported()
    {
        Assert.Matches(@"^3\.\d+\.\d+", ObMolecule.OpenBabelVersion);
    }
}
