using System.Text.Json;
using MolScreen.Core.IO;
using MolScreen.Core.Stages;
using Parquet.Schema;

namespace MolScreen.Campaign;

/// <summary>
/// An active-learning campaign (`kind: active_learning`). The workflow loader unrolls it into ordinary stages:
/// per round an acquisition (<see cref="AcquireStage"/>, re-sharded) and its scoring chain, then this stage,
/// which reads the pool, every batch and every score, trains the final surrogate, and writes one row per pool
/// compound (its records out are the pool: no pool compound is lost). At finalize it publishes
/// OUT/NAME/acquired.parquet, predictions.parquet and rounds.json (<see cref="CampaignPublisher"/>).
/// </summary>
public sealed class ActiveLearningStage : IReduceStage, IRunPublisher
{
    public string Kind => CampaignNames.Kind;
    public string Description => "Active-learning campaign: acquire batches with an MLP-ensemble surrogate (greedy/UCB), score them (lookup), final surrogate over the pool";
    public string Version => "1";
    public StageShape Shape => StageShape.Reduce;
    public IReadOnlyList<ParameterSpec> Parameters => CampaignSettings.Specs;

    public const string RoundsMetadata = "molscreen.rounds";

    public static readonly ParquetSchema Schema = new(
        new DataField("id", typeof(string), false),
        new DataField("smiles", typeof(string), true),
        new DataField<double?>("pred"),
        new DataField<double?>("spread"),
        new DataField("acquired", typeof(bool), false),
        new DataField<int?>("round"),
        new DataField<int?>("order"),
        new DataField<double?>("score"),
        new DataField<double?>("pred_at_acquisition"),
        new DataField<double?>("spread_at_acquisition"));

    /// <summary>Deterministic per-round facts; the publisher adds the wall time from the manifests.</summary>
    public sealed record RoundSummary(int Round, int Acquired, int Scored, double? BestScoreSoFar, double? TopKOverlapWithPrevious);

    public async Task<ShardResult> RunAsync(ShardContext ctx, StageShards input, IReadOnlyList<StageShards> joins, string dataPath)
    {
        var s = CampaignSettings.From(ctx.Parameters);
        var data = await CampaignData.LoadAsync(input, joins, s.ScoreColumn, ctx.Cancellation);
        var (mean, std) = data.PoolIds.Count == 0 ? ([], []) : CampaignRound.Predict(data, s, s.Rounds + 1, ctx.Seed);
        var finalTop = data.PoolIds.Count == 0 ? [] : CampaignRound.PredictedTop(data, mean, s.TopK);
        var rounds = Summaries(data, s, finalTop);
        var meta = new Dictionary<string, string> { [RoundsMetadata] = JsonSerializer.Serialize(rounds, JsonFile.Options) };
        await using var w = await TableWriter.CreateAsync(dataPath, Schema, meta);
        int n = data.PoolIds.Count;
        if (n > 0)
        {
            var f = Schema.DataFields;
            var acq = data.PoolIds.Select(id => data.Acquired.GetValueOrDefault(id)).ToArray();
            double? Num(float v) => float.IsNaN(v) ? null : v;
            await w.WriteRowGroupAsync(
            [
                new ColumnData(f[0], data.PoolIds.ToArray()),
                new ColumnData(f[1], data.PoolIds.Select(id => data.Smiles.GetValueOrDefault(id)).ToArray()),
                new ColumnData(f[2], mean.Select(Num).ToArray()),
                new ColumnData(f[3], std.Select(Num).ToArray()),
                new ColumnData(f[4], acq.Select(a => a != null).ToArray()),
                new ColumnData(f[5], acq.Select(a => a?.Round).ToArray()),
                new ColumnData(f[6], acq.Select(a => a?.Order).ToArray()),
                new ColumnData(f[7], data.PoolIds.Select(id => data.Scores.TryGetValue(id, out var v) ? v : (double?)null).ToArray()),
                new ColumnData(f[8], acq.Select(a => a?.Pred).ToArray()),
                new ColumnData(f[9], acq.Select(a => a?.Spread).ToArray()),
            ]);
        }
        return new ShardResult(n, w.RowsWritten, await w.CommitAsync());
    }

    private static List<RoundSummary> Summaries(CampaignData data, CampaignSettings s, string[] finalTop)
    {
        var list = new List<RoundSummary>();
        double? best = null;
        for (int r = 0; r <= s.Rounds; r++)
        {
            var batch = data.Acquired.Values.Where(a => a.Round == r).ToList();
            var scored = batch.Where(a => data.Scores.ContainsKey(a.Id)).Select(a => data.Scores[a.Id]).ToList();
            if (scored.Count > 0) best = Math.Min(best ?? double.MaxValue, scored.Min());
            double? overlap = r >= 2 && data.PredictedTopK.TryGetValue(r, out var now) && data.PredictedTopK.TryGetValue(r - 1, out var before)
                ? Overlap(now, before, s.TopK) : null;
            list.Add(new RoundSummary(r, batch.Count, scored.Count, best, overlap));
        }
        // The final surrogate's top-k against the last round's: has the model stopped changing its mind?
        double? last = data.PredictedTopK.TryGetValue(s.Rounds, out var lastTop) && s.Rounds >= 1 ? Overlap(finalTop, lastTop, s.TopK) : null;
        list.Add(new RoundSummary(s.Rounds + 1, 0, 0, best, last));
        return list;
    }

    private static double Overlap(string[] a, string[] b, int k) => k == 0 ? 0 : Math.Round((double)a.Intersect(b, StringComparer.Ordinal).Count() / k, 6);

    public IEnumerable<string> Products(string outDir, string stageName) => CampaignPublisher.Products(Path.Combine(outDir, stageName));

    public Task PublishAsync(RunPublication run, CancellationToken ct) => CampaignPublisher.PublishAsync(run, CampaignSettings.From(run.Parameters), ct);
}
