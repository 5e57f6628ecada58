namespace MolScreen.Core.Stages;

/// <summary>What a re-sharding stage wrote: the records it read and, per output shard, its rows and data file.</summary>
public sealed record ReshardResult(long RecordsIn, IReadOnlyList<ShardResult> Shards);
