using MolScreen.Chemistry.Conformers;
using MolScreen.Chemistry.OpenBabel;
using MolScreen.Chemistry.Tests.OpenBabel;

namespace MolScreen.Chemistry.Tests.Conformers;

[Collection(OpenBabelCollection.Name)]
public class ConformerGenerationTests
{
    [Fact]
    public void EthanolGetsHydrogensAndMmff94GeometryWhileTheGraphStaysHeavyAtomOnly()
    {
        using var mol = ObMolecule.FromSmiles("CCO");
        var conformer = mol.Generate3D();

        Assert.Equal(ForceField.Mmff94, conformer.ForceField);
        Assert.Equal(9, conformer.AtomCount);
        Assert.Equal([6, 6, 8, 1, 1, 1, 1, 1, 1], conformer.AtomicNumber);
        Assert.Equal(8, conformer.BondCount);
        Assert.Equal(27, conformer.Coordinates.Length);
        // MMFF94 references: C-C 1.508, C-O 1.418, C-H 1.093, O-H 0.972.
        Assert.All(conformer.IdealBondLength, r => Assert.InRange(r, 0.95, 1.52));
        Assert.InRange(conformer.Distance(0, 1), 1.48, 1.54);
        Assert.InRange(conformer.Distance(1, 2), 1.39, 1.45);
        Assert.Equal(3, mol.ToGraph().AtomCount);
        Assert.Equal("CCO", mol.CanonicalSmiles);
    }

    [Fact]
    public void SeleniumHasNoMmff94ParametersSoUffTakesOver()
    {
        using var mol = ObMolecule.FromSmiles("C[Se]C");
        var conformer = mol.Generate3D();

        Assert.Equal(ForceField.Uff, conformer.ForceField);
        var quality = ConformerQuality.Assess(conformer, mol.InChIKey);
        Assert.True(quality.Acceptable(), $"{quality}");
    }

    [Theory]
    [InlineData("C[C@H](N)C(=O)O")]
    [InlineData("C[C@@H](N)C(=O)O")]
    [InlineData("C/C=C/C")]
    [InlineData("C/C=C\\C")]
    [InlineData("CN[C@@H](C)[C@H](O)c1ccccc1")]
    public void StereoReadBackFromCoordinatesMatchesTheInput(string smiles)
    {
        using var mol = ObMolecule.FromSmiles(smiles);
        var conformer = mol.Generate3D();

        Assert.Equal(mol.InChIKey, conformer.InChIKeyFrom3D);
        // The second block of the key encodes stereo; a stereo-free key would match both enantiomers.
        Assert.NotEqual("UHFFFAOYSA", mol.InChIKey.Split('-')[1]);
    }

    [Fact]
    public void AConformerOfOneEnantiomerFailsTheStereoCheckAgainstTheOther()
    {
        using var l = ObMolecule.FromSmiles("C[C@H](N)C(=O)O");
        using var d = ObMolecule.FromSmiles("C[C@@H](N)C(=O)O");
        var conformer = l.Generate3D();

        Assert.True(ConformerQuality.Assess(conformer, l.InChIKey).StereoPreserved);
        Assert.False(ConformerQuality.Assess(conformer, d.InChIKey).StereoPreserved);
    }

    [Fact]
    public void StereoLeftOpenInTheInputIsNotCountedAgainstTheConformer()
    {
        // The coordinates pick one enantiomer and one double-bond geometry; the input asked for neither.
        using var mol = ObMolecule.FromSmiles("CC(Br)C=CC");
        var conformer = mol.Generate3D();
        Assert.Equal("UHFFFAOYSA", mol.InChIKey.Split('-')[1]);
        Assert.Equal(mol.InChIKey, conformer.InChIKeyFrom3D);
    }

    [Fact]
    public void MorphineFusedRingStereoIsRefusedRatherThanBuiltAsAnotherIsomer()
    {
        using var mol = ObMolecule.FromSmiles("CN1CC[C@]23c4c5ccc(O)c4O[C@H]2[C@@H](O)C=C[C@H]3[C@H]1C5");
        var e = Assert.Throws<ChemistryException>(() => mol.Generate3D());
        Assert.Equal(ChemistryErrorKind.Unsupported, e.Kind);
        Assert.Contains("stereo", e.Message);
    }

    [Fact]
    public void StandardizingDropsTheConformerOfTheOldStructureAndANewOneDescribesTheParent()
    {
        using var mol = ObMolecule.FromSmiles("CC[NH3+].[Cl-]");
        mol.Generate3D();
        mol.Standardize();
        var conformer = mol.Generate3D();
        Assert.DoesNotContain(17, conformer.AtomicNumber);
        Assert.Equal(mol.InChIKey, conformer.InChIKeyFrom3D);
    }

    [Fact]
    public void APositionalIsomerRightAfterAnotherGetsItsOwnForceFieldSetup()
    {
        // Same elements in the same atom order, different bonds: OpenBabel's force field
        // reused the first molecule's terms for the second until the shim forced a new setup.
        foreach (string smiles in new[] { "C[N+](C)(C)Cc1ccc(cc1)[N+](=O)[O-]", "C[N+](C)(C)Cc1cccc(c1)[N+](=O)[O-]" })
        {
            using var mol = ObMolecule.FromSmiles(smiles);
            var quality = ConformerQuality.Assess(mol.Generate3D(), mol.InChIKey);
            Assert.InRange(quality.MaxBondLengthDeviation, 0, 0.15);
        }
    }

    [Fact]
    public void NegativeStepsAreACallerBug()
    {
        using var mol = ObMolecule.FromSmiles("CC");
        Assert.Throws<ArgumentOutOfRangeException>(() => mol.Generate3D(-1));
    }
}
