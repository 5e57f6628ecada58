namespace MolScreen.Workflow.Execution;

/// <summary>Something that runs shards one at a time: a worker process, or the current process in tests.</summary>
public interface IShardWorker : IAsyncDisposable
{
    Task<ShardOutcome> RunAsync(string stage, int shard, CancellationToken ct);
}

/// <summary>Starts workers; a crashed worker is replaced by a fresh one from the factory.</summary>
public interface IShardWorkerFactory
{
    IShardWorker Start(int slot);
}

/// <summary>The worker died while running a shard (native crash, OOM kill, ...), or the supervisor stopped it.</summary>
public sealed class WorkerCrashedException(string message) : Exception(message)
{
    /// <summary>Set when the per-record watchdog killed the worker: the limit, in seconds, its record ran past.</summary>
    public int? TimeoutSeconds { get; init; }
}

/// <summary>Hears about a run as it goes; the CLI renders it as progress bars or plain log lines.</summary>
public interface IRunObserver
{
    void Planned(IReadOnlyList<(string Stage, int Shards)> stages) { }
    void ShardDone(ShardOutcome outcome) { }
    void ShardFailed(string stage, int shard, string error) { }
    void Message(string text) { }
}
