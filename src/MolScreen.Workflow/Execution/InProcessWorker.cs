using MolScreen.Workflow.Planning;

namespace MolScreen.Workflow.Execution;

/// <summary>Runs shards in the calling process. Only for stages that are thread-safe (tests, pure-managed stages).</summary>
public sealed class InProcessWorkerFactory(Plan plan) : IShardWorkerFactory
{
    public IShardWorker Start(int slot) => new Worker(plan);

    private sealed class Worker(Plan plan) : IShardWorker
    {
        public Task<ShardOutcome> RunAsync(string stage, int shard, CancellationToken ct) =>
            StageRunner.RunShardAsync(plan, plan[stage], shard, ct);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
