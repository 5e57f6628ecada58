using MolScreen.Core.IO;
using MolScreen.Workflow.Planning;

namespace MolScreen.Workflow.Execution;

/// <summary>What happened to every shard of a run.</summary>
public sealed record RunResult(IReadOnlyList<ShardOutcome> Done, IReadOnlyList<(string Stage, int Shard, string Error)> Failed, int NotRun)
{
    public bool Succeeded => Failed.Count == 0 && NotRun == 0;
}

/// <summary>
/// Runs a whole plan on this machine. Shards flow through the DAG as soon as their upstream shard is
/// done (shard k of a map stage needs only shard k upstream), so early shards reach the last stage
/// while later ones are still being ingested. A failed shard stops only its own downstream shards.
/// A reduce stage starts once every shard of every stage it reads is done; one failed shard there
/// means it does not run (and the run reports it as not run).
/// </summary>
public sealed class LocalExecutor(Plan plan, IShardWorkerFactory workers, int workerCount, IRunObserver? observer = null)
{
    private readonly IRunObserver _observer = observer ?? new NullObserver();
    private readonly object _gate = new();
    private readonly PriorityQueue<(PlannedStage Stage, int Shard), (int, int)> _ready = new();
    private readonly List<ShardOutcome> _done = new();
    private readonly List<(string, int, string)> _failed = new();
    private readonly HashSet<(PlannedStage, int)> _doneShards = new();
    private int _inFlight;
    private readonly Dictionary<(string, int), int> _crashes = new();

    /// <summary>
    /// A shard whose worker died is retried: each retry skips the record that crashed it (RecordGuard),
    /// so a shard with a few poisonous records still completes. Past this many crashes it fails.
    /// </summary>
    public const int MaxCrashesPerShard = 5;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private bool _flowDownstream = true;

    /// <summary>The whole plan: every shard of every stage, each flowing downstream when done.</summary>
    public Task<RunResult> RunAsync(CancellationToken ct = default)
    {
        foreach (var s in plan.Stages)
            foreach (var f in s.Layout.FilesBeyond(s.ShardCount)) File.Delete(f);
        _observer.Planned(plan.Stages.Select(s => (s.Name, s.ShardCount)).ToList());
        var sources = plan.Stages.Where(s => s.Upstream == null).SelectMany(s => Enumerable.Range(0, s.ShardCount).Select(k => (s, k))).ToList();
        // A reduce stage over stages with no shards at all (empty inputs) has nothing to wait for.
        sources.AddRange(plan.Stages.Where(s => s.IsReduce && s.Reads.All(r => r.ShardCount == 0)).Select(s => (s, 0)));
        return ExecuteAsync(sources, plan.Stages.Sum(s => s.ShardCount), ct);
    }

    /// <summary>
    /// Some shards of one stage and nothing downstream: what `molscreen stage` (an HPC array task)
    /// runs. Going through workers rather than in-process means a native crash is retried with the
    /// culprit record skipped, on a cluster as on a workstation.
    /// </summary>
    public Task<RunResult> RunSliceAsync(PlannedStage stage, IReadOnlyList<int> shards, CancellationToken ct = default)
    {
        _flowDownstream = false;
        _observer.Planned([(stage.Name, shards.Count)]);
        return ExecuteAsync(shards.Select(k => (stage, k)).ToList(), shards.Count, ct);
    }

    private async Task<RunResult> ExecuteAsync(List<(PlannedStage, int)> initial, int total, CancellationToken ct)
    {
        AtomicFile.RemoveStaleTemps(plan.OutDir);
        foreach (var (s, k) in initial) Enqueue(s, k);
        int n = Math.Max(1, Math.Min(workerCount, initial.Count));
        await Task.WhenAll(Enumerable.Range(0, n).Select(slot => Task.Run(() => WorkerLoop(slot, ct), ct)));
        // Workers orphaned by an earlier, killed run may have left temps after our start-up sweep.
        AtomicFile.RemoveStaleTemps(plan.OutDir);
        return new RunResult(_done.OrderBy(o => plan[o.Stage].Order).ThenBy(o => o.Shard).ToList(), _failed, total - _done.Count - _failed.Count);
    }

