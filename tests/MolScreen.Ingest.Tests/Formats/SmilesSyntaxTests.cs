using MolScreen.Ingest.Formats;

namespace MolScreen.Ingest.Tests.Formats;

public class SmilesSyntaxTests
{
    [Theory]
    [InlineData("C")]
    [InlineData("CCO")]
    [InlineData("C1CC[C@@H](N)CC1")]
    [InlineData("[13CH4]")]
    [InlineData("c1ccccc1.[Na+].[Cl-]")]
    [InlineData("C%10CC%10")]
    [InlineData("[Fe+2]")]
    [InlineData("F/C=C/F")]
    [InlineData("F/C=C\\F")]
    [InlineData("[nH]1cccc1")]
    [InlineData("*C")]
    [InlineData("ClCBr")]
    [InlineData("OC(=O)C(N)Cc1ccccc1")]
    [InlineData("C#N")]
    [InlineData("[C-]#[O+]")]
    [InlineData("C$C")]
    [InlineData("c1ccc2ccccc2c1")]
    [InlineData("C1CCCCC1C1CCCCC1")]
    [InlineData("C12CC1C2")]
    [InlineData("C=1CCCCC1")]
    [InlineData("C=1CCCCC=1")]
    [InlineData("C/1=C/CC\\1")]
    [InlineData("[2H]C([2H])([2H])[2H]")]
    [InlineData("[Cu++]")]
    [InlineData("[O--]")]
    [InlineData("[Ti-3]")]
    [InlineData("[CH3:1]C")]
    [InlineData("[C@H](F)(Cl)Br")]
    [InlineData("[C@TH1](F)(Cl)(Br)I")]
    [InlineData("[C@AL2]")]
    [InlineData("[Pt@SP3](F)(Cl)(Br)I")]
    [InlineData("[As@TB20](F)(Cl)(Br)(I)C")]
    [InlineData("[Co@OH30](F)(F)(F)(F)(F)F")]
    [InlineData("[se]1cccc1")]
    [InlineData("[te]1cccc1")]
    [InlineData("c1cc[as]c1")]
    [InlineData("[Og]")]
    [InlineData("[Uue]", false)] // three-letter symbols are not element symbols
    [InlineData("C(.C)C")]
    [InlineData("C1.C1")]
    [InlineData("[*]")]
    [InlineData("[H][H]")]
    [InlineData("C(C)(C)(C)C")]
    [InlineData("O=C=O")]
    [InlineData("c1ccc(cc1)-c1ccccc1")]
    public void AcceptsValidSmiles(string smiles, bool valid = true)
    {
        var reason = SmilesSyntax.Validate(smiles);
        if (valid)
            Assert.Null(reason);
        else
            Assert.NotNull(reason);
    }

