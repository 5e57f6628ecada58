using MolScreen.Chemistry.Descriptors;
using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;
using MolScreen.Chemistry.Smarts;
using MolScreen.Chemistry.Tests.OpenBabel;
using Xunit.Abstractions;

namespace MolScreen.Chemistry.Tests.Descriptors;

/// <summary>
/// QED against RDKit 2022.09's rdkit.Chem.QED.qed on the 4,999 NCI molecules (rdkit-data): on
/// RDKit's own graphs (the formula and its SMARTS), and end to end through featurize (OpenBabel's
/// perception of our standardized SMILES, which RDKit scores from the same SMILES).
/// </summary>
[Collection(OpenBabelCollection.Name)]
public sealed class QedAgreementTests(ITestOutputHelper output)
{
    private static readonly string[] Names = ["MW", "ALOGP", "HBA", "HBD", "PSA", "ROTB", "AROM", "ALERTS"];

    [Fact]
    public void Qed_reads_all_of_rdkits_alerts() => Assert.Equal(116, Qed.Default.AlertCount);

    [Fact]
    public void Formula_agrees_with_rdkit_on_rdkit_graphs()
    {
        Assert.True(RdkitOracle.Available, "python3-rdkit and rdkit-data are needed (scripts/install-deps.sh installs them)");
        var mols = RdkitOracle.Run(Path.Combine("Descriptors", "rdkit_qed_oracle.py"), File.ReadLines(RdkitOracle.Nci5k))
            .Where(e => e.GetProperty("ok").GetBoolean()).ToList();
        Assert.True(mols.Count > 4900, $"only {mols.Count} molecules parsed by RDKit");
        var propertyMisses = new int[Names.Length];
        var examples = new List<string>();
        int within = 0;
        foreach (var e in mols)
        {
            var g = RdkitOracle.Graph(e);
            var p = Qed.Default.Properties(g, new SmartsTarget(g));
            double[] ours = [p.MolecularWeight, p.ALogP, p.Acceptors, p.Donors, p.PolarSurfaceArea, p.RotatableBonds, p.AromaticRings, p.Alerts];
            var theirs = e.GetProperty("props").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            for (int i = 0; i < Names.Length; i++)
                if (Math.Abs(ours[i] - theirs[i]) > 1e-6 && !(i == 0 && g.Isotope.Any(x => x > 0))) propertyMisses[i]++;
            double diff = Math.Abs(Qed.Score(p) - e.GetProperty("qed").GetDouble());
            if (diff <= 0.01) within++;
            else if (examples.Count < 10) examples.Add($"{e.GetProperty("id").GetString()} Δ{diff:F3}");
        }
        double fraction = within / (double)mols.Count;
        output.WriteLine($"QED within 0.01 of RDKit on RDKit graphs: {within}/{mols.Count} = {fraction:P2}; property mismatches: " +
                         string.Join(", ", Names.Select((n, i) => $"{n} {propertyMisses[i]}")) + "; e.g. " + string.Join(", ", examples));
        Assert.True(fraction >= 0.999, $"only {fraction:P2} within 0.01; e.g. {string.Join(", ", examples)}");
    }

    [Fact]
    public void Featurize_qed_agrees_with_rdkit_on_the_same_smiles()
    {
        Assert.True(RdkitOracle.Available, "python3-rdkit and rdkit-data are needed (scripts/install-deps.sh installs them)");
        var featurizer = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        var ours = new List<(string Id, string Smiles, double Qed)>();
        foreach (var line in File.ReadLines(RdkitOracle.Nci5k))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2 || parts[0].Length == 0) continue;
            try
            {
                var f = featurizer.Compute("smiles", parts[0]);
                ours.Add((parts[^1], f.CanonicalSmiles, f.Qed));
            }
            catch (ChemistryException) { }
        }
        var rdkit = RdkitOracle.Run(Path.Combine("Descriptors", "rdkit_qed_oracle.py"), ours.Select(o => $"{o.Smiles}\t{o.Id}"))
            .ToDictionary(e => e.GetProperty("id").GetString()!);
        int compared = 0, within = 0;
        var examples = new List<string>();
        foreach (var o in ours)
        {
            if (!rdkit.TryGetValue(o.Id, out var e) || !e.GetProperty("ok").GetBoolean()) continue;
            compared++;
            double diff = Math.Abs(o.Qed - e.GetProperty("qed").GetDouble());
            if (diff <= 0.01) within++;
            else if (examples.Count < 15) examples.Add($"{o.Id} {o.Smiles} Δ{diff:F3}");
        }
        double fraction = within / (double)compared;
        output.WriteLine($"featurize QED within 0.01 of RDKit on the same SMILES: {within}/{compared} = {fraction:P2}; e.g.\n" + string.Join("\n", examples));
        Assert.True(compared > 4800, $"only {compared} molecules compared");
        Assert.True(fraction >= 0.98, $"only {fraction:P2} within 0.01");
    }
}
