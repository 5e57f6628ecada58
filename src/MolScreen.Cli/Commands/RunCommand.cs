using System.CommandLine;
using MolScreen.Cli.Rendering;
using MolScreen.Workflow.Definition;
using MolScreen.Workflow.Execution;
using MolScreen.Workflow.Planning;
using Spectre.Console;

namespace MolScreen.Cli.Commands;

/// <summary>`molscreen run`: every stage of a workflow on this machine, in worker processes, resumable.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var workflow = CommonOptions.Workflow();
        var outDir = CommonOptions.Out();
        var workers = new Option<int>("--workers", "-j") { Description = "Worker processes (default: number of cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("run", "Run every stage of a workflow locally; a rerun reuses finished shards") { workflow, outDir, workers };
        cmd.SetAction(async (pr, ct) =>
        {
            var wf = CommonOptions.LoadWorkflow(pr.GetValue(workflow)!);
            var n = pr.GetValue(workers);
            if (n < 1) throw new UsageException("--workers must be at least 1");
            var dir = CommonOptions.OutDir(pr.GetValue(outDir), wf);
            Directory.CreateDirectory(dir);
            using var runLock = RunLock.Acquire(dir);
            return await RunAsync(wf, dir, n, ct);
        });
        return cmd;
    }

    private static async Task<int> RunAsync(WorkflowDefinition wf, string dir, int workers, CancellationToken ct)
    {
        Console.WriteLine($"molscreen run {wf.Name}: output {dir}, {workers} worker(s)");
        var plan = Plan.Build(wf, dir, Console.WriteLine, ct);
        var factory = new ProcessWorkerFactory(wf.FilePath, dir, wf.RecordTimeout);
        RunResult result;
        if (SpectreObserver.Usable)
        {
            result = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(ctx => new LocalExecutor(plan, factory, workers, new SpectreObserver(ctx)).RunAsync(ct));
        }
        else result = await new LocalExecutor(plan, factory, workers, new PlainObserver(Console.Out)).RunAsync(ct);

        var summary = PlanSummary.TryLoad(dir)!;
        var totals = RunFinalizer.Totals(dir, summary);
        if (!result.Succeeded)
        {
            TotalsPrinter.Print(Console.Out, totals, withBalance: false);
            Console.Error.WriteLine($"{result.Failed.Count} shard(s) failed, {result.NotRun} not run because an upstream shard failed:");
            foreach (var (s, k, e) in result.Failed) Console.Error.WriteLine($"  {s} shard {k}: {e}");
            Console.Error.WriteLine("Fix the cause and run the same command again: finished shards are reused.");
            return ExitCodes.Failure;
        }
        var rejects = await RunFinalizer.FinalizeAsync(plan);
        TotalsPrinter.Print(Console.Out, totals, withBalance: true);
        var reused = result.Done.Count(o => o.Reused);
        Console.WriteLine($"done: {result.Done.Count} shard(s), {reused} reused; {rejects} reject(s) in {Path.Combine(dir, "rejects.parquet")}");
        return ExitCodes.Ok;
    }
}

/// <summary>One `run` per output directory at a time; the OS drops the lock if the process dies.</summary>
internal sealed class RunLock : IDisposable
{
    private readonly FileStream _file;
    private RunLock(FileStream file) => _file = file;

    public static RunLock Acquire(string dir)
    {
        try { return new RunLock(new FileStream(Path.Combine(dir, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)); }
        catch (IOException) { throw new UsageException($"another molscreen run is using {dir}"); }
    }

    public void Dispose() => _file.Dispose();
}
