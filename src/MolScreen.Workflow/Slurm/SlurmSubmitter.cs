using MolScreen.Workflow.Execution;
using MolScreen.Workflow.Planning;

namespace MolScreen.Workflow.Slurm;

/// <summary>What a submission did (or, with --dry-run, would do).</summary>
public sealed record SubmitResult(IReadOnlyList<SlurmJobBook.StageJob> Stages, string? FinalizeJobId, IReadOnlyList<string> Commands, bool NothingToDo);

/// <summary>
/// Submits a plan to SLURM: one job array per stage holding exactly the shards that are missing or
/// stale (plus those whose upstream shard is redone), chained with afterok and
/// --kill-on-invalid-dep=yes so a failed shard stops its dependants instead of leaving them pending
/// forever, then a finalize job. Complete shards are never resubmitted. A reduce stage is a single
/// job with afterok on every array it reads.
/// </summary>
public sealed class SlurmSubmitter(Plan plan, SlurmOptions options, string molscreen, SlurmClient? client = null)
{
    private readonly SlurmClient _slurm = client ?? new SlurmClient();

    public SubmitResult Submit(Action<string> log)
    {
        var book = SlurmJobBook.Load(plan.OutDir);
        if (!options.DryRun) RefuseWhileActive(book);

        var redo = new Dictionary<string, List<int>>();
        foreach (var s in plan.Stages)
        {
            if (s.IsReduce)
            {
                // Reads every shard of every stage it reads: redone when any of them is.
                redo[s.Name] = s.Reads.Any(r => redo[r.Name].Count > 0) || !StageRunner.IsComplete(s, 0) ? [0] : [];
                continue;
            }
            var upstream = s.Upstream != null ? redo[s.Upstream.Name] : [];
            // A reduce stage (re-sharding ones too) rewrites all its shards when it reruns.
            if (s.Upstream is { IsReduce: true } u && upstream.Count > 0) upstream = Enumerable.Range(0, u.ShardCount).ToList();
            redo[s.Name] = Enumerable.Range(0, s.ShardCount).Where(k => upstream.Contains(k) || !StageRunner.IsComplete(s, k)).ToList();
        }
        var finalized = File.Exists(Path.Combine(plan.OutDir, "run.json")) && File.Exists(Path.Combine(plan.OutDir, "rejects.parquet"));
        if (redo.Values.All(r => r.Count == 0) && finalized) return new SubmitResult([], null, [], NothingToDo: true);

        Directory.CreateDirectory(SlurmScripts.LogDir(plan.OutDir));
        var commands = new List<string>();
        var jobs = new List<SlurmJobBook.StageJob>();
        var jobOf = new Dictionary<string, string>();
        foreach (var s in plan.Stages)
        {
            var script = SlurmScripts.StageScript(plan.OutDir, s.Name);
            File.WriteAllText(script, SlurmScripts.Stage(plan, s, options.Apply(s.Definition.Resources), options.MaxParallel, molscreen));
            if (redo[s.Name].Count == 0) { log($"{s.Name}: all {s.ShardCount} shards complete, not submitted"); continue; }
            // A reduce stage is one plain job that waits for every array it reads.
            var args = s.IsReduce ? new List<string>() : [$"--array={ArraySpec.Format(redo[s.Name])}%{options.MaxParallel}"];
            var after = s.Reads.Where(r => jobOf.ContainsKey(r.Name)).Select(r => jobOf[r.Name]).ToList();
            if (after.Count > 0) args.AddRange([$"--dependency=afterok:{string.Join(':', after)}", "--kill-on-invalid-dep=yes"]);
            var id = Run(script, args, commands);
            jobOf[s.Name] = id;
            jobs.Add(new SlurmJobBook.StageJob(s.Name, id, redo[s.Name]));
            log($"{s.Name}: job {id}, {redo[s.Name].Count} of {s.ShardCount} shard(s) [{ArraySpec.Format(redo[s.Name])}]");
        }

        var finScript = SlurmScripts.FinalizeScript(plan.OutDir);
        File.WriteAllText(finScript, SlurmScripts.Finalize(plan, molscreen));
        var finArgs = jobs.Count == 0 ? new List<string>() : [$"--dependency=afterok:{string.Join(':', jobs.Select(j => j.JobId))}", "--kill-on-invalid-dep=yes"];
        var fin = Run(finScript, finArgs, commands);
        log($"finalize: job {fin}");

        if (!options.DryRun)
        {
            book.Rounds.Add(new SlurmJobBook.Round(book.Rounds.Count + 1, DateTime.UtcNow, jobs, fin));
            book.Save(plan.OutDir);
        }
        return new SubmitResult(jobs, fin, commands, NothingToDo: false);
    }

    private string Run(string script, List<string> args, List<string> commands)
    {
        commands.Add($"sbatch --parsable {string.Join(' ', args)} {script}");
        return options.DryRun ? $"<{Path.GetFileNameWithoutExtension(script)}>" : _slurm.Submit(script, args);
    }

    /// <summary>Resubmitting while earlier tasks still run would start the same shards twice.</summary>
    private void RefuseWhileActive(SlurmJobBook book)
    {
        var active = book.AllJobIds.SelectMany(_slurm.Tasks).Where(t => t.Active).ToList();
        if (active.Count > 0)
            throw new SlurmBusyException($"{active.Count} task(s) of earlier submissions are still pending or running (jobs {string.Join(", ", active.Select(t => t.JobId).Distinct())}); wait for them or scancel them, then submit again");
    }
}

public sealed class SlurmBusyException(string message) : Exception(message);
