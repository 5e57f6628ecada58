using MolScreen.Chemistry.Molecules;
using MolScreen.Chemistry.OpenBabel;

namespace MolScreen.Chemistry.Tests.Molecules;

/// <summary>The heavy-atom count read from the text agrees with Open Babel's parse, without calling it.</summary>
public class StructureSizeTests
{
    [Theory]
    [InlineData("CCO", 3)]
    [InlineData("ClC(Br)c1ccccc1", 9)]
    [InlineData("[2H]C([H])([H])[NH3+]", 2)]
    [InlineData("[Na+].[Cl-]", 2)]
    [InlineData("[Hg]C", 2)]
    [InlineData("C1CC%10CC1.[O-][n+]1ccccc1", 12)]
    [InlineData("*C", 2)]
    public void CountsHeavyAtomsOfSmiles(string smiles, int expected) =>
        Assert.Equal(expected, StructureSize.SmilesHeavyAtoms(smiles));

    [Theory]
    [InlineData("CC(=O)Oc1ccccc1C(=O)O")]
    [InlineData("C[C@@H](N)C(=O)O.Cl")]
    [InlineData("[13CH3]c1cc[nH]c1Br")]
    public void AgreesWithOpenBabel(string smiles)
    {
        using var mol = ObMolecule.FromSmiles(smiles);
        Assert.Equal(mol.ToGraph().AtomCount, StructureSize.SmilesHeavyAtoms(smiles));
    }

    [Fact]
    public void CountsAHugeSmilesQuickly()
    {
        var huge = string.Concat(Enumerable.Repeat("C(C)", 100_000));
        Assert.Equal(200_000, StructureSize.SmilesHeavyAtoms(huge));
    }

    [Fact]
    public void CountsHeavyAtomsOfAMolblock()
    {
        const string molblock = "water\n  test\n\n  3  2  0  0  0  0  0  0  0  0999 V2000\n" +
            "    0.0000    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0\n" +
            "    0.9572    0.0000    0.0000 H   0  0  0  0  0  0  0  0  0  0  0  0\n" +
            "   -0.2400    0.9266    0.0000 H   0  0  0  0  0  0  0  0  0  0  0  0\n" +
            "  1  2  1  0\n  1  3  1  0\nM  END\n";
        Assert.Equal(1, StructureSize.MolblockHeavyAtoms(molblock));
        Assert.Null(StructureSize.MolblockHeavyAtoms("x\n"));
    }

    /// <summary>Open Babel work runs on the one large-stack thread, whichever thread asks, and exceptions come back.</summary>
    [Fact]
    public async Task OpenBabelThreadRunsWorkAndReturnsErrors()
    {
        var counts = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => Task.Run(() =>
            ObThread.Run(() => { using var m = ObMolecule.FromSmiles(new string('C', n)); return m.ToGraph().AtomCount; }))));
        Assert.Equal(Enumerable.Range(1, 8), counts);
        Assert.Throws<ChemistryException>(() => ObThread.Run(() => { using var m = ObMolecule.FromSmiles("C1CC(("); return 0; }));
    }
}
