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
using MolScreen.Prediction.Graph;
using MolScreen.Prediction.Model;
using MolScreen.Prediction.Stage;
using MolScreen.Prediction.Training;

namespace MolScreen.Prediction.Tests;

/// <summary>One small D-MPNN model trained once for the tests that only read it.</summary>
public sealed class ToyDmpnn : IDisposable
{
    public TempDir Dir { get; } = new();
    public string Csv { get; }
    public string ModelDir => Dir.Combine("models", "toy");

    public ToyDmpnn()
    {
        Csv = Synthetic.WriteCsv(Dir.Combine("toy.csv"), limit: 160);
        ModelTrainer.Train(new TrainingOptions
        {
            DataPath = Csv, SmilesColumn = "smiles", Targets = ["value"], Task = OutputKind.Regression, Name = "toy",
            Split = SplitMethod.Random, Ensemble = 2, Seed = 1, Architecture = ModelArchitecture.Dmpnn, WritePredictions = true,
            Graph = new DmpnnSettings { Hidden = 32, Depth = 2, Ffn = 16, Dropout = 0, MaxEpochs = 6 }, LearningRate = 3e-3,
        }, ModelDir);
    }

    public void Dispose() => Dir.Dispose();
}

public class DmpnnTests(ToyDmpnn toy) : IClassFixture<ToyDmpnn>
{
    private static MolGraph GraphOf(string smiles)
    {
        using var mol = ObMolecule.FromSmiles(smiles);
        return mol.ToGraph();
    }

    [Fact]
    public void BatchOfEthanolAndAcetonitrileHasTwoDirectedEdgesPerBondWithTheirReverses()
    {
        var b = GraphBatch.Build([GraphOf("CCO"), GraphOf("CC#N")]);
        Assert.Equal((2, 6, 8), (b.Molecules, b.Atoms, b.Edges));
        Assert.Equal([0L, 0, 0, 1, 1, 1], b.AtomMolecule);
        Assert.Equal([3f, 3f], b.AtomCounts);
        // Each bond gives the pair (2b, 2b+1), one per direction: each edge's reverse is its pair partner.
        Assert.Equal([1L, 0, 3, 2, 5, 4, 7, 6], b.Reverse);
        for (int e = 0; e < b.Edges; e++)
        {
            Assert.Equal(b.Source[e], b.Target[b.Reverse[e]]);
            Assert.Equal(b.Target[e], b.Source[b.Reverse[e]]);
        }
        // The second molecule's atoms are offset by the first's three: chains 0-1-2 and 3-4-5.
        var bonds = Enumerable.Range(0, b.Edges).Where(e => e % 2 == 0).Select(e => (Math.Min(b.Source[e], b.Target[e]), Math.Max(b.Source[e], b.Target[e]))).Order().ToList();
        Assert.Equal([(0L, 1L), (1L, 2L), (3L, 4L), (4L, 5L)], bonds);

        int aw = GraphFeatures.AtomWidth, ew = GraphBatch.EdgeWidth;
        // An edge's input is its source atom's features followed by the bond's.
        for (int e = 0; e < b.Edges; e++)
            Assert.Equal(b.AtomFeatures.AsSpan((int)b.Source[e] * aw, aw).ToArray(), b.EdgeFeatures.AsSpan(e * ew, aw).ToArray());
        int tripleEdge = Enumerable.Range(0, b.Edges).Single(e => e % 2 == 0 && b.EdgeFeatures[e * ew + aw + 2] == 1f);
        Assert.Equal([0f, 0f, 1f, 0f, 0f, 0f], b.EdgeFeatures.AsSpan(tripleEdge * ew + aw, GraphFeatures.BondWidth).ToArray()); // triple, not conjugated, not in ring
        var acetonitrile = GraphOf("CC#N");
        Assert.Equal([2, 0, 0], Enumerable.Range(0, 3).Select(a => GraphFeatures.Hybridization(acetonitrile, a)).ToArray()); // sp3, sp, sp
        // Atom features: one-hot blocks each hold exactly one 1 (element, degree, charge, H count, hybridization).
        Assert.Equal(5f, b.AtomFeatures.AsSpan(0, aw - 3).ToArray().Sum());
    }

    [Fact]
    public void ConjugationMarksBenzeneAndButadieneButNotPropane()
    {
        foreach (var (smiles, expected) in new[] { ("c1ccccc1", true), ("C=CC=C", true), ("CCC", false) })
        {
            var b = GraphBatch.Build([GraphOf(smiles)]);
            int aw = GraphFeatures.AtomWidth, ew = GraphBatch.EdgeWidth;
            Assert.All(Enumerable.Range(0, b.Edges), e => Assert.Equal(expected, b.EdgeFeatures[e * ew + aw + 4] == 1f));
        }
    }

