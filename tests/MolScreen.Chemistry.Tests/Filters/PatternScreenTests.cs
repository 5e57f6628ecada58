using MolScreen.Chemistry.Descriptors;
using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;
using MolScreen.Chemistry.OpenBabel;
using SmartsPattern = MolScreen.Chemistry.Smarts.SmartsPattern;
using MolScreen.Chemistry.Smarts;
using MolScreen.Chemistry.Tests.Agreement;
using MolScreen.Chemistry.Tests.Descriptors;
using Xunit.Abstractions;

namespace MolScreen.Chemistry.Tests.Filters;

/// <summary>
/// The screen in front of every SMARTS search (element classes, bond kinds, bonded class pairs) may
/// only skip searches that would find nothing. Every featurize pattern set (480 PAINS alerts, the
/// reactive groups, QED's alerts) is run with and without it over NCI first_5K and the 10k shared
/// library sample, on the standardized structures featurize matches; the hits must be identical.
/// </summary>
[Collection("OpenBabel")]
public class PatternScreenTests(ITestOutputHelper output)
{
    private static readonly List<(string Name, SmartsPattern Pattern)> Patterns =
        PainsFilter.Default.Alerts.Select(a => ("pains:" + a.Name, a.Pattern))
            .Concat(new ReactiveGroups(ReactiveGroups.DefaultDefinitions).Groups.Select(g => ("reactive:" + g.Name, g.Pattern)))
            .Concat(Qed.Default.Alerts.Select((p, i) => ($"qed-alert:{i}", p)))
            .ToList();

    [Fact]
    public void ScreenedAndUnscreenedHitsAreIdenticalOnNci5k()
    {
        Assert.True(RdkitOracle.Available, "rdkit-data is needed (scripts/install-deps.sh installs it)");
        Compare("NCI first_5K", File.ReadLines(RdkitOracle.Nci5k).Select(l => l.Split('\t', ' ')[0]));
    }

    [SharedDataFact]
    public void ScreenedAndUnscreenedHitsAreIdenticalOnTheSharedLibrarySample() =>
        Compare(SharedLibrarySample.Name, SharedLibrarySample.Load().Select(l => l.Split('\t')[0]));

    [Fact]
    public void ScreenRejectsWhatCannotMatchAndAdmitsWhatCan()
    {
        var target = new SmartsTarget(Graph("c1ccccc1C(=O)N"));
        Assert.False(SmartsPattern.Parse("C#N").CouldMatch(target));        // no triple bond
        Assert.False(SmartsPattern.Parse("cN").CouldMatch(target));         // N is bonded to C, not c
        Assert.False(SmartsPattern.Parse("C(=O)C(=O)").CouldMatch(target)); // one carbonyl only
        Assert.False(SmartsPattern.Parse("[C;c]").CouldMatch(target));      // no atom can be both
        Assert.True(SmartsPattern.Parse("cC(=O)[N;!H0]").CouldMatch(target));
        Assert.True(SmartsPattern.Parse("c[$([#6]=O)]").CouldMatch(target));
        // A hydrogen leaf stands for a folded hydrogen, so the screen must not ask for an H atom.
        Assert.True(SmartsPattern.Parse("[#7]-[#1]").CouldMatch(target));
        Assert.True(SmartsPattern.Parse("[#7]-[#1]").IsMatch(target));
    }

    private void Compare(string set, IEnumerable<string> smiles)
    {
        int molecules = 0, searched = 0, skipped = 0, hits = 0;
        var mismatches = new List<string>();
        foreach (var s in smiles)
        {
            SmartsTarget target;
            try
            {
                using var m = ObMolecule.FromSmiles(s);
                m.Standardize();
                var g = m.ToGraph();
                if (g.AtomCount == 0) continue;
                target = new SmartsTarget(g);
            }
            catch (ChemistryException) { continue; }
            molecules++;
            foreach (var (name, pattern) in Patterns)
            {
                bool unscreened = pattern.IsMatchUnscreened(target), screened = pattern.IsMatch(target);
                if (pattern.CouldMatch(target)) searched++; else skipped++;
                if (unscreened) hits++;
                if (screened != unscreened && mismatches.Count < 10) mismatches.Add($"{s} {name}: screened {screened}, unscreened {unscreened}");
            }
        }
        output.WriteLine($"{set}: {molecules} molecules x {Patterns.Count} patterns, {hits} hits; screen skipped {100.0 * skipped / (skipped + searched):F1}% of searches");
        Assert.True(molecules > 4900, $"only {molecules} molecules parsed");
        Assert.True(hits > 0);
        Assert.Empty(mismatches);
    }

    private static MolScreen.Chemistry.Molecules.MolGraph Graph(string smiles)
    {
        using var m = ObMolecule.FromSmiles(smiles);
        return m.ToGraph();
    }
}
