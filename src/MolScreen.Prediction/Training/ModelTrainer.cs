using System.Diagnostics;
using System.Globalization;
using MolScreen.Core.IO;
using MolScreen.Prediction.Data;
using MolScreen.Prediction.Evaluation;
using MolScreen.Prediction.Features;
using MolScreen.Prediction.Graph;
using MolScreen.Prediction.Model;

namespace MolScreen.Prediction.Training;

/// <summary>
/// `molscreen train`: load and featurize the CSV, split it (scaffold by default), train K ensemble members,
/// score the exported ensemble (the C# forward pass that predict uses) on the held-out test part, and write
/// the model directory: weights, manifest with metrics and data origin, domain fingerprints, split file.
/// </summary>
public static class ModelTrainer
{
    public const string SplitFileName = "split.csv";

    public static ModelManifest Train(TrainingOptions o, string outDir, Action<string>? log = null)
    {
        if (o.Ensemble < 1) throw new ArgumentException("--ensemble must be at least 1");
        var clock = Stopwatch.StartNew();
        var table = TrainingTable.Load(o.DataPath, o.SmilesColumn, o.Targets, log);
        log?.Invoke($"{table.Origin.File}: {table.Origin.RowsRead} rows, {table.Count} usable, {table.Origin.RowsUnparsable} unreadable structures");
        if (o.Task == OutputKind.Classification)
            foreach (var bad in table.Labels.SelectMany((l, i) => l.Select((v, t) => (v, i, t))).Where(x => !float.IsNaN(x.v) && x.v != 0f && x.v != 1f).Take(1))
                throw new InvalidDataException($"{o.DataPath}: data row {table.RowNumbers[bad.i] + 1}, target '{o.Targets[bad.t]}': classification labels must be 0 or 1, got {bad.v}");
        var split = DataSplit.Create(table.Scaffolds, o.Split, o.Seed);
        int[] train = split.Indices(SplitPart.Train), val = split.Indices(SplitPart.Validation), test = split.Indices(SplitPart.Test);
        log?.Invoke($"{o.Split.ToString().ToLowerInvariant()} split (seed {o.Seed}): train {train.Length}, validation {val.Length}, test {test.Length}");

        var scaling = MlpScaling.Fit(table.Inputs, table.Labels, train, o.Task);
        Directory.CreateDirectory(outDir);
        // The refit sees train + validation, so it is scaled on them; the test part stays unseen either way.
        int[] fitted = o.Refit ? [.. train, .. val] : train;
        var refitScaling = o.Refit ? MlpScaling.Fit(table.Inputs, table.Labels, fitted, o.Task) : scaling;
        var ensemble = o.Architecture == ModelArchitecture.Dmpnn
            ? TrainDmpnn(o, table, train, val, fitted, scaling, refitScaling, outDir, log)
            : TrainMlp(o, table, train, val, fitted, scaling, refitScaling, outDir, log);

        var outputs = o.Targets.Count == 1 ? [o.Name] : o.Targets.Select(t => o.Name + "_" + ColumnSafe(t)).ToArray();
        var domainSet = ApplicabilityDomain.Pack(fitted.Select(i => table.Inputs[i]));
        ApplicabilityDomain.Write(Path.Combine(outDir, ApplicabilityDomain.FileName), domainSet);
        var testInputs = test.Select(i => table.Inputs[i]).ToList();
        var nearest = new float[test.Length];
        new ApplicabilityDomain(domainSet, 0f).MaxSimilarity(testInputs, nearest);
        float threshold = Percentile(nearest, 0.05);

        var manifestStub = new ModelManifest
        {
            Name = o.Name, MolscreenVersion = typeof(ModelTrainer).Assembly.GetName().Version?.ToString(3) ?? "0",
            FeatureSpec = o.Architecture == ModelArchitecture.Dmpnn ? GraphFeatures.SpecId : FeatureSpec.Id,
            WeightFormat = o.Architecture == ModelArchitecture.Dmpnn ? DmpnnFile.FormatVersion : MlpFile.FormatVersion,
            Architecture = o.Architecture == ModelArchitecture.Dmpnn ? ModelManifest.DmpnnArchitecture : ModelManifest.MlpArchitecture,
            Task = o.Task.ToString().ToLowerInvariant(), Targets = o.Targets.ToArray(), Outputs = outputs,
            Members = ensemble.Files, Hidden = o.Architecture == ModelArchitecture.Dmpnn ? [o.Graph.Hidden, o.Graph.Ffn] : o.Hidden,
            MessageSteps = o.Architecture == ModelArchitecture.Dmpnn ? o.Graph.Depth : null, Seed = o.Seed,
            Split = new SplitSummary(o.Split.ToString().ToLowerInvariant(), o.Seed, train.Length, val.Length, test.Length, SplitFileName),
            Data = table.Origin, TrainedAt = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            TrainingSeconds = 0, BestEpochs = ensemble.Epochs, TestMetrics = [],
            ApplicabilityDomain = new DomainSummary("max ECFP4 Tanimoto to the training part", Math.Round(threshold, 4), ApplicabilityDomain.FileName, fitted.Length),
        };
        var testPreds = ensemble.Shipped(test);
        var metrics = ModelEvaluation.Score(testPreds, test.Length, test.Select(i => table.Labels[i]).ToList(), outputs, o.Task, o.UsesVarianceHead, nearest);
        // After a refit the shipped members have seen the validation rows: their honest validation figure is the
        // early-stopped members' one.
        var valPreds = ensemble.EarlyStopped(val);
        var validationMetrics = ModelEvaluation.Score(valPreds, val.Length, val.Select(i => table.Labels[i]).ToList(), outputs, o.Task, o.UsesVarianceHead);
        if (o.WritePredictions)
        {
            EnsemblePredictions.Write(Path.Combine(outDir, EnsemblePredictions.ValidationFile), val, table, valPreds, outputs.Length, o.UsesVarianceHead);
            EnsemblePredictions.Write(Path.Combine(outDir, EnsemblePredictions.TestFile), test, table, testPreds, outputs.Length, o.UsesVarianceHead);
        }
        ensemble.Dispose();
        split.Write(Path.Combine(outDir, SplitFileName), table.RowNumbers, table.Smiles, table.Scaffolds);
        var manifest = manifestStub with { TestMetrics = metrics, ValidationMetrics = validationMetrics, VarianceHead = o.UsesVarianceHead, Refit = o.Refit, TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1) };
        JsonFile.Save(Path.Combine(outDir, ModelManifest.FileName), manifest);
        ModelCard.Write(outDir, manifest, o.CommandLine ?? "molscreen train (command not recorded)");
        foreach (var (name, m) in metrics)
            log?.Invoke($"test {name}: " + string.Join(", ", m.Select(kv => $"{kv.Key} {kv.Value:F3}")));
        return manifest;
    }

    /// <summary>A trained ensemble as the trainer needs it: member files written, and each member's outputs on rows of the
    /// table, from the shipped (refit) members and from the early-stopped ones.</summary>
    private sealed record Ensemble(string[] Files, int[] Epochs, Func<int[], List<float[]>> Shipped, Func<int[], List<float[]>> EarlyStopped, Action Dispose);

    private static Ensemble TrainMlp(TrainingOptions o, TrainingTable table, int[] train, int[] val, int[] fitted, MlpScaling scaling, MlpScaling refitScaling, string outDir, Action<string>? log)
    {
        var dTrain = DenseInputs.Build(table.Inputs, table.Labels, train, scaling);
        var dVal = DenseInputs.Build(table.Inputs, table.Labels, val, scaling);
        var members = new List<string>();
        var epochs = new List<int>();
        var nets = new List<MlpNetwork>();
        var earlyStopped = new List<MlpNetwork>();
        var dAll = o.Refit && !o.Bootstrap ? DenseInputs.Build(table.Inputs, table.Labels, fitted, refitScaling) : null;
        for (int k = 0; k < o.Ensemble; k++)
        {
            int memberSeed = o.Seed * 1000 + k;
            var r = MlpTrainer.Train(o.Bootstrap ? DenseInputs.Build(table.Inputs, table.Labels, Resample(train, memberSeed), scaling) : dTrain,
                dVal, scaling, o, memberSeed, log);
            earlyStopped.Add(r.Network);
            var net = !o.Refit ? r.Network
                : MlpTrainer.Refit(dAll ?? DenseInputs.Build(table.Inputs, table.Labels, Resample(fitted, memberSeed), refitScaling),
                    refitScaling, o, memberSeed, r.BestEpoch, log).Network;
            var file = $"member-{k}.mlp";
            MlpFile.Write(Path.Combine(outDir, file), net);
            members.Add(file);
            epochs.Add(r.BestEpoch);
            nets.Add(net);
        }
        List<float[]> Run(List<MlpNetwork> set, int[] rows)
        {
            var inputs = rows.Select(i => table.Inputs[i]).ToList();
            return set.Select(m => { var p = new float[rows.Length * m.Outputs]; m.Forward(inputs, p); return p; }).ToList();
        }
        return new Ensemble(members.ToArray(), epochs.ToArray(), rows => Run(nets, rows), rows => Run(earlyStopped, rows), () => { });
    }

    private static Ensemble TrainDmpnn(TrainingOptions o, TrainingTable table, int[] train, int[] val, int[] fitted, MlpScaling scaling, MlpScaling refitScaling, string outDir, Action<string>? log)
    {
        var gTrain = GraphRows.Build(table.Graphs, table.Inputs, table.Labels, train, scaling);
        var gVal = GraphRows.Build(table.Graphs, table.Inputs, table.Labels, val, scaling);
        var gAll = o.Refit && !o.Bootstrap ? GraphRows.Build(table.Graphs, table.Inputs, table.Labels, fitted, refitScaling) : null;
        var members = new List<string>();
        var epochs = new List<int>();
        var nets = new List<DmpnnNetwork>();
        var earlyStopped = new List<DmpnnNetwork>();
        for (int k = 0; k < o.Ensemble; k++)
        {
            int memberSeed = o.Seed * 1000 + k;
            var r = DmpnnTrainer.Train(o.Bootstrap ? GraphRows.Build(table.Graphs, table.Inputs, table.Labels, Resample(train, memberSeed), scaling) : gTrain,
                gVal, scaling, o, memberSeed, 0, log);
            earlyStopped.Add(r.Network);
            var net = !o.Refit ? r.Network
                : DmpnnTrainer.Train(gAll ?? GraphRows.Build(table.Graphs, table.Inputs, table.Labels, Resample(fitted, memberSeed), refitScaling),
                    null, refitScaling, o, memberSeed, Math.Max(1, r.BestEpoch), log).Network;
            var file = $"member-{k}.dmpnn";
            DmpnnFile.Write(Path.Combine(outDir, file), net);
            members.Add(file);
            epochs.Add(r.BestEpoch);
            nets.Add(net);
        }
        List<float[]> Run(List<DmpnnNetwork> set, int[] rows)
        {
            var graphs = rows.Select(i => table.Graphs[i]).ToList();
            var inputs = rows.Select(i => table.Inputs[i]).ToList();
            return set.Select(m => { var p = new float[rows.Length * m.Outputs]; m.Forward(graphs, inputs, p); return p; }).ToList();
        }
        return new Ensemble(members.ToArray(), epochs.ToArray(), rows => Run(nets, rows), rows => Run(earlyStopped, rows),
            () => { foreach (var n in nets.Concat(earlyStopped).Distinct()) n.Dispose(); });
    }

    /// <summary>A bootstrap sample of the training rows (same size, drawn with replacement), seeded per member.</summary>
    private static int[] Resample(int[] rows, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, rows.Length).Select(_ => rows[rng.Next(rows.Length)]).ToArray();
    }

    /// <summary>tox21's "NR-AR" becomes the column-safe "nr_ar".</summary>
    public static string ColumnSafe(string target) =>
        new string(target.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    private static float Percentile(float[] v, double q)
    {
        if (v.Length == 0) return 0f;
        var s = v.Order().ToArray();
        return s[(int)Math.Floor(q * (s.Length - 1))];
    }
}
