using System.Globalization;
using MolScreen.Chemistry;
using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;
using MolScreen.Chemistry.OpenBabel;
using MolScreen.Core.IO;
using MolScreen.Prediction.Features;

namespace MolScreen.Prediction.Data;

/// <summary>Where the training rows came from, recorded in the model directory.</summary>
public sealed record DataOrigin(string File, string Sha256, int RowsRead, int RowsUsed, int RowsUnparsable);

/// <summary>
/// A training CSV turned into model inputs: each SMILES is featurized exactly as the featurize stage does it
/// (so training and screening inputs agree), targets parsed (empty = missing label, masked in training),
/// rows whose structure cannot be read are counted and left out. Targets that are text fail the whole load,
/// naming the row: a mislabelled column is a user error, not noise.
/// </summary>
public sealed class TrainingTable
{
    public required string[] Targets { get; init; }
    public required List<FeatureVector> Inputs { get; init; }
    /// <summary>[row][target], NaN where the label is missing.</summary>
    public required List<float[]> Labels { get; init; }
    public required List<string> Smiles { get; init; }
    public required List<string> Scaffolds { get; init; }
    /// <summary>Each row's structure parsed back from its canonical SMILES, the graph predict rebuilds from a
    /// featurized row's canonical_smiles (so a D-MPNN sees the same graph in training and in screening).</summary>
    public required List<MolScreen.Chemistry.Molecules.MolGraph> Graphs { get; init; }
    public required List<long> RowNumbers { get; init; }
    public required DataOrigin Origin { get; init; }

    public int Count => Inputs.Count;

    public static TrainingTable Load(string path, string smilesColumn, IReadOnlyList<string> targets, Action<string>? log = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such training file");
        if (targets.Count == 0) throw new ArgumentException("no --target column given");
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path}: empty file (no header line)");
        var names = CsvLine.Split(header).Select(h => h.Trim()).ToList();
        int smilesAt = Column(names, smilesColumn, path);
        var targetAt = targets.Select(t => Column(names, t, path)).ToArray();

        var featurizer = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        var table = new TrainingTable
        {
            Targets = targets.ToArray(), Inputs = [], Labels = [], Smiles = [], Scaffolds = [], Graphs = [], RowNumbers = [],
            Origin = null!,
        };
        int read = 0, bad = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            if (line.Length == 0) continue;
            long row = read++;
            var f = CsvLine.Split(line);
            if (f.Count != names.Count)
                throw new InvalidDataException($"{path}: data row {row + 1} has {f.Count} fields, the header has {names.Count}");
            var labels = new float[targetAt.Length];
            for (int t = 0; t < targetAt.Length; t++)
            {
                var text = f[targetAt[t]].Trim();
                if (text.Length == 0) { labels[t] = float.NaN; continue; }
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    throw new InvalidDataException($"{path}: data row {row + 1}, target '{targets[t]}': '{text}' is not a number");
                labels[t] = (float)v;
            }
            if (labels.All(float.IsNaN)) continue;
            var smiles = f[smilesAt].Trim();
            try
            {
                var features = featurizer.Compute("smiles", smiles);
                using var mol = ObMolecule.FromSmiles(features.CanonicalSmiles);
                var graph = mol.ToGraph();
                table.Scaffolds.Add(MurckoScaffold.Key(graph));
                table.Graphs.Add(graph);
                table.Inputs.Add(FeatureVector.FromFeatures(features));
                table.Labels.Add(labels);
                table.Smiles.Add(features.CanonicalSmiles);
                table.RowNumbers.Add(row);
            }
            catch (Exception e) when (e is ChemistryException or InvalidDataException)
            {
                // A few examples say what kind of structures are lost; the count goes in the manifest.
                if (bad++ < 5) log?.Invoke($"data row {row + 1}: skipped ({e.Message})");
            }
        }
        if (read == 0) throw new InvalidDataException($"{path}: no data rows");
        if (table.Count == 0) throw new InvalidDataException($"{path}: none of the {read} rows has a readable structure and a label");
        return new TrainingTable
        {
            Targets = table.Targets, Inputs = table.Inputs, Labels = table.Labels, Smiles = table.Smiles,
            Scaffolds = table.Scaffolds, Graphs = table.Graphs, RowNumbers = table.RowNumbers,
            Origin = new DataOrigin(Path.GetFileName(path), ContentHash.OfFile(path), read, table.Count, bad),
        };
    }

    private static int Column(List<string> names, string wanted, string path)
    {
        int i = names.IndexOf(wanted);
        return i >= 0 ? i : throw new ArgumentException($"{path}: no column '{wanted}' (columns: {string.Join(", ", names)})");
    }
}
