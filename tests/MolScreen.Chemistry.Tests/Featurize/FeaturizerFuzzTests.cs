using System.Diagnostics;
using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;
using MolScreen.Chemistry.Tests.Descriptors;
using Xunit.Abstractions;

namespace MolScreen.Chemistry.Tests.Featurize;

/// <summary>
/// Hostile input through the whole featurizer (Open Babel, our descriptors, SMARTS, ECFP4): a corpus of
/// known-bad molecules and 100k deterministic mutations of the NCI SMILES. Nothing may escape except
/// ChemistryException with a reason, and nothing may take pathologically long.
/// </summary>
[Collection("OpenBabel")]
public class FeaturizerFuzzTests(ITestOutputHelper output)
{
    private static readonly Featurizer Featurizer = new(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);

    public static IEnumerable<object[]> Corpus =>
    [
        ["C1CCCC"], ["C(C)(C)(C)(C)C"], ["c1cccc1"], ["n1cccc1"], ["[Fe+2].[Cl-].[Cl-]"], ["[13CH4]"], ["[2H]OC([2H])([2H])[2H]"],
        [""], ["*C"], ["[Na+].[Cl-]"], ["C" + string.Concat(Enumerable.Repeat("C", 498)) + "1CC1"], ["C1" + string.Concat(Enumerable.Repeat("C", 498)) + "1"],
        ["[U]"], ["[Og]"], ["C=C=C=C=C=C"], ["[C-]#[O+]"], ["O=[N+]([O-])c1ccccc1"], ["F[Si-2](F)(F)(F)(F)F"], ["[Pt](Cl)(Cl)(N)N"], ["c1ccc2c(c1)c1ccccc1c1ccccc21"],
    ];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void BadOrOddMoleculesGiveFeaturesOrAReason(string smiles)
    {
        try
        {
            var f = Featurizer.Compute("smiles", smiles);
            Assert.Equal(256, f.Ecfp4.Length);
            Assert.False(double.IsNaN(f.MolecularWeight) || double.IsNaN(f.CLogP) || double.IsNaN(f.Tpsa));
        }
        catch (ChemistryException e) { Assert.False(string.IsNullOrWhiteSpace(e.Message)); }
    }

    [Fact]
    public void HundredThousandMutatedSmilesNeverEscape()
    {
        Assert.True(RdkitOracle.Available, "rdkit-data is needed (scripts/install-deps.sh)");
        var seeds = File.ReadLines(RdkitOracle.Nci5k).Select(l => l.Split('\t')[0]).ToList();
        const string alphabet = "CNOSPFIclnos()[]=#@+-123456789%.*/\\HBrZ";
        var rng = new Random(7);
        int ok = 0, rejected = 0;
        var slowest = (Ms: 0.0, Smiles: "");
        var reasons = new Dictionary<string, int>();
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < 100_000; i++)
        {
            var chars = seeds[rng.Next(seeds.Count)].ToList();
            for (int m = rng.Next(1, 4); m > 0 && chars.Count > 0; m--)
            {
                int at = rng.Next(chars.Count);
                switch (rng.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[rng.Next(alphabet.Length)]); break;
                    default: chars[at] = alphabet[rng.Next(alphabet.Length)]; break;
                }
            }
            var smiles = new string(chars.ToArray());
            var t0 = sw.Elapsed.TotalMilliseconds;
            try { Featurizer.Compute("smiles", smiles); ok++; }
            catch (ChemistryException e)
            {
                rejected++;
                var key = e.Message.Split(':')[0];
                reasons[key] = reasons.GetValueOrDefault(key) + 1;
            }
            var ms = sw.Elapsed.TotalMilliseconds - t0;
            if (ms > slowest.Ms) slowest = (ms, smiles);
        }
        output.WriteLine($"100000 mutated SMILES in {sw.Elapsed.TotalSeconds:F1} s: {ok} featurized, {rejected} rejected; slowest {slowest.Ms:F0} ms ({slowest.Smiles})");
        foreach (var (k, v) in reasons.OrderByDescending(x => x.Value).Take(8)) output.WriteLine($"  {v,6} {k}");
        Assert.Equal(100_000, ok + rejected);
        Assert.True(slowest.Ms < 5_000, $"one molecule took {slowest.Ms:F0} ms: {slowest.Smiles}");
    }

    [Fact]
    public void TwentyThousandMutatedMolblocksNeverEscape()
    {
        const string sdf = "/usr/share/RDKit/Data/NCI/first_200.props.sdf";
        Assert.True(File.Exists(sdf), "rdkit-data is needed (scripts/install-deps.sh)");
        var blocks = File.ReadAllText(sdf).Split("$$$$\n").Where(b => b.Contains("M  END")).Select(b => b[..(b.IndexOf("M  END", StringComparison.Ordinal) + 6)]).ToList();
        const string alphabet = "0123456789 .-CNOSHX+\n";
        var rng = new Random(11);
        int ok = 0, rejected = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var chars = blocks[rng.Next(blocks.Count)].ToCharArray().ToList();
            for (int m = rng.Next(1, 4); m > 0; m--)
            {
                int at = rng.Next(chars.Count);
                if (rng.Next(2) == 0) chars[at] = alphabet[rng.Next(alphabet.Length)]; else chars.RemoveAt(at);
            }
            try { Featurizer.Compute("molblock", new string(chars.ToArray())); ok++; }
            catch (ChemistryException e) { rejected++; Assert.False(string.IsNullOrWhiteSpace(e.Message)); }
        }
        output.WriteLine($"20000 mutated molblocks: {ok} featurized, {rejected} rejected");
        Assert.Equal(20_000, ok + rejected);
    }
}
