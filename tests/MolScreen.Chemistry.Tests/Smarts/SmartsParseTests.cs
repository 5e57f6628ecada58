using MolScreen.Chemistry.Smarts;

namespace MolScreen.Chemistry.Tests.Smarts;

public class SmartsParseTests
{
    [Theory]
    [InlineData("", 0, "empty pattern")]
    [InlineData("C(C", 1, "unclosed branch")]
    [InlineData("CC)", 2, "unmatched ')'")]
    [InlineData("C()C", 1, "empty branch")]
    [InlineData("(C)C", 0, "branch without a preceding atom")]
    [InlineData("C1CC", 1, "unclosed ring bond")]
    [InlineData("C=1CC-1", 6, "ring closure bonds disagree")]
    [InlineData("C11", 2, "ring closure to the same atom")]
    [InlineData("C%1C", 1, "'%' must be followed by two digits")]
    [InlineData("CC[N", 2, "unclosed '['")]
    [InlineData("C[Q]", 2, "unknown element or primitive 'Q'")]
    [InlineData("[Og]", 2, "unknown aromatic element or primitive 'g'")]
    [InlineData("[#]", 1, "expected an atomic number after '#'")]
    [InlineData("[C;]", 3, "empty bracket atom or missing primitive")]
    [InlineData("[]", 1, "empty bracket atom or missing primitive")]
    [InlineData("[C;q]", 3, "unknown aromatic element or primitive 'q'")]
    [InlineData("C=", 1, "bond without a following atom")]
    [InlineData("=C", 0, "bond without a preceding atom")]
    [InlineData("C-(C)C", 1, "bond before a branch")]
    [InlineData("C-!C", 3, "expected a bond primitive")]
    [InlineData("C..C", 2, "empty component")]
    [InlineData("C.", 2, "empty component")]
    [InlineData("C(.C)", 2, "'.' inside a branch")]
    [InlineData("Q", 0, "unexpected character 'Q'")]
    [InlineData("C]", 1, "unmatched ']'")]
    [InlineData("[$(CC]", 1, "unclosed '$('")]
    [InlineData("[$()]", 1, "empty recursive SMARTS")]
    [InlineData("[$C]", 1, "expected '(' after '$'")]
    [InlineData("[C;$(C(]", 3, "unclosed '$('")]
    [InlineData("[$(C(C)]", 1, "unclosed '$('")]
    [InlineData("[$(C=)]", 4, "bond without a following atom")]
    [InlineData("[C:]", 3, "expected an atom-map number after ':'")]
    [InlineData("[C}]", 2, "unexpected character '}' in bracket atom")]
    public void RejectsBadSmartsWithPosition(string smarts, int position, string problem)
    {
        var e = Assert.Throws<SmartsException>(() => SmartsPattern.Parse(smarts));
        Assert.Equal((position, problem), (e.Position, e.Problem));
        Assert.Contains($"position {position}", e.Message);
    }

    [Theory]
    [InlineData("[CH3:1]C", 2)]
    [InlineData("[C@@H](F)(Cl)Br", 4)]
    [InlineData("C%(123)CC%(123)", 3)]
    [InlineData("c1ccccc1.[Na+]", 7)]
    [InlineData("[$([#6]([#1])[#1]),$(N)]-*", 2)]
    [InlineData("[13CH3]", 1)]
    public void ParsesValidSmarts(string smarts, int atoms) => Assert.Equal(atoms, SmartsPattern.Parse(smarts).AtomCount);
}
