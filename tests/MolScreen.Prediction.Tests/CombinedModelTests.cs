using System.Text.Json.Nodes;
using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;
using MolScreen.Chemistry.Molecules;
using MolScreen.Chemistry.OpenBabel;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using MolScreen.Prediction.Data;
using MolScreen.Prediction.Evaluation;
using MolScreen.Prediction.Features;
using MolScreen.Prediction.Model;
using MolScreen.Prediction.Stage;
using MolScreen.Prediction.Training;

namespace MolScreen.Prediction.Tests;

/// <summary>One small mlp+dmpnn model trained once. Three MLPs against one D-MPNN, so weighting per member instead of per
/// architecture gives a different prediction (the tests check that it does, on these compounds).</summary>
public sealed class ToyCombined : IDisposable
{
    public TempDir Dir { get; } = new();
    public const int Rows = 160;
    public string ModelDir => Dir.Combine("models", "combo");

    public ToyCombined()
    {
        var csv = Synthetic.WriteCsv(Dir.Combine("toy.csv"), limit: Rows, noiseBySize: true);
        ModelTrainer.Train(new TrainingOptions
        {
            DataPath = csv, SmilesColumn = "smiles", Targets = ["value"], Task = OutputKind.Regression, Name = "combo",
            Split = SplitMethod.Random, Ensemble = 3, Seed = 2, Architecture = ModelArchitecture.MlpDmpnn, WritePredictions = true,
            Hidden = [16], MaxEpochs = 6, LearningRate = 3e-3,
            Graph = new DmpnnSettings { Hidden = 32, Depth = 2, Ffn = 16, Dropout = 0, MaxEpochs = 6, Ensemble = 1 },
        }, ModelDir);
    }

    public void Dispose() => Dir.Dispose();
}

public class CombinedModelTests(ToyCombined toy) : IClassFixture<ToyCombined>
{
    private static (List<FeatureVector> Inputs, List<MolGraph> Graphs) Compounds(IEnumerable<string> smiles)
    {
        var f = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        var features = smiles.Select(s => f.Compute("smiles", s)).ToList();
        var graphs = features.Select(x => { using var mol = ObMolecule.FromSmiles(x.CanonicalSmiles); return mol.ToGraph(); }).ToList();
        return (features.Select(FeatureVector.FromFeatures).ToList(), graphs);
    }

    private static (List<FeatureVector> Inputs, List<MolGraph> Graphs) Sample() =>
        Compounds(Synthetic.Rows().Take(ToyCombined.Rows).Where((_, i) => i % 3 == 0).Select(r => r.Smiles).Concat(["CCCCCCCCCCO", "c1ccc2ccccc2c1C#N"]));

