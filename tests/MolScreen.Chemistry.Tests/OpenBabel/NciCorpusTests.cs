using System.Diagnostics;
using MolScreen.Chemistry.OpenBabel;
using Xunit.Abstractions;

namespace MolScreen.Chemistry.Tests.OpenBabel;

/// <summary>
/// The whole pipeline step (parse, standardize, canonical SMILES, InChIKey, graph) over NCI's first
/// 4,999 compounds (the file's name rounds up) from Debian's rdkit-data (installed by scripts/install-deps.sh), with throughput
/// written to the test output.
/// </summary>
[Collection(OpenBabelCollection.Name)]
public class NciCorpusTests(ITestOutputHelper output)
{
    private const string Path = "/usr/share/RDKit/Data/NCI/first_5K.smi";

    [Fact]
    public void FirstFiveThousandNciCompoundsGoThroughThePipeline()
    {
        Assert.True(File.Exists(Path), $"{Path} missing: run scripts/install-deps.sh (Debian package rdkit-data)");
        var lines = File.ReadAllLines(Path).Where(l => l.Length > 0).ToList();
        var rejects = new List<string>();
        var keys = new HashSet<string>();
        var clock = Stopwatch.StartNew();
        foreach (var line in lines)
        {
            string smiles = line.Split('\t', ' ')[0];
            try
            {
                using var mol = ObMolecule.FromSmiles(smiles);
                mol.Standardize();
                _ = mol.CanonicalSmiles;
                keys.Add(mol.InChIKey);
                var graph = mol.ToGraph();
                Assert.True(graph.AtomCount > 0);
            }
            catch (ChemistryException e)
            {
                rejects.Add($"{smiles}: {e.Message}");
            }
        }
        clock.Stop();
        output.WriteLine($"{lines.Count} records in {clock.Elapsed.TotalSeconds:F2} s: " +
                         $"{lines.Count / clock.Elapsed.TotalSeconds:F0} mol/s, {rejects.Count} rejected");
        foreach (var r in rejects) output.WriteLine(r);

        Assert.Equal(4999, lines.Count);
        // RDKit rejects 6 of these; OpenBabel plus our valence check should be in the same range.
        Assert.InRange(rejects.Count, 0, 50);
        Assert.All(keys, k => Assert.Matches("^[A-Z]{14}-[A-Z]{10}-[A-Z]$", k));
        Assert.True(keys.Count > 4500, $"only {keys.Count} distinct InChIKeys");
    }
}
