using System.Diagnostics;
using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;
using MolScreen.Chemistry.Smarts;

namespace MolScreen.Chemistry.Tests.Smarts;

/// <summary>Hostile patterns (from a workflow's reactive_groups) give a SmartsException naming the limit, never a stack overflow.</summary>
public class SmartsLimitTests
{
    private static SmartsException Refused(string smarts)
    {
        var sw = Stopwatch.StartNew();
        var e = Assert.Throws<SmartsException>(() => SmartsPattern.Parse(smarts));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"took {sw.Elapsed}");
        Assert.True(e.Message.Length < 400, "the message shortens long patterns");
        return e;
    }

    [Fact]
    public void TwentyThousandNestedRecursiveSmartsAreRefused()
    {
        const int depth = 20_000;
        var smarts = string.Concat(Enumerable.Repeat("[$(C", depth)) + string.Concat(Enumerable.Repeat(")]", depth));
        Assert.Contains($"longer than {SmartsLimits.MaxLength}", Refused(smarts).Problem);
        // The nesting limit itself, below the length limit:
        var nine = string.Concat(Enumerable.Repeat("[$(C", SmartsLimits.MaxRecursionDepth + 1)) + string.Concat(Enumerable.Repeat(")]", SmartsLimits.MaxRecursionDepth + 1));
        Assert.Contains($"nested deeper than {SmartsLimits.MaxRecursionDepth}", Refused(nine).Problem);
    }

    [Fact]
    public void RecursionUpToTheLimitStillParsesAndMatches()
    {
        int depth = SmartsLimits.MaxRecursionDepth;
        var smarts = string.Concat(Enumerable.Repeat("[$(C", depth)) + "C" + string.Concat(Enumerable.Repeat(")]", depth));
        Assert.NotNull(SmartsPattern.Parse(smarts));
        Assert.Contains("deeper", Refused("[$(" + smarts + ")]").Problem);
    }

    [Fact]
    public void DeepBranchesLongPatternsAndManyAtomsAreRefused()
    {
        Assert.Contains("branches nested deeper", Refused(string.Concat(Enumerable.Repeat("C(", 1000)) + "C" + new string(')', 1000)).Problem);
        Assert.Contains($"longer than {SmartsLimits.MaxLength}", Refused(new string('C', 200_000)).Problem);
        Assert.Contains($"more than {SmartsLimits.MaxAtoms} atoms", Refused(new string('C', SmartsLimits.MaxAtoms + 1)).Problem);
    }

    [Fact]
    public void LongNegationChainsAreReadWithoutRecursion()
    {
        var atom = SmartsPattern.Parse("[" + new string('!', 3000) + "C]");   // even: C
        var bond = SmartsPattern.Parse("C" + new string('!', 3001) + "=C");   // odd: not double
        Assert.NotNull(atom);
        Assert.NotNull(bond);
    }

    [Fact]
    public void ReactiveGroupsParameterChecksEachDefinitionWhenLoaded()
    {
        var spec = new FeaturizeStage().Parameters.Single(p => p.Name == "reactive_groups");
        var deep = "bomb=" + string.Concat(Enumerable.Repeat("[$(C", 20_000)) + string.Concat(Enumerable.Repeat(")]", 20_000));
        var problem = spec.Check(new[] { "ok=C=O", deep });
        Assert.NotNull(problem);
        Assert.Contains("reactive group 'bomb'", problem);
        Assert.Contains("longer than", problem);
        Assert.Contains("must be written name=SMARTS", spec.Check(new[] { "no-equals-sign" }));
        Assert.Contains("printable", spec.Check(new[] { "bad\nname=C" }));
        Assert.Null(spec.Check(ReactiveGroups.DefaultDefinitions));
    }

    [Fact]
    public void BuiltInPatternListsStayWithinTheLimits()
    {
        Assert.NotNull(PainsFilter.Default);
        Assert.NotNull(new ReactiveGroups(ReactiveGroups.DefaultDefinitions));
    }
}