    private string CopyModel(string name)
    {
        var dir = toy.Dir.Combine("copies", name);
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.GetFiles(toy.ModelDir)) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        return dir;
    }

    [Fact]
    public void ManifestListsBothPartsAndItsTestMetricsAreTheCombinedPredictionsOnTheTestRows()
    {
        var m = JsonFile.TryLoad<ModelManifest>(Path.Combine(toy.ModelDir, ModelManifest.FileName))!;
        Assert.Equal("mlp+dmpnn", m.Architecture);
        Assert.Equal(ModelManifest.CombinedFeatureSpec, m.FeatureSpec);
        Assert.Equal(["member-0.mlp", "member-1.mlp", "member-2.mlp", "member-0.dmpnn"], m.Members);
        var parts = m.Parts!;
        Assert.Equal(["mlp", "dmpnn"], parts.Select(p => p.Architecture));
        Assert.Equal([16], parts[0].Hidden);
        Assert.Equal([32, 16], parts[1].Hidden);
        Assert.Equal(4, m.BestEpochs.Length);

        // predictions-test.csv holds the shipped model's means on the test rows: the manifest's RMSE must be theirs,
        // not either part's.
        var written = EnsemblePredictions.Read(Path.Combine(toy.ModelDir, EnsemblePredictions.TestFile));
        Assert.Equal(m.Split.Test, written.Count);
        double rmse = Metrics.Rmse(written.Values.Select(v => v.Labels[0]).ToArray(), written.Values.Select(v => v.Predictions[0]).ToArray());
        Assert.Equal(Math.Round(rmse, 4), m.TestMetrics["combo"]["rmse"], 4);
        Assert.Contains("spearman_std_vs_abs_error", m.TestMetrics["combo"].Keys);
        Assert.NotEqual(parts[0].TestMetrics["combo"]["rmse"], m.TestMetrics["combo"]["rmse"]);
        Assert.NotEqual(parts[1].TestMetrics["combo"]["rmse"], m.TestMetrics["combo"]["rmse"]);

        // And the reloaded model predicts exactly those values.
        var source = Synthetic.Rows().Take(ToyCombined.Rows).ToList();
        var rows = written.Keys.Order().ToList();
        var (inputs, graphs) = Compounds(rows.Select(r => source[(int)r].Smiles));
        var p = PropertyModel.Load(toy.ModelDir).Predict(inputs, graphs: graphs);
        for (int i = 0; i < rows.Count; i++) Assert.Equal(written[rows[i]].Predictions[0], p.Mean[i]);
        Assert.Contains("mlp+dmpnn", File.ReadAllText(Path.Combine(toy.ModelDir, ModelCard.FileName)));
    }

    [Fact]
    public void PredictionIsTheMeanOfTheTwoEnsembleMeansAndStdTheirMixtureSpread()
    {
        var model = PropertyModel.Load(toy.ModelDir);
        Assert.Equal((3, 1), (model.Members.Count, model.GraphMembers.Count));
        var (inputs, graphs) = Sample();
        int n = inputs.Count;
        var p = model.Predict(inputs, graphs: graphs);

        // Each part recomputed from its member files alone, with the arithmetic written out here.
        var mlps = new[] { "member-0.mlp", "member-1.mlp", "member-2.mlp" }.Select(f => MlpFile.Read(Path.Combine(toy.ModelDir, f), FeatureSpec.Id))
            .Select(net => { var o = new float[n * 2]; net.Forward(inputs, o); return o; }).ToList();
        using var dmpnn = DmpnnFile.Read(Path.Combine(toy.ModelDir, "member-0.dmpnn"), Graph.GraphFeatures.SpecId);
        var g = new float[n * 2];
        dmpnn.Forward(graphs, inputs, g);
        static double Noise(float logVar) => Math.Exp(Math.Clamp(logVar, EnsembleStatistics.MinLogVariance, EnsembleStatistics.MaxLogVariance));
        int perMemberDiffers = 0;
        for (int i = 0; i < n; i++)
        {
            double mlpMean = mlps.Average(o => (double)o[2 * i]);
            double mlpVar = mlps.Average(o => (o[2 * i] - mlpMean) * (o[2 * i] - mlpMean) + Noise(o[2 * i + 1]));
            double gMean = g[2 * i], gVar = Noise(g[2 * i + 1]);
            double expected = (mlpMean + gMean) / 2;
            double expectedStd = Math.Sqrt((mlpVar + gVar) / 2 + (mlpMean - gMean) * (mlpMean - gMean) / 4);
            Assert.True(Math.Abs(p.Mean[i] - expected) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"compound {i}: {p.Mean[i]} vs {expected}");
            Assert.True(Math.Abs(p.Std[i] - expectedStd) <= 1e-5 * Math.Max(1, expectedStd), $"compound {i}: std {p.Std[i]} vs {expectedStd}");
            double pooled = (mlps.Sum(o => (double)o[2 * i]) + gMean) / 4;
            if (Math.Abs(pooled - expected) > 1e-3) perMemberDiffers++;
        }
        // The check above has teeth: averaging all four members alike would have missed it on most compounds.
        Assert.True(perMemberDiffers > n / 2, $"per-member weighting differs on only {perMemberDiffers} of {n} compounds");
    }

    [Fact]
    public void CpuAndIlgpuPathsAgreeWithin1e4()
    {
        var model = PropertyModel.Load(toy.ModelDir);
        var (inputs, graphs) = Sample();
        using var gpu = new GpuEnsemble(model.Members, preferGpu: false);
        using var graphGpu = new GpuGraphEnsemble(model.GraphMembers, preferGpu: false);
        Assert.False(gpu.IsGpu || graphGpu.IsGpu);
        var cpu = model.Predict(inputs, graphs: graphs);
        var kernels = model.Predict(inputs, gpu: gpu, graphs: graphs, graphGpu: graphGpu);
        for (int i = 0; i < cpu.Mean.Length; i++)
        {
            Assert.True(Math.Abs(cpu.Mean[i] - kernels.Mean[i]) <= 1e-4, $"mean {i}: {cpu.Mean[i]} vs {kernels.Mean[i]}");
            Assert.True(Math.Abs(cpu.Std[i] - kernels.Std[i]) <= 1e-4, $"std {i}: {cpu.Std[i]} vs {kernels.Std[i]}");
        }
        Assert.Equal(cpu.InDomain, kernels.InDomain);
        Assert.True(cpu.Mean.Distinct().Count() > inputs.Count / 2);
        Assert.Contains("molecular graph", Assert.Throws<ArgumentException>(() => model.Predict(inputs, gpu: gpu)).Message);
    }

    [Theory]
    [InlineData("member-2.mlp")]
    [InlineData("member-0.dmpnn")]
    public void AMissingOrCorruptMemberFailsNamingTheFile(string member)
    {
        var dir = CopyModel("broken-" + member);
        var path = Path.Combine(dir, member);
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        var missing = Assert.Throws<InvalidDataException>(() => PropertyModel.Load(dir));
        Assert.Contains(member, missing.Message);
        Assert.Contains("missing", missing.Message);
        var flipped = bytes.ToArray();
        flipped[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(path, flipped);
        var corrupt = Assert.Throws<InvalidDataException>(() => PropertyModel.Load(dir));
        Assert.Contains(member, corrupt.Message);
        Assert.Contains("corrupt", corrupt.Message);
        File.WriteAllBytes(path, bytes);
        Assert.Equal(4, PropertyModel.Load(dir).Manifest.Members.Length);
    }

    private static void EditManifest(string dir, Action<JsonNode> edit)
    {
        var path = Path.Combine(dir, ModelManifest.FileName);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    [Fact]
    public void AnotherFeatureSpecOrAManifestWhosePartsDisagreeIsRefused()
    {
        var dir = CopyModel("spec");
        // A combined model labelled with one part's spec only (or an older combined spec) is not what this MolScreen computes.
        EditManifest(dir, j => j["feature_spec"] = FeatureSpec.Id);
        Assert.Contains($"trained on features '{FeatureSpec.Id}'", Assert.Throws<InvalidDataException>(() => PropertyModel.Load(dir)).Message);
        EditManifest(dir, j => j["feature_spec"] = ModelManifest.CombinedFeatureSpec.Replace("dmpnn-graph/v1", "dmpnn-graph/v0"));
        Assert.Contains("trained on features", Assert.Throws<InvalidDataException>(() => PropertyModel.Load(dir)).Message);
        EditManifest(dir, j => j["feature_spec"] = ModelManifest.CombinedFeatureSpec);
        Assert.NotNull(PropertyModel.Load(dir));

        // Members that are not the parts' members in order, a missing part, an unknown architecture.
        EditManifest(dir, j => j["members"] = new JsonArray("member-0.mlp", "member-1.mlp", "member-0.dmpnn"));
        Assert.Contains("'members' must be", Assert.Throws<InvalidDataException>(() => PropertyModel.Load(dir)).Message);
        EditManifest(dir, j => { j["members"] = new JsonArray("member-0.mlp", "member-1.mlp", "member-2.mlp", "member-0.dmpnn"); j["parts"]!.AsArray().RemoveAt(1); });
        Assert.Contains("exactly one 'dmpnn' part", Assert.Throws<InvalidDataException>(() => PropertyModel.Load(dir)).Message);
        EditManifest(dir, j => j["architecture"] = "mlp+gnn");
        Assert.Contains("unknown architecture 'mlp+gnn'", Assert.Throws<InvalidDataException>(() => PropertyModel.Load(dir)).Message);
    }

    [Fact]
    public async Task PredictStageWritesTheCombinedPrediction()
    {
        using var dir = new TempDir();
        var f = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        var rows = new FeatureRows();
        var smiles = Synthetic.Rows().Take(10).Select(r => r.Smiles).ToList();
        for (int i = 0; i < smiles.Count; i++) rows.Add($"lib:{i}", null, f.Compute("smiles", smiles[i]));
        await using (var w = await TableWriter.CreateAsync(dir.Combine("feat.parquet"), FeatureRows.Schema))
        {
            await w.WriteRowGroupAsync(rows.ToColumns());
            await w.CommitAsync();
        }
        var ctx = new ShardContext("predict", 0, 1, StageParameters.Defaults(new PredictStage().Parameters).With([new("models", new[] { toy.ModelDir })]), 0,
            new RejectSink(), CancellationToken.None);
        var r = await new PredictStage().RunShardAsync(ctx, dir.Combine("feat.parquet"), dir.Combine("pred.parquet"));
        Assert.Equal((10L, 10L), (r.RecordsIn, r.RecordsOut));
        await using var reader = await TableReader.OpenAsync(dir.Combine("pred.parquet"));
        var cols = await reader.ReadRowGroupAsync(0, "combo_pred", "combo_std");
        var (inputs, graphs) = Compounds(smiles);
        var expected = PropertyModel.Load(toy.ModelDir).Predict(inputs, graphs: graphs);
        var (pred, std) = ((float[])cols[0].Values, (float[])cols[1].Values);
        for (int i = 0; i < smiles.Count; i++)
        {
            Assert.True(Math.Abs(expected.Mean[i] - pred[i]) <= 1e-5, $"{i}: {pred[i]} vs {expected.Mean[i]}");
            Assert.True(Math.Abs(expected.Std[i] - std[i]) <= 1e-5, $"{i}: std {std[i]} vs {expected.Std[i]}");
        }
    }
}