    [Theory]
    [InlineData("", "empty SMILES")]
    [InlineData("C1CC", "unclosed ring bond 1")]
    [InlineData("C%12CC", "unclosed ring bond 12")]
    [InlineData("CC(C)C)C", "unbalanced ')' at position 7")]
    [InlineData("CC(CC", "unbalanced '(' at position 3")]
    [InlineData("C[Xx]C", "unknown element 'Xx' at position 3")]
    [InlineData("CXC", "unknown element 'X' at position 2")]
    [InlineData("CNaC", "element 'Na' must be in brackets at position 2")]
    [InlineData("CXxC", "unknown element 'Xx' at position 2")]
    [InlineData("[Na]Cl", null)]
    [InlineData("Na", "element 'Na' must be in brackets at position 1")]
    [InlineData("CCC()C", "empty branch at position 5")]
    [InlineData("CC=", "bond at end of SMILES")]
    [InlineData("C?C", "unexpected character '?' at position 2")]
    [InlineData("C C", "unexpected character ' ' at position 2")]
    [InlineData("C11", "ring bond 1 closes on its own atom at position 3")]
    [InlineData("C=1CCC#1", "conflicting ring bond symbols for ring bond 1 at position 8")]
    [InlineData("C=.C", "bond before '.' at position 3")]
    [InlineData("C..C", "empty component '..' at position 3")]
    [InlineData(".C", "'.' before first atom at position 1")]
    [InlineData("C.", "'.' at end of SMILES")]
    [InlineData("(C)C", "branch before first atom at position 1")]
    [InlineData("C(C=)C", "bond before ')' at position 5")]
    [InlineData("C=(C)C", "bond before '(' at position 3")]
    [InlineData("C==C", "two bonds in a row at position 3")]
    [InlineData("=CC", "bond '=' without preceding atom at position 1")]
    [InlineData("1CC1", "ring bond 1 without preceding atom at position 1")]
    [InlineData("C(1CC)1", "ring bond 1 without preceding atom at position 3")]
    [InlineData("C(C)1CC1", "ring bond 1 after branch at position 5")]
    [InlineData("C%1CC", "invalid ring bond '%' at position 2")]
    [InlineData("C[C", "unclosed bracket atom at position 2")]
    [InlineData("C[]", "bracket atom without element at position 2")]
    [InlineData("[13]", "bracket atom without element at position 1")]
    [InlineData("[C@TH3]", "invalid chirality '@TH3' at position 3")]
    [InlineData("[C@TB21]", "invalid chirality '@TB21' at position 3")]
    [InlineData("[C@OH0]", "invalid chirality '@OH0' at position 3")]
    [InlineData("[CH4+++]", "unexpected character '+' in bracket atom at position 7")]
    [InlineData("[CH3:]", "atom class without number at position 5")]
    [InlineData("[C+2H]", "unexpected character 'H' in bracket atom at position 5")]
    [InlineData("[cx]", "unknown element 'cx' at position 2")]
    [InlineData("[x]", "unknown element 'x' at position 2")]
    [InlineData("C((C))", "unexpected '(' at position 3")]
    [InlineData("C(.)C", "unexpected ')' after '.' at position 4")]
    [InlineData("x", "unknown element 'x' at position 1")]
    [InlineData("[12345C]", "isotope too long at position 2")]
    [InlineData("C(C", "unbalanced '(' at position 2")]
    [InlineData("C(C(C)", "unbalanced '(' at position 2")]
    public void RejectsInvalidSmilesWithSpecificReason(string smiles, string? expected)
    {
        Assert.Equal(expected, SmilesSyntax.Validate(smiles));
    }

    [Fact]
    public void ReportsAllClosuresOfTwoDigitRingNumbers()
    {
        Assert.Null(SmilesSyntax.Validate("C%99CC%99"));
        Assert.Null(SmilesSyntax.Validate("C%00CC%00"));
        Assert.Equal("unclosed ring bond 99", SmilesSyntax.Validate("C%99CC"));
    }

    [Fact]
    public void RingNumberCanBeReusedAfterClosing()
    {
        Assert.Null(SmilesSyntax.Validate("C1CC1C1CC1"));
    }

    [Fact]
    public void ValidInputDoesNotAllocate()
    {
        const string smiles = "CC(=O)Oc1ccccc1C(=O)O.[Na+].C%10CC[C@@H]([13CH3])CC%10";
        Assert.Null(SmilesSyntax.Validate(smiles));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
            SmilesSyntax.Validate(smiles);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void BranchNestingIsLimited()
    {
        static string Nested(int depth) => string.Concat(Enumerable.Repeat("C(", depth)) + "C" + new string(')', depth);
        Assert.Null(SmilesSyntax.Validate(Nested(SmilesSyntax.MaxBranchDepth)));
        Assert.Null(SmilesSyntax.Validate(string.Concat(Enumerable.Repeat("C(C)", 10_000))));
        Assert.Equal($"branches nested deeper than {SmilesSyntax.MaxBranchDepth} at position {2 * SmilesSyntax.MaxBranchDepth + 2}",
            SmilesSyntax.Validate(Nested(200_000)));
    }
}
