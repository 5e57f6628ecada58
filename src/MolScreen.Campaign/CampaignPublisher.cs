using System.Text.Json;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using Parquet.Schema;

namespace MolScreen.Campaign;

/// <summary>
/// Writes a finalized campaign's products beside its stage data (OUT/NAME/): acquired.parquet (one row per
/// acquired compound, in acquisition order), predictions.parquet (the final surrogate over the whole pool) and
/// rounds.json (per round: acquired, scored, best score so far, predicted top-k overlap, wall seconds; the
/// wall seconds come from the shard manifests and are the one part that differs between identical runs).
/// </summary>
public static class CampaignPublisher
{
    public static readonly ParquetSchema AcquiredSchema = new(
        new DataField("id", typeof(string), false),
        new DataField("smiles", typeof(string), true),
        new DataField("round", typeof(int), false),
        new DataField<double?>("score"),
        new DataField<double?>("pred_at_acquisition"),
        new DataField<double?>("spread_at_acquisition"));

    public static readonly ParquetSchema PredictionSchema = new(
        new DataField("id", typeof(string), false),
        new DataField("smiles", typeof(string), true),
        new DataField<double?>("pred"),
        new DataField<double?>("spread"),
        new DataField("acquired", typeof(bool), false),
        new DataField<int?>("round"),
        new DataField<double?>("score"));

    /// <summary>The campaign's published files in its stage folder <paramref name="stageDir"/>.</summary>
    public static IEnumerable<string> Products(string stageDir) =>
        new[] { "acquired.parquet", "predictions.parquet", "rounds.json" }.Select(f => Path.Combine(stageDir, f));

    public static async Task PublishAsync(RunPublication run, CampaignSettings s, CancellationToken ct)
    {
        var dir = Path.GetDirectoryName(run.DataPath)!;
        await using var r = await TableReader.OpenAsync(run.DataPath);
        // The final stage writes the pool as one row group (none when the pool is empty).
        var cols = new Dictionary<string, Array>();
        foreach (var f in ActiveLearningStage.Schema.DataFields) cols[f.Name] = EmptyOf(f);
        if (r.RowGroupCount > 0)
            foreach (var c in await r.ReadRowGroupAsync(0)) cols[c.Field.Name] = c.Values;
        var ids = (string?[])cols["id"]; var acquired = (bool[])cols["acquired"]; var round = (int?[])cols["round"]; var order = (int?[])cols["order"];
        int n = ids.Length;

        var pf = PredictionSchema.DataFields;
        await using (var w = await TableWriter.CreateAsync(Path.Combine(dir, "predictions.parquet"), PredictionSchema))
        {
            if (n > 0) await w.WriteRowGroupAsync(pf.Select(f => new ColumnData(f, cols[f.Name])).ToArray());
            await w.CommitAsync();
        }

        var rows = Enumerable.Range(0, n).Where(i => acquired[i]).OrderBy(i => round[i]).ThenBy(i => order[i]).ToArray();
        var af = AcquiredSchema.DataFields;
        await using (var w = await TableWriter.CreateAsync(Path.Combine(dir, "acquired.parquet"), AcquiredSchema))
        {
            if (rows.Length > 0)
                await w.WriteRowGroupAsync(af.Select(f => f.Name == "round"
                    ? new ColumnData(f, rows.Select(i => round[i]!.Value).ToArray())
                    : new ColumnData(f, Pick(cols[f.Name], rows))).ToArray());
            await w.CommitAsync();
        }

        var summaries = JsonSerializer.Deserialize<List<ActiveLearningStage.RoundSummary>>(r.Metadata[ActiveLearningStage.RoundsMetadata], JsonFile.Options)!;
        var outDir = run.OutDir;
        var withTime = summaries.Select(x => new
        {
            round = x.Round, final = x.Round > s.Rounds, acquired = x.Acquired, scored = x.Scored, best_score_so_far = x.BestScoreSoFar,
            top_k = s.TopK, top_k_overlap_with_previous = x.TopKOverlapWithPrevious,
            wall_seconds = Math.Round(x.Round > s.Rounds ? Wall(outDir, run.StageName) : Wall(outDir, CampaignNames.Acquire(run.StageName, x.Round)) + Wall(outDir, CampaignNames.Score(run.StageName, x.Round)), 3),
        }).ToList();
        AtomicFile.WriteAllText(Path.Combine(dir, "rounds.json"), JsonSerializer.Serialize(withTime, JsonFile.Options));
    }

    /// <summary>Wall seconds of every shard of a stage as its manifests recorded them (0 when absent).</summary>
    private static double Wall(string outDir, string stage)
    {
        var layout = new ShardLayout(outDir, stage);
        double total = 0;
        for (int k = 0; layout.Manifest(k) is { } m; k++) total += m.WallSeconds;
        return total;
    }

    private static Array EmptyOf(Parquet.Schema.DataField f) =>
        Array.CreateInstance(f.ClrType == typeof(string) || !f.IsNullable ? f.ClrType : typeof(Nullable<>).MakeGenericType(f.ClrType), 0);

    private static Array Pick(Array a, int[] rows)
    {
        var c = Array.CreateInstance(a.GetType().GetElementType()!, rows.Length);
        for (int i = 0; i < rows.Length; i++) c.SetValue(a.GetValue(rows[i]), i);
        return c;
    }
}
