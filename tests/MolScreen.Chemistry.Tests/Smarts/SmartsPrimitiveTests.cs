using MolScreen.Chemistry.Smarts;

namespace MolScreen.Chemistry.Tests.Smarts;

/// <summary>Each atom primitive counted on small molecules perceived by RDKit (count = unique matches).</summary>
public class SmartsPrimitiveTests
{
    private static int Count(string smarts, string smiles) => SmartsPattern.Parse(smarts).CountUnique(RdkitGraphs.Get(smiles));

    [Theory]
    [InlineData("[#7]", "CCN", 1)]
    [InlineData("[#6]", "CCN", 2)]
    [InlineData("[#6]", "Cc1ccccc1", 7)]
    [InlineData("c", "Cc1ccccc1", 6)]
    [InlineData("C", "Cc1ccccc1", 1)]
    [InlineData("[c,n]", "c1ccncc1", 5 + 1)]
    [InlineData("n", "c1ccncc1", 1)]
    [InlineData("N", "c1ccncc1", 0)]
    [InlineData("[Cl]", "ClCCl", 2)]
    [InlineData("Cl", "ClCCl", 2)]
    [InlineData("[Br]", "BrC=CBr", 2)]
    [InlineData("[se]", "c1cc[se]c1", 1)]
    [InlineData("[Se]", "c1cc[se]c1", 1)]
    [InlineData("[Se]", "C[Se]C", 1)]
    [InlineData("[se]", "C[Se]C", 0)]
    [InlineData("[Si]", "C[Si](C)(C)C", 1)]
    [InlineData("[Na]", "[Na+].[Cl-]", 1)]
    public void ElementsAndAromaticity(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Theory]
    [InlineData("*", "c1ccccc1CC(=O)O", 10)]
    [InlineData("a", "c1ccccc1CC(=O)O", 6)]
    [InlineData("A", "c1ccccc1CC(=O)O", 4)]
    [InlineData("[!a]", "c1ccccc1CC(=O)O", 4)]
    public void AnyAromaticAliphatic(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Theory]
    [InlineData("[CH3]", "CC(C)O", 2)]
    [InlineData("[CH1]", "CC(C)O", 1)]
    [InlineData("[CH]", "CC(C)O", 1)]
    [InlineData("[OH]", "CC(C)O", 1)]
    [InlineData("[H0]", "CC(C)(C)C", 1)]
    [InlineData("[NH2+]", "C[NH2+]C", 1)]
    [InlineData("[nH]", "c1cc[nH]c1", 1)]
    [InlineData("[h]", "CC(C)(C)C", 4)]
    [InlineData("[h3]", "CC(C)O", 2)]
    [InlineData("[h0]", "CC(C)(C)C", 1)]
    public void HydrogenCounts(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Theory]
    [InlineData("[D1]", "CC(C)C", 3)]
    [InlineData("[D3]", "CC(C)C", 1)]
    [InlineData("[D]", "CC(C)C", 3)]
    [InlineData("[X4]", "CC(C)C", 4)]
    [InlineData("[X3]", "C=O", 1)]
    [InlineData("[X1]", "C=O", 1)]
    [InlineData("[X2]", "C#N", 1)]
    [InlineData("[X]", "C#N", 1)]
    public void Connectivity(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Theory]
    [InlineData("[v4]", "CC=O", 2)]
    [InlineData("[v2]", "CC=O", 1)]
    [InlineData("[v4]", "c1ccccc1", 6)]
    [InlineData("[v4]", "c1ccc2ccccc2c1", 10)]
    [InlineData("[v3]", "c1cc[nH]c1", 1)]
    [InlineData("[v3]", "Cn1cccc1", 1)]
    [InlineData("[v2]", "c1ccsc1", 1)]
    [InlineData("[v4]", "O=c1cccc[nH]1", 5)]
    [InlineData("[v5]", "CP(=O)(O)O", 1)]
    [InlineData("[N;v4]", "C[N+](=O)[O-]", 1)]
    [InlineData("[v6]", "CS(=O)(=O)C", 1)]
    [InlineData("[v4]", "C[N+](C)(C)C", 5)]
    [InlineData("[v]", "[Na+].[Cl-]", 0)]
    public void TotalValence(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Theory]
    [InlineData("[R]", "CC1CC1", 3)]
    [InlineData("[R0]", "CC1CC1", 1)]
    [InlineData("[!R]", "CC1CC1", 1)]
    [InlineData("[R1]", "C1CCC2CCCCC2C1", 8)]
    [InlineData("[R2]", "C1CCC2CCCCC2C1", 2)]
    [InlineData("[R3]", "C1CC2CCC1CC2", 2)]
    [InlineData("[R2]", "C1CC2CCC1CC2", 6)] // symmetrized SSSR: bicyclo[2.2.2]octane has three rings
    [InlineData("[r]", "CC1CC1", 3)]
    [InlineData("[r3]", "CC1CC1", 3)]
    [InlineData("[r5]", "c1ccc2CCCc2c1", 5)]
    [InlineData("[r6]", "c1ccc2CCCc2c1", 4)]
    [InlineData("[r6]", "c1ccc2ccccc2c1", 10)]
    [InlineData("[x]", "CC1CC1", 3)]
    [InlineData("[x0]", "CC1CC1", 1)]
    [InlineData("[x2]", "C1CCC2CCCCC2C1", 8)]
    [InlineData("[x3]", "C1CCC2CCCCC2C1", 2)]
    public void Rings(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Theory]
    [InlineData("[+]", "C[N+](C)(C)C.[Cl-]", 1)]
    [InlineData("[+1]", "C[N+](C)(C)C.[Cl-]", 1)]
    [InlineData("[-]", "C[N+](C)(C)C.[Cl-]", 1)]
    [InlineData("[+0]", "C[N+](C)(C)C.[Cl-]", 4)]
    [InlineData("[++]", "[Ca+2].[Cl-].[Cl-]", 1)]
    [InlineData("[+2]", "[Ca+2].[Cl-].[Cl-]", 1)]
    [InlineData("[--]", "[O-2]", 1)]
    [InlineData("[-2]", "[O-2]", 1)]
    [InlineData("[-]", "[O-2]", 0)]
    public void Charges(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Theory]
    [InlineData("[13C]", "[13CH3]C", 1)]
    [InlineData("[13]", "[13CH3]C", 1)]
    [InlineData("[0C]", "[13CH3]C", 1)]
    [InlineData("[C]", "[13CH3]C", 2)]
    [InlineData("[2H]", "[2H]C([2H])([2H])C", 3)]
    [InlineData("[2H]C", "[2H]C([2H])([2H])C", 3)]
    public void Isotopes(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));

    [Theory]
    [InlineData("[$(C=O)]", "CC(=O)O", 1)]
    [InlineData("[O;$(OC=O)]", "CC(=O)O", 1)]
    [InlineData("[$([OH]C=O)]", "OCC(=O)O", 1)]
    [InlineData("[C;$(C(=O)[OH]),$(C#N)]", "N#CCC(=O)O", 2)]
    [InlineData("[N;!$(N-C=O)]", "NCC(=O)NC", 1)]
    [InlineData("[$([CH3]-[$([#8]-[#6]=[#8])])]", "CC(=O)OC", 1)]
    [InlineData("[$([#6]-[$([#8]-[#6]=[#8])])]", "CC(=O)OC", 2)]
    [InlineData("[$(*1ccccc1)]", "Cc1ccccc1", 6)]
    public void RecursiveSmarts(string smarts, string smiles, int count) => Assert.Equal(count, Count(smarts, smiles));
}
