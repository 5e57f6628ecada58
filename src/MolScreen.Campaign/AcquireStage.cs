using MolScreen.Core.IO;
using MolScreen.Core.Stages;
using Parquet.Schema;

namespace MolScreen.Campaign;

/// <summary>
/// One acquisition round of an active-learning campaign (the loader unrolls `kind: active_learning` into these):
/// reads the pool, the input SMILES, every earlier batch and every score so far, chooses the next batch
/// (<see cref="CampaignRound"/>) and writes it re-sharded, so the scoring chain's map stages run in parallel.
/// It draws a subset of the pool: its records in are the compounds drawn; the campaign's final stage accounts
/// for the whole pool.
/// </summary>
public sealed class AcquireStage : IReshardingStage
{
    public string Kind => CampaignNames.AcquireKind;
    public string Description => "Active-learning round (unrolled from kind active_learning): train the surrogate on every score so far and acquire the next batch";
    public string Version => "1";
    public StageShape Shape => StageShape.Reduce;
    public bool DrawsSubset => true;

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
        [.. CampaignSettings.Specs, new("round", ParameterType.Integer, 0L, "Round number (0: random sample)") { Min = 0, Max = 100 }];

    public static readonly ParquetSchema Schema = new(
        new DataField("id", typeof(string), false),
        new DataField("smiles", typeof(string), true),
        new DataField("round", typeof(int), false),
        new DataField("order", typeof(int), false),
        new DataField<double?>("pred_at_acquisition"),
        new DataField<double?>("spread_at_acquisition"));

    public long OutputRowBound(StageParameters parameters, long inputRows) =>
        CampaignSettings.From(parameters).BatchSize((int)parameters.GetInt("round"), inputRows);

    public async Task<ReshardResult> RunAsync(ShardContext ctx, StageShards input, IReadOnlyList<StageShards> joins, IReadOnlyList<string> dataPaths)
    {
        var s = CampaignSettings.From(ctx.Parameters);
        int round = (int)ctx.Parameters.GetInt("round");
        var data = await CampaignData.LoadAsync(input, joins, s.ScoreColumn, ctx.Cancellation);
        var choice = CampaignRound.Choose(data, s, round, ctx.Seed);
        var meta = new Dictionary<string, string> { [CampaignData.TopKMetadata] = string.Join('\n', choice.PredictedTopK) };
        var shards = new List<ShardResult>();
        int n = choice.Rows.Count, k = dataPaths.Count;
        for (int shard = 0; shard < k; shard++)
        {
            int from = (int)((long)shard * n / k), to = (int)((long)(shard + 1) * n / k);
            var rows = choice.Rows.Skip(from).Take(to - from).ToList();
            await using var w = await TableWriter.CreateAsync(dataPaths[shard], Schema, meta);
            if (rows.Count > 0)
            {
                var f = Schema.DataFields;
                await w.WriteRowGroupAsync(
                [
                    new ColumnData(f[0], rows.Select(i => data.PoolIds[i]).ToArray()),
                    new ColumnData(f[1], rows.Select(i => data.Smiles.GetValueOrDefault(data.PoolIds[i])).ToArray()),
                    new ColumnData(f[2], rows.Select(_ => round).ToArray()),
                    new ColumnData(f[3], Enumerable.Range(from, rows.Count).ToArray()),
                    new ColumnData(f[4], rows.Select(i => choice.Mean == null ? null : (double?)choice.Mean[i]).ToArray()),
                    new ColumnData(f[5], rows.Select(i => choice.Std == null ? null : (double?)choice.Std[i]).ToArray()),
                ]);
            }
            shards.Add(new ShardResult(rows.Count, rows.Count, await w.CommitAsync()));
        }
        return new ReshardResult(n, shards);
    }
}