    private void Enqueue(PlannedStage s, int k) => _ready.Enqueue((s, k), (k, s.Order));

    private async Task WorkerLoop(int slot, CancellationToken ct)
    {
        IShardWorker? worker = null;
        try
        {
            while (await Next(ct) is { } job)
            {
                worker ??= workers.Start(slot);
                try
                {
                    var outcome = await worker.RunAsync(job.Stage.Name, job.Shard, ct);
                    Complete(job, outcome, null);
                }
                catch (WorkerCrashedException e)
                {
                    await worker.DisposeAsync();
                    worker = null;
                    if (!Retry(job, e)) Complete(job, null, $"{e.Message} ({MaxCrashesPerShard} crashes, giving up)");
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Complete(job, null, e.Message);
                }
            }
        }
        finally
        {
            if (worker != null) await worker.DisposeAsync();
        }
    }

    private async Task<(PlannedStage Stage, int Shard)?> Next(CancellationToken ct)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_ready.TryDequeue(out var job, out _)) { _inFlight++; return job; }
                if (_inFlight == 0) { _changed.TrySetResult(); return null; }
                wait = _changed.Task;
            }
            await wait.WaitAsync(ct);
        }
    }

    /// <summary>Wakes the worker loops waiting for work; call with the gate held.</summary>
    private void Signal()
    {
        var old = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }

    /// <summary>Puts a crashed shard back in the queue, unless it has crashed too often.</summary>
    private bool Retry((PlannedStage Stage, int Shard) job, WorkerCrashedException crash)
    {
        if (StageRunner.InputHashOf(job.Stage, job.Shard) is { } inputHash)
            CrashHistory.RecordCrash(job.Stage.Layout, job.Shard, inputHash, crash.TimeoutSeconds is { } t ? $"timeout after {t} s" : null);
        lock (_gate)
        {
            var key = (job.Stage.Name, job.Shard);
            var n = _crashes[key] = _crashes.GetValueOrDefault(key) + 1;
            if (n >= MaxCrashesPerShard) return false;
            _inFlight--;
            Enqueue(job.Stage, job.Shard);
            Signal();
        }
        _observer.Message(crash.TimeoutSeconds is { } limit
            ? $"{job.Stage.Name} shard {job.Shard}: a record ran past record_timeout ({limit} s); worker stopped, retrying (that record will be rejected)"
            : $"{job.Stage.Name} shard {job.Shard}: worker crashed, retrying (the record it was on will be skipped)");
        return true;
    }

    private void Complete((PlannedStage Stage, int Shard) job, ShardOutcome? outcome, string? error)
    {
        lock (_gate)
        {
            _inFlight--;
            if (outcome != null)
            {
                _done.Add(outcome);
                _doneShards.Add(job);
                // A re-sharding stage wrote every shard as shard 0: its other shards are now reused, each then flowing on.
                if (_flowDownstream && job.Stage.Resharding != null && job.Shard == 0)
                    for (int k = 1; k < job.Stage.ShardCount; k++) Enqueue(job.Stage, k);
                if (_flowDownstream)
                    foreach (var d in job.Stage.Downstream)
                    {
                        if (!d.IsReduce) Enqueue(d, job.Shard);
                        // Exactly once: only the completion that makes the last read shard done enqueues it.
                        else if (d.Reads.All(r => Enumerable.Range(0, r.ShardCount).All(k => _doneShards.Contains((r, k))))) Enqueue(d, 0);
                    }
            }
            else _failed.Add((job.Stage.Name, job.Shard, error!));
            Signal();
        }
        if (outcome != null) _observer.ShardDone(outcome);
        else _observer.ShardFailed(job.Stage.Name, job.Shard, error!);
    }

    private sealed class NullObserver : IRunObserver;
}
