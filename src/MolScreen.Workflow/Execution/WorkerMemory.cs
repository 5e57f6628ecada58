namespace MolScreen.Workflow.Execution;

/// <summary>
/// A worker's footprint should depend on its shard, not on how many shards it has processed. The GC
/// grows its budgets with the allocation rate and keeps the memory, so after a few hundred shards a
/// worker looks as if it leaked. Between shards the worker is idle: compact and give memory back.
/// </summary>
public static class WorkerMemory
{
    public static void ReleaseBetweenShards() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
