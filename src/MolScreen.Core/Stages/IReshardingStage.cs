namespace MolScreen.Core.Stages;

/// <summary>
/// A reduce-shaped stage that writes a new set of compounds cut into several shards, so that the map stages
/// reading it run in parallel again. The plan stays static: the shard count comes from
/// <see cref="OutputRowBound"/>, an upper bound on its output rows known before any work starts, divided by the
/// workflow's shard size. The work runs once (as shard 0) and writes every shard; empty shards are valid
/// Parquet files with the schema.
/// </summary>
public interface IReshardingStage : IStage
{
    /// <summary>The most rows this stage can write, given at most <paramref name="inputRows"/> input rows.</summary>
    long OutputRowBound(StageParameters parameters, long inputRows);

    /// <summary>
    /// True for a stage that draws a subset of its input (an acquisition batch): its records in are the rows it
    /// drew, and the rest of its input is accounted for by the stage that owns the whole input (a campaign's final
    /// stage). False: every input row ends in an output shard or in rejects (select).
    /// </summary>
    bool DrawsSubset { get; }

    /// <summary>Reads its input and joins like a reduce stage and writes one data file per entry of <paramref name="dataPaths"/>.</summary>
    Task<ReshardResult> RunAsync(ShardContext ctx, StageShards input, IReadOnlyList<StageShards> joins, IReadOnlyList<string> dataPaths);
}
