using MolScreen.Core.IO;
using MolScreen.Core.Shards;

namespace MolScreen.Core.Stages;

/// <summary>
/// Source stages read files and define the shards; map stages turn upstream shard k into shard k;
/// reduce stages read every shard of their input (and of the stages they join) and write one shard.
/// </summary>
public enum StageShape { Source, Map, Reduce }

/// <summary>What every stage declares; the engine needs nothing else to plan, hash and document it.</summary>
public interface IStage
{
    string Kind { get; }
    string Description { get; }
    /// <summary>Bump when the stage's output for the same input and parameters changes.</summary>
    string Version { get; }
    StageShape Shape { get; }
    IReadOnlyList<ParameterSpec> Parameters { get; }
}

/// <summary>
/// Everything a stage needs to process one shard; rejects go to <see cref="Rejects"/>. Stages that run
/// native code per record call <see cref="Guard"/> so a crashing record is skipped on the retry.
/// </summary>
public sealed record ShardContext(string StageName, int Shard, int ShardCount, StageParameters Parameters, int Seed, RejectSink Rejects, CancellationToken Cancellation)
{
    public RecordGuard Guard { get; init; } = RecordGuard.None;

    public const string NativeCrashReason = "native crash: the worker process died on this record; it was skipped on retry";
}

/// <summary>A processed shard: records in and out (in = out + rejects is checked by the engine) and the data file.</summary>
public sealed record ShardResult(long RecordsIn, long RecordsOut, FileDigest Data);

/// <summary>A source input file with the parameters that apply to it (stage parameters plus per-input overrides).</summary>
public sealed record SourceInput(string Path, StageParameters Parameters);

public interface ISourceStage : IStage
{
    /// <summary>Scans the inputs once and cuts them into shards of <paramref name="shardSize"/> records.</summary>
    SourceIndex BuildIndex(IReadOnlyList<SourceInput> inputs, int shardSize, CancellationToken ct);

    Task<ShardResult> RunShardAsync(ShardContext ctx, IReadOnlyList<SourceInput> inputs, SourceShard shard, string dataPath);
}

public interface IMapStage : IStage
{
    /// <summary>Reads one upstream shard (Parquet with an `id` column) and writes this stage's shard.</summary>
    Task<ShardResult> RunShardAsync(ShardContext ctx, string inputPath, string dataPath);
}

/// <summary>All shard data files of one upstream stage, in shard order.</summary>
public sealed record StageShards(string Stage, IReadOnlyList<string> DataPaths);

public interface IReduceStage : IStage
{
    /// <summary>
    /// Reads every shard of <paramref name="input"/> (whose rows are this stage's records in: each ends
    /// in the output or in rejects) and of the <paramref name="joins"/> (looked up by `id`), and
    /// writes this stage's single shard.
    /// </summary>
    Task<ShardResult> RunAsync(ShardContext ctx, StageShards input, IReadOnlyList<StageShards> joins, string dataPath);
}

/// <summary>What a stage can publish at the top of the output directory once the whole run is finalized.</summary>
/// <param name="RunJson">The text of run.json (workflow, version, seed, per-stage totals), written after the publishers.</param>
public sealed record RunPublication(string OutDir, string StageName, StageParameters Parameters, string DataPath, string RunJson, int Seed, string WorkflowHash);

/// <summary>
/// A stage whose result is a run-level product (ranked.parquet, a report): the finalizer calls it once
/// the books balance, just before writing run.json, so what it writes reflects the complete, checked
/// run and is in place when run.json marks the run finalized.
/// </summary>
public interface IRunPublisher
{
    Task PublishAsync(RunPublication run, CancellationToken ct);

    /// <summary>The files this publisher, placed as stage <paramref name="stageName"/>, has written under
    /// <paramref name="outDir"/> (existing ones): a run about to do new work marks them stale first.</summary>
    IEnumerable<string> Products(string outDir, string stageName);
}
