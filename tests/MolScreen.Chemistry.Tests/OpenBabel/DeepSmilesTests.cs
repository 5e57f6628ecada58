using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;
using MolScreen.Chemistry.OpenBabel;

namespace MolScreen.Chemistry.Tests.OpenBabel;

/// <summary>Branch nesting deeper than the limit is refused by the shim before Open Babel reads the string.</summary>
[Collection(OpenBabelCollection.Name)]
public class DeepSmilesTests
{
    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("C(", depth)) + "C" + new string(')', depth);

    [Fact]
    public void TwoHundredThousandDeepBranchesAreAParseErrorNotACrash()
    {
        var e = Assert.Throws<ChemistryException>(() => ObMolecule.FromSmiles(Nested(200_000)));
        Assert.Equal(ChemistryErrorKind.Parse, e.Kind);
        Assert.Contains("branches nested deeper than 256", e.Message);
        var featurizer = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        Assert.Contains("nested deeper", Assert.Throws<ChemistryException>(() => featurizer.Compute("smiles", Nested(200_000))).Message);
    }

    [Fact]
    public void NestingAtTheLimitIsStillRead()
    {
        using var atLimit = ObMolecule.FromSmiles(Nested(256));
        Assert.NotNull(atLimit);
        using var manyShallow = ObMolecule.FromSmiles(string.Concat(Enumerable.Repeat("C(C)", 400)));
        Assert.NotNull(manyShallow);
        Assert.Contains("branches nested deeper", Assert.Throws<ChemistryException>(() => ObMolecule.FromSmiles(Nested(257))).Message);
    }
}
