using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using MolScreen.Prediction.Data;
using MolScreen.Prediction.Model;
using MolScreen.Prediction.Stage;
using MolScreen.Prediction.Training;

namespace MolScreen.Prediction.Tests;

public class PredictStageTests
{
    private static string TrainToy(TempDir dir)
    {
        var csv = Synthetic.WriteCsv(dir.Combine("toy.csv"));
        ModelTrainer.Train(new TrainingOptions
        {
            DataPath = csv, SmilesColumn = "smiles", Targets = ["value"], Task = OutputKind.Regression, Name = "toy",
            Split = SplitMethod.Random, Ensemble = 2, Hidden = [16], MaxEpochs = 3,
        }, dir.Combine("models", "toy"));
        return dir.Combine("models");
    }

    /// <summary>Featurize output for some compounds; <paramref name="spoil"/> can break one row's descriptors.</summary>
    private static async Task WriteFeatures(string path, int count, Action<int, double[]>? spoil = null)
    {
        var f = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        var rows = new FeatureRows();
        int i = 0;
        foreach (var (smiles, _) in Synthetic.Rows().Take(count))
        {
            var m = f.Compute("smiles", smiles);
            var d = new[] { m.MolecularWeight, m.CLogP, m.Tpsa };
            spoil?.Invoke(i, d);
            rows.Add($"lib:{i++}", null, m with { MolecularWeight = d[0], CLogP = d[1], Tpsa = d[2] });
        }
        await using var w = await TableWriter.CreateAsync(path, FeatureRows.Schema);
        if (rows.Count > 0) await w.WriteRowGroupAsync(rows.ToColumns());
        await w.CommitAsync();
    }

    private static ShardContext Context(string models, RejectSink rejects) =>
        new("predict", 0, 1, StageParameters.Defaults(new PredictStage().Parameters).With([new("models", new[] { models })]), 0, rejects, CancellationToken.None);

    [Fact]
    public async Task EveryRowEndsInOutputOrRejectsAndNonFiniteFeaturesAreRejectedWithTheReason()
    {
        using var dir = new TempDir();
        var models = TrainToy(dir);
        await WriteFeatures(dir.Combine("feat.parquet"), 30, (i, d) =>
        {
            if (i == 4) d[1] = double.NaN;
            if (i == 9) d[0] = double.PositiveInfinity;
        });
        var rejects = new RejectSink();
        var r = await new PredictStage().RunShardAsync(Context(models, rejects), dir.Combine("feat.parquet"), dir.Combine("pred.parquet"));
        Assert.Equal(30, r.RecordsIn);
        Assert.Equal(28, r.RecordsOut);
        Assert.Equal(2, rejects.Count);
        Assert.Equal(["lib:4", "lib:9"], rejects.Items.Select(x => x.Id));
        Assert.Equal(["descriptor clogp is NaN (missing)", "descriptor mw is infinite"], rejects.Items.Select(x => x.Reason));

        await using var reader = await TableReader.OpenAsync(dir.Combine("pred.parquet"));
        Assert.Equal(["id", "canonical_smiles", "toy_pred", "toy_std", "toy_in_domain"], reader.Schema.DataFields.Select(f => f.Name));
        var cols = await reader.ReadRowGroupAsync(0, "id", "toy_pred", "toy_std");
        Assert.DoesNotContain("lib:4", (string?[])cols[0].Values);
        Assert.All((float[])cols[1].Values, v => Assert.True(float.IsFinite(v)));
        Assert.All((float[])cols[2].Values, v => Assert.True(v >= 0));
    }

    [Fact]
    public async Task EmptyShardWritesAnEmptyTable()
    {
        using var dir = new TempDir();
        var models = TrainToy(dir);
        await WriteFeatures(dir.Combine("feat.parquet"), 0);
        var rejects = new RejectSink();
        var r = await new PredictStage().RunShardAsync(Context(models, rejects), dir.Combine("feat.parquet"), dir.Combine("pred.parquet"));
        Assert.Equal((0L, 0L, 0), (r.RecordsIn, r.RecordsOut, rejects.Count));
        await using var reader = await TableReader.OpenAsync(dir.Combine("pred.parquet"));
        Assert.Equal(0, reader.RowCount);
    }

    [Fact]
    public async Task WrongUpstreamAndMissingModelsAreClearErrors()
    {
        using var dir = new TempDir();
        var models = TrainToy(dir);
        await using (var w = await TableWriter.CreateAsync(dir.Combine("ingest.parquet"), new Parquet.Schema.ParquetSchema(new Parquet.Schema.DataField("id", typeof(string), false))))
            await w.CommitAsync();
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => new PredictStage().RunShardAsync(Context(models, new RejectSink()), dir.Combine("ingest.parquet"), dir.Combine("p.parquet")));
        Assert.Contains("missing column(s) canonical_smiles, ecfp4", e.Message);
        var m = await Assert.ThrowsAsync<InvalidDataException>(() => new PredictStage().RunShardAsync(Context(dir.Combine("nowhere"), new RejectSink()), dir.Combine("ingest.parquet"), dir.Combine("p.parquet")));
        Assert.Contains("no such model directory", m.Message);
    }
}

public class PredictDocsTests
{
    [Fact]
    public void EveryPredictColumnIsDocumentedInParquetSchemas()
    {
        var docs = File.ReadAllText(Path.Combine(SharedData.RepoRoot(), "docs", "parquet-schemas.md"));
        var names = PredictStage.OutputColumnTemplates;
        Assert.Equal(5, names.Count);
        foreach (var n in names) Assert.Contains($"| `{n}` |", docs);
    }
}
