using System.CommandLine;
using System.Globalization;
using MolScreen.Cli.Rendering;
using MolScreen.Core.IO;
using MolScreen.Workflow.Execution;
using MolScreen.Workflow.Planning;

namespace MolScreen.Cli.Commands;

/// <summary>
/// `molscreen stage`: one slice of one stage, for HPC array tasks. `--shard I/N` runs every shard k
/// with k mod N = I (0-based), so N equal to the stage's shard count means one shard per task, and
/// fewer tasks than shards also works. Safe to run concurrently for different shards.
/// </summary>
internal static class StageCommand
{
    public static Command Create()
    {
        var workflow = CommonOptions.Workflow();
        var outDir = CommonOptions.Out();
        var stage = new Option<string>("--stage", "-s") { Description = "Stage name from the workflow file", Required = true };
        var shard = new Option<string>("--shard") { Description = "I/N: run shards k with k mod N = I (I is 0-based, e.g. $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT)", DefaultValueFactory = _ => "0/1" };
        var cmd = new Command("stage", "Run one shard (or a slice of shards) of one stage") { workflow, stage, shard, outDir };
        cmd.SetAction(async (pr, ct) =>
        {
            var (index, count) = ParseShard(pr.GetValue(shard)!);
            var wf = CommonOptions.LoadWorkflow(pr.GetValue(workflow)!);
            var dir = CommonOptions.OutDir(pr.GetValue(outDir), wf);
            var name = pr.GetValue(stage)!;
            if (wf.Find(name) == null) throw new UsageException($"no stage '{name}' in {wf.FilePath} (stages: {string.Join(", ", wf.Stages.Select(s => s.Name))})");
            var plan = Plan.Build(wf, dir, Console.Error.WriteLine, ct);
            var st = plan[name];
            var mine = Enumerable.Range(0, st.ShardCount).Where(k => k % count == index).ToList();
            // One worker process: the task owns its CPUs, and this process supervises it so that a
            // record that crashes native code is skipped and the shard still completes.
            var result = await new LocalExecutor(plan, new ProcessWorkerFactory(wf.FilePath, dir, wf.RecordTimeout), 1, new PlainObserver(Console.Out))
                .RunSliceAsync(st, mine, ct);
            return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return cmd;
    }

    public static (int Index, int Count) ParseShard(string text)
    {
        var p = text.Split('/');
        if (p.Length == 2 && int.TryParse(p[0], CultureInfo.InvariantCulture, out var i) && int.TryParse(p[1], CultureInfo.InvariantCulture, out var n) && n > 0 && i >= 0 && i < n)
            return (i, n);
        throw new UsageException($"--shard expects I/N with 0 <= I < N, got '{text}'");
    }
}

/// <summary>`molscreen finalize`: after all shards ran (e.g. as array jobs), check the books and merge rejects.</summary>
internal static class FinalizeCommand
{
    public static Command Create()
    {
        var workflow = CommonOptions.Workflow();
        var outDir = CommonOptions.Out();
        var cmd = new Command("finalize", "Check record accounting and write rejects.parquet once every shard is done") { workflow, outDir };
        cmd.SetAction(async (pr, ct) =>
        {
            var wf = CommonOptions.LoadWorkflow(pr.GetValue(workflow)!);
            var dir = CommonOptions.OutDir(pr.GetValue(outDir), wf);
            Directory.CreateDirectory(dir);
            // Not while a `run` writes shards or finalizes the same directory.
            using var runLock = RunLock.Acquire(dir);
            var plan = Plan.Build(wf, dir, Console.Error.WriteLine, ct);
            var rejects = await RunFinalizer.FinalizeAsync(plan);
            TotalsPrinter.Print(Console.Out, RunFinalizer.Totals(plan.OutDir, PlanSummary.TryLoad(plan.OutDir)!), withBalance: true);
            Console.WriteLine($"{rejects} reject(s) in {Path.Combine(plan.OutDir, "rejects.parquet")}");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}

/// <summary>`molscreen worker`: serves shard requests from `molscreen run` over stdin/stdout (internal).</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var workflow = CommonOptions.Workflow();
        var outDir = CommonOptions.Out();
        var cmd = new Command("worker", "Internal: run shards on request from `molscreen run`") { workflow, outDir };
        cmd.Hidden = true;
        cmd.SetAction(async (pr, ct) =>
        {
            var wf = CommonOptions.LoadWorkflow(pr.GetValue(workflow)!);
            var plan = Plan.Build(wf, CommonOptions.OutDir(pr.GetValue(outDir), wf), null, ct);
            var requests = new System.Collections.Concurrent.BlockingCollection<string>();
            var busy = false;
            // stdin closing means the parent is gone (or done): stop at once, even mid-shard. Partial
            // output is only ever in temp files, which the next run removes.
            var reader = new Thread(() =>
            {
                string? line;
                while ((line = Console.In.ReadLine()) != null) requests.Add(line);
                if (busy)
                {
                    // Orphaned mid-shard: drop our temps and die now, not after a graceful shutdown
                    // that would let the shard finish into a run directory nobody is watching.
                    AtomicFile.RemoveOwnTemps(plan.OutDir);
                    System.Diagnostics.Process.GetCurrentProcess().Kill();
                }
                Environment.Exit(ExitCodes.Ok);
            }) { IsBackground = true, Name = "worker-stdin" };
            reader.Start();
            var stdout = Console.Out;
            while (true)
            {
                var line = requests.Take(ct);
                busy = true;
                if (!WorkerProtocol.TryParseRequest(line, out var stage, out var shard)) { Console.Error.WriteLine($"worker: bad request '{line}'"); continue; }
                string reply;
                try { reply = WorkerProtocol.Ok(await StageRunner.RunShardAsync(plan, plan[stage], shard, ct)); }
                catch (Exception e) when (e is not OperationCanceledException) { reply = WorkerProtocol.Error(stage, shard, e.Message); }
                stdout.WriteLine(reply);
                stdout.Flush();
                busy = false;
                WorkerMemory.ReleaseBetweenShards();
            }
        });
        return cmd;
    }
}
