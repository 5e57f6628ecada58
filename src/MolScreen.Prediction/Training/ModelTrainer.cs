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
/// `molscreen train`: load and featurize the CSV, split it (scaffold by default), train K ensemble members (per
/// architecture, for mlp+dmpnn), score the exported ensemble (the C# forward pass that predict uses) on the held-out
/// test part, and write the model directory: weights, manifest with metrics and data origin, domain fingerprints, split file.
/// </summary>
public static class ModelTrainer
{
    public const string SplitFileName = "split.csv";

    public static ModelManifest Train(TrainingOptions o, string outDir, Action<string>? log = null)
    {
        if (o.Ensemble < 1) throw new ArgumentException("--ensemble must be at least 1");
        if (o.Graph.Ensemble is < 1) throw new ArgumentException("--mp-ensemble must be at least 1");
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
        bool combined = o.Architecture == ModelArchitecture.MlpDmpnn;
        // A combined model trains each architecture exactly as its single-architecture model would, on the same split.
        var parts = new List<(ModelArchitecture Arch, Ensemble Ensemble)>();
        if (o.Architecture != ModelArchitecture.Dmpnn)
            parts.Add((ModelArchitecture.Mlp, TrainMlp(o, o.Ensemble, table, train, val, fitted, scaling, refitScaling, outDir, log)));
        if (o.Architecture != ModelArchitecture.Mlp)
        {
            parts.Add((ModelArchitecture.Dmpnn, TrainDmpnn(o, combined ? o.Graph.Ensemble ?? o.Ensemble : o.Ensemble, table, train, val, fitted, scaling, refitScaling, outDir, log)));
        }

        var outputs = o.Targets.Count == 1 ? [o.Name] : o.Targets.Select(t => o.Name + "_" + ColumnSafe(t)).ToArray();
        var domainSet = ApplicabilityDomain.Pack(fitted.Select(i => table.Inputs[i]));
        ApplicabilityDomain.Write(Path.Combine(outDir, ApplicabilityDomain.FileName), domainSet);
        var testInputs = test.Select(i => table.Inputs[i]).ToList();
        var nearest = new float[test.Length];
        new ApplicabilityDomain(domainSet, 0f).MaxSimilarity(testInputs, nearest);
        float threshold = Percentile(nearest, 0.05);

        var testLabels = test.Select(i => table.Labels[i]).ToList();
        var valLabels = val.Select(i => table.Labels[i]).ToList();
        // Per part its ensemble mean and spread; the shipped prediction is their mix (EnsembleStatistics.Mix), the same
        // function predict uses, and it is what the manifest's metrics score.
        var testParts = parts.Select(p => EnsembleStatistics.Combine(p.Ensemble.Shipped(test), test.Length, outputs.Length, o.UsesVarianceHead)).ToList();
        // After a refit the shipped members have seen the validation rows: their honest validation figure is the
        // early-stopped members' one.
        var valParts = parts.Select(p => EnsembleStatistics.Combine(p.Ensemble.EarlyStopped(val), val.Length, outputs.Length, o.UsesVarianceHead)).ToList();
        var (testMean, testStd) = EnsembleStatistics.Mix(testParts);
        var (valMean, valStd) = EnsembleStatistics.Mix(valParts);
        var metrics = ModelEvaluation.ScoreMeans(testMean, testStd, test.Length, testLabels, outputs, o.Task, nearest);
        var validationMetrics = ModelEvaluation.ScoreMeans(valMean, valStd, val.Length, valLabels, outputs, o.Task);
        if (o.WritePredictions)
        {
            EnsemblePredictions.Write(Path.Combine(outDir, EnsemblePredictions.ValidationFile), val, table, valMean, outputs.Length);
            EnsemblePredictions.Write(Path.Combine(outDir, EnsemblePredictions.TestFile), test, table, testMean, outputs.Length);
        }
        foreach (var p in parts) p.Ensemble.Dispose();

        var modelParts = combined
            ? parts.Select((p, j) => new ModelPart(ArchitectureName(p.Arch), p.Ensemble.Files, HiddenOf(o, p.Arch), p.Arch == ModelArchitecture.Dmpnn ? o.Graph.Depth : null,
                p.Ensemble.Epochs, ModelEvaluation.ScoreMeans(testParts[j].Mean, testParts[j].Std, test.Length, testLabels, outputs, o.Task, nearest),
                ModelEvaluation.ScoreMeans(valParts[j].Mean, valParts[j].Std, val.Length, valLabels, outputs, o.Task))).ToArray()
            : null;
        var graphPart = parts.Any(p => p.Arch == ModelArchitecture.Dmpnn);
        var manifest = new ModelManifest
        {
            Name = o.Name, MolscreenVersion = typeof(ModelTrainer).Assembly.GetName().Version?.ToString(3) ?? "0",
            FeatureSpec = combined ? ModelManifest.CombinedFeatureSpec : graphPart ? GraphFeatures.SpecId : FeatureSpec.Id,
            WeightFormat = graphPart && !combined ? DmpnnFile.FormatVersion : MlpFile.FormatVersion,
            Architecture = ArchitectureName(o.Architecture),
            Task = o.Task.ToString().ToLowerInvariant(), Targets = o.Targets.ToArray(), Outputs = outputs,
            Members = parts.SelectMany(p => p.Ensemble.Files).ToArray(), Hidden = HiddenOf(o, parts[0].Arch),
            MessageSteps = graphPart ? o.Graph.Depth : null, Seed = o.Seed,
            Split = new SplitSummary(o.Split.ToString().ToLowerInvariant(), o.Seed, train.Length, val.Length, test.Length, SplitFileName),
            Data = table.Origin, TrainedAt = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1), BestEpochs = parts.SelectMany(p => p.Ensemble.Epochs).ToArray(),
            TestMetrics = metrics, ValidationMetrics = validationMetrics, VarianceHead = o.UsesVarianceHead, Refit = o.Refit, Parts = modelParts,
            ApplicabilityDomain = new DomainSummary("max ECFP4 Tanimoto to the training part", Math.Round(threshold, 4), ApplicabilityDomain.FileName, fitted.Length),
        };
        split.Write(Path.Combine(outDir, SplitFileName), table.RowNumbers, table.Smiles, table.Scaffolds);
        manifest = manifest with { Files = ModelFiles.Checksums(outDir, manifest) };
        JsonFile.Save(Path.Combine(outDir, ModelManifest.FileName), manifest);
        ModelCard.Write(outDir, manifest, o.CommandLine ?? "molscreen train (command not recorded)");
        foreach (var p in modelParts ?? [])
            foreach (var (name, m) in p.ValidationMetrics)
                log?.Invoke($"{p.Architecture} alone: validation {name}: " + string.Join(", ", m.Select(kv => $"{kv.Key} {kv.Value:F3}")));
        foreach (var (name, m) in validationMetrics)
            log?.Invoke($"validation {name}: " + string.Join(", ", m.Select(kv => $"{kv.Key} {kv.Value:F3}")));
        foreach (var (name, m) in metrics)
            log?.Invoke($"test {name}: " + string.Join(", ", m.Select(kv => $"{kv.Key} {kv.Value:F3}")));
        return manifest;
    }

    public static string ArchitectureName(ModelArchitecture a) => a switch
    {
        ModelArchitecture.Mlp => ModelManifest.MlpArchitecture,
        ModelArchitecture.Dmpnn => ModelManifest.DmpnnArchitecture,
        _ => ModelManifest.CombinedArchitecture,
    };

    private static int[] HiddenOf(TrainingOptions o, ModelArchitecture a) => a == ModelArchitecture.Dmpnn ? [o.Graph.Hidden, o.Graph.Ffn] : o.Hidden;

    /// <summary>A trained ensemble as the trainer needs it: member files written, and each member's outputs on rows of the
    /// table, from the shipped (refit) members and from the early-stopped ones.</summary>
    private sealed record Ensemble(string[] Files, int[] Epochs, Func<int[], List<float[]>> Shipped, Func<int[], List<float[]>> EarlyStopped, Action Dispose);

    private static Ensemble TrainMlp(TrainingOptions o, int count, TrainingTable table, int[] train, int[] val, int[] fitted, MlpScaling scaling, MlpScaling refitScaling, string outDir, Action<string>? log)
    {
        var dTrain = DenseInputs.Build(table.Inputs, table.Labels, train, scaling);
        var dVal = DenseInputs.Build(table.Inputs, table.Labels, val, scaling);
        var members = new List<string>();
        var epochs = new List<int>();
        var nets = new List<MlpNetwork>();
        var earlyStopped = new List<MlpNetwork>();
        var dAll = o.Refit && !o.Bootstrap ? DenseInputs.Build(table.Inputs, table.Labels, fitted, refitScaling) : null;
        for (int k = 0; k < count; k++)
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

    private static Ensemble TrainDmpnn(TrainingOptions o, int count, TrainingTable table, int[] train, int[] val, int[] fitted, MlpScaling scaling, MlpScaling refitScaling, string outDir, Action<string>? log)
    {
        var gTrain = GraphRows.Build(table.Graphs, table.Inputs, table.Labels, train, scaling);
        var gVal = GraphRows.Build(table.Graphs, table.Inputs, table.Labels, val, scaling);
        var gAll = o.Refit && !o.Bootstrap ? GraphRows.Build(table.Graphs, table.Inputs, table.Labels, fitted, refitScaling) : null;
        var members = new List<string>();
        var epochs = new List<int>();
        var nets = new List<DmpnnNetwork>();
        var earlyStopped = new List<DmpnnNetwork>();
        for (int k = 0; k < count; k++)
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
