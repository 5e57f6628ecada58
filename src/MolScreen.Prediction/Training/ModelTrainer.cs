using System.Diagnostics;
using System.Globalization;
using MolScreen.Core.IO;
using MolScreen.Prediction.Data;
using MolScreen.Prediction.Evaluation;
using MolScreen.Prediction.Features;
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
        var dTrain = DenseInputs.Build(table.Inputs, table.Labels, train, scaling);
        var dVal = DenseInputs.Build(table.Inputs, table.Labels, val, scaling);
        Directory.CreateDirectory(outDir);
        var members = new List<string>();
        var epochs = new List<int>();
        var nets = new List<MlpNetwork>();
        var earlyStopped = new List<MlpNetwork>();
        // The refit sees train + validation, so it is scaled on them; the test part stays unseen either way.
        int[] fitted = o.Refit ? [.. train, .. val] : train;
        var refitScaling = o.Refit ? MlpScaling.Fit(table.Inputs, table.Labels, fitted, o.Task) : scaling;
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
            FeatureSpec = FeatureSpec.Id, WeightFormat = MlpFile.FormatVersion,
            Task = o.Task.ToString().ToLowerInvariant(), Targets = o.Targets.ToArray(), Outputs = outputs,
            Members = members.ToArray(), Hidden = o.Hidden, Seed = o.Seed,
            Split = new SplitSummary(o.Split.ToString().ToLowerInvariant(), o.Seed, train.Length, val.Length, test.Length, SplitFileName),
            Data = table.Origin, TrainedAt = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            TrainingSeconds = 0, BestEpochs = epochs.ToArray(), TestMetrics = [],
            ApplicabilityDomain = new DomainSummary("max ECFP4 Tanimoto to the training part", Math.Round(threshold, 4), ApplicabilityDomain.FileName, fitted.Length),
        };
        var model = new ModelEvaluation(nets, o.Task, o.UsesVarianceHead);
        var metrics = model.Score(testInputs, test.Select(i => table.Labels[i]).ToList(), outputs, nearest);
        // After a refit the shipped members have seen the validation rows: their honest validation figure is the
        // early-stopped members' one.
        var validationMetrics = new ModelEvaluation(earlyStopped, o.Task, o.UsesVarianceHead)
            .Score(val.Select(i => table.Inputs[i]).ToList(), val.Select(i => table.Labels[i]).ToList(), outputs);
        split.Write(Path.Combine(outDir, SplitFileName), table.RowNumbers, table.Smiles, table.Scaffolds);
        var manifest = manifestStub with { TestMetrics = metrics, ValidationMetrics = validationMetrics, VarianceHead = o.UsesVarianceHead, Refit = o.Refit, TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1) };
        JsonFile.Save(Path.Combine(outDir, ModelManifest.FileName), manifest);
        ModelCard.Write(outDir, manifest, o.CommandLine ?? "molscreen train (command not recorded)");
        foreach (var (name, m) in metrics)
            log?.Invoke($"test {name}: " + string.Join(", ", m.Select(kv => $"{kv.Key} {kv.Value:F3}")));
        return manifest;
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
