using System.CommandLine;
using MolScreen.Cli.Rendering;
using MolScreen.Core.IO;
using MolScreen.Workflow.Execution;
using MolScreen.Workflow.Planning;
using MolScreen.Workflow.Slurm;

namespace MolScreen.Cli.Commands;

/// <summary>`molscreen status`: per-stage progress of a run directory, read from shard manifests only.</summary>
internal static class StatusCommand
{
    /// <summary>What SLURM says about the latest submission, when the run was submitted there.</summary>
    private static void PrintScheduler(string dir)
    {
        (IReadOnlyList<SlurmStageStatus> Stages, SlurmTask? Finalize)? slurm;
        try { slurm = SlurmStatus.Collect(dir); }
        catch (InvalidOperationException e) { Console.WriteLine($"slurm: cannot query the scheduler ({e.Message})"); return; }
        if (slurm is not { } s) return;
        Console.WriteLine("slurm (latest submission):");
        foreach (var st in s.Stages)
        {
            Console.WriteLine($"  {st.Stage,-12} job {st.JobId}: running {st.Running}, pending {st.Pending}, failed {st.Failed.Count}");
            foreach (var f in st.Failed)
            {
                Console.WriteLine($"    shard {f.Shard}: {f.State} (exit {f.ExitCode}, {SafeText.ForDisplay(f.Reason)}); log {SafeText.ForDisplay(f.Log)}");
                if (File.Exists(f.Log))
                    foreach (var line in File.ReadLines(f.Log).TakeLast(3)) Console.WriteLine($"      | {SafeText.ForDisplay(line)}");
            }
        }
        if (s.Finalize is { } fin) Console.WriteLine($"  {"finalize",-12} job {fin.JobId}: {fin.State}{(fin.Reason != "None" ? $" ({fin.Reason})" : "")}");
    }

    public static Command Create()
    {
        var outDir = CommonOptions.Out();
        var cmd = new Command("status", "Show per-stage progress of a run (shards done/total, records in/out/rejected)") { outDir };
        cmd.SetAction(pr =>
        {
            var dir = CommonOptions.ExistingRun(pr.GetValue(outDir));
            var plan = PlanSummary.TryLoad(dir)!;
            Console.WriteLine($"run {SafeText.ForDisplay(plan.Name)} ({SafeText.ForDisplay(plan.Workflow)}) in {SafeText.ForDisplay(dir)}");
            var totals = RunFinalizer.Totals(dir, plan);
            TotalsPrinter.Print(Console.Out, totals, withBalance: false);
            foreach (var s in plan.Stages)
            {
                var layout = new MolScreen.Core.Shards.ShardLayout(dir, s.Name);
                for (int k = 0; k < s.ShardCount; k++)
                {
                    var state = RunFinalizer.StateOf(dir, plan, s, k, out _);
                    if (state == ShardState.Failed)
                        Console.WriteLine($"  {SafeText.ForDisplay(s.Name)} shard {k} failed: {SafeText.ForDisplay(File.ReadAllText(FailureMarker.PathFor(layout, k)))}");
                    else if (state == ShardState.Invalid)
                        Console.WriteLine($"  {SafeText.ForDisplay(s.Name)} shard {k} invalid: {layout.Name(k)}'s data or rejects file does not match its manifest (truncated or modified); a rerun redoes it");
                    else if (state == ShardState.Stale)
                        Console.WriteLine($"  {SafeText.ForDisplay(s.Name)} shard {k} stale: written for other parameters, files or upstream data; a rerun redoes it");
                }
            }
            PrintScheduler(dir);
            var complete = totals.All(t => t.ShardsDone == t.Shards);
            Console.WriteLine(complete
                ? File.Exists(Path.Combine(dir, "run.json")) ? "complete" : "all shards done; run `molscreen finalize` to merge rejects"
                : "incomplete: rerun `molscreen run` (or `molscreen submit`, or the missing `molscreen stage` tasks) to finish");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}

/// <summary>`molscreen validate`: check a workflow file and print its plan without running anything.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var workflow = CommonOptions.Workflow();
        var cmd = new Command("validate", "Check a workflow file (stages, inputs, parameter types, cycles) without running it") { workflow };
        cmd.SetAction(pr =>
        {
            var wf = CommonOptions.LoadWorkflow(pr.GetValue(workflow)!);
            Console.WriteLine($"{wf.FilePath}: ok — workflow '{wf.Name}', seed {wf.Seed}, shard_size {wf.ShardSize}");
            foreach (var s in wf.Stages)
                Console.WriteLine($"  {s.Name} ({s.Stage.Kind}) <- {SafeText.ForDisplay(s.Input ?? string.Join(", ", s.Inputs.Select(i => i.Path)))}{(s.Joins.Count > 0 ? $" join {string.Join(", ", s.Joins)}" : "")}  params {s.Parameters}");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
