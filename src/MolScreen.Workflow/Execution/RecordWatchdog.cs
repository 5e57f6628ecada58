using MolScreen.Core.Shards;

namespace MolScreen.Workflow.Execution;

/// <summary>
/// Bounds the time a worker spends on one record. Guarded stages journal the ordinal of the record they are on
/// (<see cref="RecordGuard"/>); the watchdog polls that journal from the supervising process and times each record
/// from when it first appears. Past the limit it calls `stop` (which kills the worker): that covers a record that
/// loops or deadlocks, and a crash handler that deadlocks instead of exiting. Stages that journal nothing are not timed.
/// </summary>
public static class RecordWatchdog
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Watches until cancelled or until a record runs past <paramref name="timeoutSeconds"/>; then calls
    /// <paramref name="stop"/> with that record's ordinal and returns it.</summary>
    /// <param name="requested">When the work was handed to the worker: a journal last written before it is an earlier run's.</param>
    public static async Task<long?> WatchAsync(string journal, DateTime requested, int timeoutSeconds, Action<long> stop, CancellationToken ct)
    {
        long? current = null;
        var since = DateTime.UtcNow;
        while (!ct.IsCancellationRequested)
        {
            try { await Task.Delay(PollInterval, ct); }
            catch (OperationCanceledException) { return null; }
            long? now = null;
            try
            {
                // Coarse file clocks may stamp a fresh write slightly before `requested`; a journal left by an
                // earlier run is much older than a second.
                if (File.Exists(journal) && File.GetLastWriteTimeUtc(journal) >= requested.AddSeconds(-1)) now = RecordGuard.ReadJournal(journal);
            }
            catch (IOException) { }
            if (now != current) { (current, since) = (now, DateTime.UtcNow); continue; }
            if (current is { } record && DateTime.UtcNow - since > TimeSpan.FromSeconds(timeoutSeconds))
            {
                stop(record);
                return record;
            }
        }
        return null;
    }
}
