namespace MolScreen.Workflow.Slurm;

/// <summary>Per-stage scheduler view of a run's latest submission: tasks running, pending, failed (with logs).</summary>
public sealed record SlurmStageStatus(string Stage, string JobId, int Running, int Pending, IReadOnlyList<SlurmStageStatus.FailedTask> Failed)
{
    public sealed record FailedTask(int Shard, string State, string Reason, string ExitCode, string Log);
}

public static class SlurmStatus
{
    /// <summary>Null when the run was never submitted to SLURM.</summary>
    public static (IReadOnlyList<SlurmStageStatus> Stages, SlurmTask? Finalize)? Collect(string outDir, SlurmClient? client = null)
    {
        var book = SlurmJobBook.Load(outDir);
        if (book.Rounds.Count == 0) return null;
        var slurm = client ?? new SlurmClient();
        var last = book.Rounds[^1];
        var stages = last.Stages.Select(j =>
        {
            var tasks = slurm.Tasks(j.JobId);
            // A reduce stage runs as a plain job (no array task id): its one shard is shard 0.
            var failed = tasks.Where(t => t.Failed)
                .Select(t => new SlurmStageStatus.FailedTask(t.Shard ?? 0, t.State, t.Reason, t.ExitCode,
                    t.Shard is { } k ? SlurmScripts.TaskLog(outDir, j.Stage, j.JobId, k) : SlurmScripts.JobLog(outDir, j.Stage, j.JobId)))
                .OrderBy(f => f.Shard).ToList();
            return new SlurmStageStatus(j.Stage, j.JobId, tasks.Count(t => t.State == "RUNNING"), tasks.Count(t => t.State == "PENDING"), failed);
        }).ToList();
        var fin = last.FinalizeJobId is { } f ? slurm.Tasks(f).FirstOrDefault() : null;
        return (stages, fin);
    }
}
