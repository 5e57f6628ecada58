using MolScreen.Chemistry.Filters;
using MolScreen.Chemistry.Smarts;
using MolScreen.Chemistry.Tests.Descriptors;
using MolScreen.Chemistry.Tests.Smarts;
using Xunit.Abstractions;

namespace MolScreen.Chemistry.Tests.Filters;

/// <summary>PAINS alerts against RDKit's FilterCatalog(PAINS) on RDKit's NCI graphs.</summary>
[Collection(NciOracleCollection.Name)]
public class PainsAgreementTests(NciOracle oracle, ITestOutputHelper output)
{
    [Fact]
    public void AlertNamesAgreeWithRdkitFilterCatalogOnNci5k()
    {
        var pains = PainsFilter.Default;
        int same = 0, flagged = 0;
        var differ = new List<string>();
        foreach (var m in oracle.Molecules)
        {
            var ours = pains.Matches(m.Graph).Order(StringComparer.Ordinal).ToList();
            var rdkit = m.Rdkit.GetProperty("pains").EnumerateArray().Select(x => x.GetString()!).ToList();
            if (rdkit.Count > 0) flagged++;
            if (ours.SequenceEqual(rdkit)) same++;
            else differ.Add($"{m.Id}: ours [{string.Join(" ", ours)}] RDKit [{string.Join(" ", rdkit)}]");
        }
        int n = oracle.Molecules.Count;
        output.WriteLine($"same PAINS names: {same}/{n} ({flagged} flagged by RDKit)");
        foreach (var d in differ.Take(20)) output.WriteLine(d);
        Assert.True(flagged > 300, $"RDKit flags only {flagged} molecules; the comparison would say little");
        Assert.True(same == n, $"PAINS names agree on only {same} of {n}:\n{string.Join("\n", differ.Take(10))}");
    }

    [Fact]
    public void FamiliesAndNamesMatchRdkitCatalog()
    {
        Assert.True(RdkitOracle.Available, "python3-rdkit and rdkit-data are needed (scripts/install-deps.sh installs them)");
        var rdkit = RdkitOracle.Run(Path.Combine("Smarts", "rdkit_smarts_oracle.py"), [], "--catalog")
            .Select(e => (e.GetProperty("name").GetString()!, e.GetProperty("family").GetString()!))
            .Order().ToList();
        var ours = PainsFilter.Default.Alerts.Select(a => (a.Name, $"PAINS_{a.Family}")).Order().ToList();
        Assert.Equal(480, ours.Count);
        Assert.Equal(rdkit, ours);
    }

    [Fact]
    public void LoadingOneFamilyKeepsOnlyItsAlerts()
    {
        var a = PainsFilter.Load(PainsFilter.DefaultPath, PainsFamily.A);
        Assert.Equal(16, a.Alerts.Count);
        Assert.All(a.Alerts, x => Assert.Equal(PainsFamily.A, x.Family));
        Assert.Equal(55, PainsFilter.Load(PainsFilter.DefaultPath, PainsFamily.B).Alerts.Count);
        Assert.Equal(409, PainsFilter.Load(PainsFilter.DefaultPath, PainsFamily.C).Alerts.Count);
    }

    [Fact]
    public void MissingFileIsReportedClearly()
    {
        var e = Assert.Throws<FileNotFoundException>(() => PainsFilter.Load("/nonexistent/wehi_pains.csv"));
        Assert.Contains("rdkit-data", e.Message);
    }
}
