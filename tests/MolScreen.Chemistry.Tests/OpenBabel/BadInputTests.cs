using System.Text;
using MolScreen.Chemistry.OpenBabel;

namespace MolScreen.Chemistry.Tests.OpenBabel;

/// <summary>Bad records must give a ChemistryException with a reason, never a crash or another exception.</summary>
[Collection(OpenBabelCollection.Name)]
public class BadInputTests
{
    [Theory]
    [InlineData("C1CC", "unmatched ring")]
    [InlineData("C(C)(C)(C)(C)C", "valence error: atom 1 (C) has valence 5")]
    [InlineData("[CH5]", "valence")]
    [InlineData("CN(C)(C)(C)C", "valence error: atom 2 (N) has valence 5")]
    [InlineData("[NH4]", "valence error: atom 1 (N) has valence 4, more than the 3 allowed")]
    [InlineData("C[N-2](C)C", "valence")]
    [InlineData("*C", "dummy")]
    [InlineData("C[*]CC", "dummy")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("c1cccc1", "kekulize")]
    [InlineData("C1=CC=CC=C1X", "'X'")]
    [InlineData("CC O", "whitespace")]
    [InlineData("C(", "unclosed branch")]
    [InlineData("C(C", "unclosed branch")]
    [InlineData("C)", "')' without '('")]
    [InlineData("(C)C", "branch without a preceding atom at position 1")]
    [InlineData("C()C", "empty branch at position 3")]
    [InlineData("C(=)C", "bond without a following atom")]
    [InlineData("C==C", "two bonds in a row at position 3")]
    [InlineData("C=", "bond at the end")]
    [InlineData("C..C", "misplaced '.'")]
    [InlineData(".C", "misplaced '.'")]
    [InlineData("C.", "'.' at the end")]
    [InlineData("[C", "unclosed '['")]
    [InlineData("C]", "")]
    [InlineData("C[CH1\\[CH](C)S", "'[' inside a bracket atom at position 7")]
    [InlineData("C[NC]C", "without a reason")]
    [InlineData("[Xx]", "")]
    public void BadSmilesGiveAParseErrorWithAReason(string smiles, string reason)
    {
        var e = Assert.Throws<ChemistryException>(() => ObMolecule.FromSmiles(smiles));
        Assert.Equal(ChemistryErrorKind.Parse, e.Kind);
        Assert.StartsWith("SMILES parse error: ", e.Message);
        Assert.True(e.Message.Length > "SMILES parse error: ".Length + 3, e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void NulCharacterIsRejectedBeforeMarshalling()
    {
        var e = Assert.Throws<ChemistryException>(() => ObMolecule.FromSmiles("CC\0CCCl"));
        Assert.Contains("NUL", e.Message);
    }

    [Fact]
    public void SurroundingBlanksAreIgnored()
    {
        using var mol = ObMolecule.FromSmiles("  CCO\n");
        Assert.Equal("CCO", mol.CanonicalSmiles);
    }

    private static string V2000(string atoms, string bonds, int atomCount, int bondCount) =>
        $"t\n  hand\n\n{atomCount,3}{bondCount,3}  0  0  0  0  0  0  0  0999 V2000\n{atoms}{bonds}M  END\n";

    private static string Atom(string symbol, double x) =>
        FormattableString.Invariant($"{x,10:F4}    0.0000    0.0000 {symbol,-3} 0  0  0  0  0  0  0  0  0  0  0  0\n");

    public static TheoryData<string, string> BadMolblocks => new()
    {
        { "", "empty molblock" },
        { "not a molblock at all", "OpenBabel rejected it without a reason" },
        // Counts line promises three atoms, the block holds one.
        { "title\n\n\n  3  2  0  0  0  0  0  0  0  0999 V2000\n    0.0 0.0 0.0 C   0  0\n", "Problems reading a MDL file" },
        { V2000(Atom("R#", 0) + Atom("C", 1), "  1  2  1  0\n", 2, 1), "atom 1 is a dummy or query atom" },
        // Five carbons joined by aromatic (type 4) bonds: no Kekule structure exists.
        { V2000(string.Concat(Enumerable.Range(0, 5).Select(i => Atom("C", i))),
                "  1  2  4  0\n  2  3  4  0\n  3  4  4  0\n  4  5  4  0\n  5  1  4  0\n", 5, 5), "cannot kekulize" },
    };

    [Theory]
    [MemberData(nameof(BadMolblocks))]
    public void BadMolblocksGiveAParseError(string molblock, string reason)
    {
        var e = Assert.Throws<ChemistryException>(() => ObMolecule.FromMolblock(molblock));
        Assert.Equal(ChemistryErrorKind.Parse, e.Kind);
        Assert.StartsWith("molblock parse error: ", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void FiveHundredAtomMacrocycleGoesThroughEverything()
    {
        string smiles = "C1" + new string('C', 498) + "C1";
        using var mol = ObMolecule.FromSmiles(smiles);
        mol.Standardize();
        var graph = mol.ToGraph();
        Assert.Equal(500, graph.AtomCount);
        Assert.Equal(500, graph.BondCount);
        Assert.All(graph.InRing, Assert.True);
        Assert.All(graph.TotalHydrogens, h => Assert.Equal(2, h));
        Assert.Matches("^[A-Z]{14}-[A-Z]{10}-[A-Z]$", mol.InChIKey);
        Assert.Equal(7013.5, mol.MolecularWeight, 1.0);
    }

    [Theory]
    [InlineData("[cH-]1cccc1.[cH-]1cccc1.[Fe+2]")]
    [InlineData("N.N.Cl[Pt]Cl")]
    [InlineData("[Cu+2].[O-]S(=O)(=O)[O-]")]
    [InlineData("CC(=O)O[Zn]OC(C)=O")]
    [InlineData("C[Hg]Cl")]
    [InlineData("[Gd+3].[O-]C(=O)CN(CC(=O)[O-])CCN(CC(=O)[O-])CC(=O)O")]
    public void MetalComplexesAreProcessed(string smiles)
    {
        using var mol = ObMolecule.FromSmiles(smiles);
        mol.Standardize();
        var graph = mol.ToGraph();
        graph.Validate();
        Assert.NotEmpty(mol.CanonicalSmiles);
        Assert.True(mol.MolecularWeight > 0);
    }

    [Fact]
    public void DativeAmmineWithFourBondsIsAValenceError()
    {
        // Written with the NH3 bonded to Pt, nitrogen has four bonds and no charge: RDKit rejects it too.
        var e = Assert.Throws<ChemistryException>(() => ObMolecule.FromSmiles("Cl[Pt](Cl)([NH3])[NH3]"));
        Assert.Contains("valence error: atom 4 (N)", e.Message);
    }

    [Fact]
    public void QuadrupleBondCannotBeExportedAsAGraph()
    {
        using var mol = ObMolecule.FromSmiles("Cl[Re]$[Re]Cl");
        var e = Assert.Throws<ChemistryException>(() => mol.ToGraph());
        Assert.Equal(ChemistryErrorKind.Unsupported, e.Kind);
        Assert.Contains("order 4", e.Message);
    }

    [Fact]
    public void InChIFailureIsAnUnsupportedRecordWithOpenBabelsReason()
    {
        // The InChI library stops at 1,024 atoms; OpenBabel itself handles the chain.
        using var mol = ObMolecule.FromSmiles(new string('C', 1100));
        Assert.Equal(1100, mol.ToGraph().AtomCount);
        Assert.NotEmpty(mol.CanonicalSmiles);
        var e = Assert.Throws<ChemistryException>(() => mol.InChIKey);
        Assert.Equal(ChemistryErrorKind.Unsupported, e.Kind);
        Assert.Equal("InChIKey failed: InChI generation failed; #1 :Too many atoms", e.Message);
        Assert.Throws<ChemistryException>(() => mol.InChI);
    }

    private static readonly string[] Seeds =
    [
        ParsingTests.Aspirin, ParsingTests.Caffeine, "CC(C)Cc1ccc(cc1)[C@@H](C)C(=O)O", "c1ccc2c(c1)[nH]c1ccccc12",
        "O=C(N[C@@H]1C(=O)N2[C@@H]1SC(C)(C)[C@@H]2C(=O)[O-])Cc1ccccc1.[Na+]", "C/C=C/C(=O)OCC#N",
        "Clc1ccc(cc1)C(c1ccccc1)N1CCN(CC1)CCOCC(=O)O", "[13CH3][N+](C)(C)CC([O-])=O", "C1CC2CCC1C2", "OC[C@H]1OC(O)[C@H](O)[C@@H](O)[C@@H]1O",
    ];

    // Atoms are over-represented so that about half the mutants still parse.
    private const string Alphabet = "CCCCNNOOSclBrcccnnos()[]=#@+-.1234%/\\*H:$ ";

    private static string Mutate(string s, Random random)
    {
        var sb = new StringBuilder(s);
        int edits = random.Next(1, 3);
        for (int i = 0; i < edits; i++)
        {
            int at = random.Next(sb.Length + 1);
            switch (random.Next(4))
            {
                case 0 when sb.Length > 1 && at < sb.Length: sb.Remove(at, 1); break;
                case 1: sb.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                case 2 when at < sb.Length: sb[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                default:
                    int from = random.Next(sb.Length), len = random.Next(1, Math.Min(6, sb.Length - from) + 1);
                    sb.Insert(at, sb.ToString(from, len));
                    break;
            }
        }
        return sb.ToString();
    }

    [Fact]
    public void TwoThousandMutatedSmilesNeverCrash()
    {
        var random = new Random(20240611);
        int parsed = 0, rejected = 0;
        for (int i = 0; i < 2000; i++)
        {
            string smiles = Mutate(Seeds[i % Seeds.Length], random);
            ObMolecule mol;
            try
            {
                mol = ObMolecule.FromSmiles(smiles);
            }
            catch (ChemistryException e)
            {
                Assert.Equal(ChemistryErrorKind.Parse, e.Kind);
                Assert.StartsWith("SMILES parse error: ", e.Message);
                rejected++;
                continue;
            }
            using (mol)
            {
                parsed++;
                mol.Standardize();
                var graph = mol.ToGraph();
                graph.Validate();
                Assert.True(double.IsFinite(mol.MolecularWeight) && mol.MolecularWeight > 0, smiles);
                string canonical = mol.CanonicalSmiles;
                using (var again = ObMolecule.FromSmiles(canonical))
                    Assert.Equal(graph.AtomCount, again.ToGraph().AtomCount);
                try
                {
                    Assert.Matches("^[A-Z]{14}-[A-Z]{10}-[A-Z]$", mol.InChIKey);
                }
                catch (ChemistryException e)
                {
                    Assert.Equal(ChemistryErrorKind.Unsupported, e.Kind);
                }
            }
        }
        // Both paths must have been exercised for the test to mean anything.
        Assert.InRange(parsed, 200, 1800);
        Assert.InRange(rejected, 200, 1800);
    }
}