    [Fact]
    public void ReloadedModelPredictsExactlyWhatTheTrainedOneDid()
    {
        var manifest = JsonFile.TryLoad<ModelManifest>(Path.Combine(toy.ModelDir, ModelManifest.FileName))!;
        Assert.Equal("dmpnn", manifest.Architecture);
        Assert.Equal(GraphFeatures.SpecId, manifest.FeatureSpec);
        Assert.Equal(["member-0.dmpnn", "member-1.dmpnn"], manifest.Members);
        var written = EnsemblePredictions.Read(Path.Combine(toy.ModelDir, EnsemblePredictions.TestFile));
        var rows = File.ReadAllLines(Path.Combine(toy.ModelDir, EnsemblePredictions.TestFile)).Skip(1).Select(l => int.Parse(l.Split(',')[0])).ToList();
        Assert.Equal(manifest.Split.Test, rows.Count);

        var source = Synthetic.Rows().Take(160).ToList();
        var f = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        var features = rows.Select(r => f.Compute("smiles", source[r].Smiles)).ToList();
        var inputs = features.Select(FeatureVector.FromFeatures).ToList();
        var graphs = features.Select(x => GraphOf(x.CanonicalSmiles)).ToList();
        var model = PropertyModel.Load(toy.ModelDir);
        Assert.True(model.NeedsGraphs);
        var p = model.Predict(inputs, graphs: graphs);
        for (int i = 0; i < rows.Count; i++) Assert.Equal(written[rows[i]].Predictions[0], p.Mean[i]);
        Assert.All(p.Std, s => Assert.True(float.IsFinite(s) && s > 0));
        Assert.Throws<ArgumentException>(() => model.Predict(inputs));
        // It learned something: better than predicting the training mean on the held-out rows.
        var y = rows.Select(r => (float)source[r].Target).ToArray();
        double rmse = Metrics.Rmse(y, p.Mean), spread = Metrics.Rmse(y, Enumerable.Repeat(y.Average(), y.Length).ToArray());
        Assert.True(rmse < spread, $"test RMSE {rmse} vs spread {spread}");
    }

    private string CopyModel(string name)
    {
        var dir = toy.Dir.Combine("copies", name);
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.GetFiles(toy.ModelDir)) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        return dir;
    }

    [Fact]
    public void AModelWithAnotherGraphFeatureSpecIsRefused()
    {
        var dir = CopyModel("spec");
        var path = Path.Combine(dir, ModelManifest.FileName);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["feature_spec"] = "dmpnn-graph/v0+desc11";
        File.WriteAllText(path, json.ToJsonString());
        var e = Assert.Throws<InvalidDataException>(() => PropertyModel.Load(dir));
        Assert.Contains("trained on features 'dmpnn-graph/v0+desc11'", e.Message);
        // The member file carries the spec too: read against another spec it refuses on its own.
        var m = Assert.Throws<InvalidDataException>(() => DmpnnFile.Read(Path.Combine(dir, "member-0.dmpnn"), FeatureSpec.Id));
        Assert.Contains("trained on features", m.Message);
    }

    [Fact]
    public void TruncatedOrCorruptWeightFilesAreRefusedNamingTheFile()
    {
        var dir = CopyModel("corrupt");
        var member = Path.Combine(dir, "member-1.dmpnn");
        var bytes = File.ReadAllBytes(member);
        File.WriteAllBytes(member, bytes[..(bytes.Length / 2)]);
        var t = Assert.Throws<InvalidDataException>(() => PropertyModel.Load(dir));
        Assert.Contains("member-1.dmpnn", t.Message);
        Assert.Contains("truncated or corrupt", t.Message);
        var flipped = bytes.ToArray();
        flipped[bytes.Length / 3] ^= 0x40;
        File.WriteAllBytes(member, flipped);
        Assert.Contains("truncated or corrupt", Assert.Throws<InvalidDataException>(() => PropertyModel.Load(dir)).Message);
        File.WriteAllBytes(member, "not a model"u8.ToArray());
        Assert.Contains("truncated or corrupt", Assert.Throws<InvalidDataException>(() => PropertyModel.Load(dir)).Message);
        // The manifest's SHA-256 map catches it first; the weight reader refuses it on its own too (older manifests have no map).
        Assert.Contains("not a MolScreen D-MPNN weight file", Assert.Throws<InvalidDataException>(() => DmpnnFile.Read(member, FeatureSpec.Id)).Message);
        File.WriteAllBytes(member, bytes);
        Assert.Equal(2, PropertyModel.Load(dir).GraphMembers.Count);
    }

    [Fact]
    public async Task PredictStageRunsADmpnnModelFromCanonicalSmilesAndRejectsAnUnreadableOne()
    {
        using var dir = new TempDir();
        var f = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        var rows = new FeatureRows();
        int i = 0;
        foreach (var (smiles, _) in Synthetic.Rows().Take(12))
        {
            var m = f.Compute("smiles", smiles);
            rows.Add($"lib:{i}", null, i == 5 ? m with { CanonicalSmiles = "C1CC(" } : m);
            i++;
        }
        await using (var w = await TableWriter.CreateAsync(dir.Combine("feat.parquet"), FeatureRows.Schema))
        {
            await w.WriteRowGroupAsync(rows.ToColumns());
            await w.CommitAsync();
        }
        var rejects = new RejectSink();
        var ctx = new ShardContext("predict", 0, 1, StageParameters.Defaults(new PredictStage().Parameters).With([new("models", new[] { toy.ModelDir })]), 0, rejects, CancellationToken.None);
        var r = await new PredictStage().RunShardAsync(ctx, dir.Combine("feat.parquet"), dir.Combine("pred.parquet"));
        Assert.Equal((12L, 11L), (r.RecordsIn, r.RecordsOut));
        Assert.Equal("lib:5", Assert.Single(rejects.Items).Id);
        Assert.Contains("D-MPNN", rejects.Items[0].Reason);
        await using var reader = await TableReader.OpenAsync(dir.Combine("pred.parquet"));
        var cols = await reader.ReadRowGroupAsync(0, "toy_pred", "toy_std");
        Assert.All((float[])cols[0].Values, v => Assert.True(float.IsFinite(v)));
        Assert.All((float[])cols[1].Values, v => Assert.True(v > 0));
    }
}
