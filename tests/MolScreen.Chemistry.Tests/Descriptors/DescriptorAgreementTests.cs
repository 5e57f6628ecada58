using MolScreen.Chemistry.Descriptors;

namespace MolScreen.Chemistry.Tests.Descriptors;

/// <summary>
/// Our descriptor formulas against RDKit 2022.09 on RDKit's own graphs of the 4,999 NCI molecules
/// (rdkit-data). Any disagreement here is a formula bug, not a perception difference.
/// </summary>
public class DescriptorAgreementTests
{
    [Fact]
    public void FormulasAgreeWithRdkitOnNci5k()
    {
        Assert.True(RdkitOracle.Available, "python3-rdkit and rdkit-data are needed (scripts/install-deps.sh installs them)");
        var mols = RdkitOracle.Run(Path.Combine("Descriptors", "rdkit_descriptor_oracle.py"), File.ReadLines(RdkitOracle.Nci5k)).Where(e => e.GetProperty("ok").GetBoolean()).ToList();
        Assert.True(mols.Count > 4900, $"only {mols.Count} molecules parsed by RDKit");
        var misses = new Dictionary<string, List<string>>();
        void Check(string what, bool ok, string id) { if (!ok) (misses.TryGetValue(what, out var l) ? l : misses[what] = new()).Add(id); }
        foreach (var e in mols)
        {
            var g = RdkitOracle.Graph(e);
            var id = e.GetProperty("id").GetString()!;
            Check("tpsa", Math.Abs(PolarSurfaceArea.Tpsa(g) - e.GetProperty("tpsa").GetDouble()) < 1e-6, id);
            Check("hbd", CompositionDescriptors.LipinskiDonors(g) == e.GetProperty("hbd").GetInt32(), id);
            Check("hba", CompositionDescriptors.LipinskiAcceptors(g) == e.GetProperty("hba").GetInt32(), id);
            Check("rotb", CompositionDescriptors.RotatableBonds(g) == e.GetProperty("rotb").GetInt32(), id);
            Check("rings", RingPerception.RingCount(g) == e.GetProperty("rings").GetInt32(), id);
            Check("arom_rings", RingPerception.AromaticRingCount(g) == e.GetProperty("arom_rings").GetInt32(), id);
            Check("heavy", CompositionDescriptors.HeavyAtoms(g) == e.GetProperty("heavy").GetInt32(), id);
            Check("charge", CompositionDescriptors.FormalCharge(g) == e.GetProperty("charge").GetInt32(), id);
            Check("mw", Math.Abs(MolecularWeight.Average(g) - e.GetProperty("mw").GetDouble()) < 1e-6 || g.Isotope.Any(x => x > 0), id);
            Check("fsp3", Math.Abs(CompositionDescriptors.FractionCsp3(g) - e.GetProperty("fsp3").GetDouble()) < 1e-9, id);
        }
        Assert.True(misses.Count == 0, string.Join("\n", misses.Select(m => $"{m.Key}: {m.Value.Count} of {mols.Count} differ, e.g. {string.Join(", ", m.Value.Take(8))}")));
    }
}
