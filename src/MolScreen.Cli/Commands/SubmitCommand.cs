using System.CommandLine;
using MolScreen.Workflow.Planning;
using MolScreen.Workflow.Slurm;

namespace MolScreen.Cli.Commands;

/// <summary>`molscreen submit`: the workflow as SLURM job arrays, one per stage, plus a finalize job.</summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var workflow = CommonOptions.Workflow();
        var outDir = CommonOptions.Out();
        var scheduler = new Option<string>("--scheduler") { Description = "Scheduler to submit to", Required = true };
        scheduler.AcceptOnlyFromAmong("slurm");
        var partition = new Option<string?>("--partition", "-p") { Description = "Partition for every stage (default: the workflow's, else the cluster default)" };
        var time = new Option<string?>("--time", "-t") { Description = "Time limit per shard task, e.g. 01:00:00 (default: the workflow's)" };
        var cpus = new Option<int?>("--cpus-per-task", "-c") { Description = "CPUs per shard task (default: the workflow's)" };
        var mem = new Option<string?>("--mem") { Description = "Memory per shard task, e.g. 4G (default: the workflow's)" };
        var gpus = new Option<int?>("--gpus-per-task") { Description = "GPUs per task, for stages whose resources ask for GPUs only" };
        var maxParallel = new Option<int>("--max-parallel") { Description = "At most this many tasks of one stage at once (%K)", DefaultValueFactory = _ => 100 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Write and print the sbatch scripts and commands without submitting" };
        var cmd = new Command("submit", "Submit the workflow to a cluster scheduler; resubmitting redoes only missing or failed shards")
            { workflow, scheduler, outDir, partition, time, cpus, mem, gpus, maxParallel, dryRun };
        cmd.SetAction((pr, ct) =>
        {
            var options = new SlurmOptions
            {
                Partition = pr.GetValue(partition), Time = pr.GetValue(time), CpusPerTask = pr.GetValue(cpus), Memory = pr.GetValue(mem),
                GpusPerTask = pr.GetValue(gpus), MaxParallel = pr.GetValue(maxParallel), DryRun = pr.GetValue(dryRun),
            };
            // Every option reaches a job script: refuse what does not match its pattern before reading anything.
            if (options.Problem() is { } bad) throw new UsageException(bad);
            var wf = CommonOptions.LoadWorkflow(pr.GetValue(workflow)!);
            var plan = Plan.Build(wf, CommonOptions.OutDir(pr.GetValue(outDir), wf), Console.Error.WriteLine, ct);
            SubmitResult result;
            try { result = new SlurmSubmitter(plan, options, SlurmScripts.SelfCommand()).Submit(Console.WriteLine); }
            catch (SlurmBusyException e) { throw new UsageException(e.Message); }
            if (result.NothingToDo)
            {
                Console.WriteLine($"nothing to submit: every shard is complete and the run is finalized ({plan.OutDir})");
                return Task.FromResult(ExitCodes.Ok);
            }
            if (options.DryRun)
            {
                foreach (var s in plan.Stages) Console.Write($"\n==> {SlurmScripts.StageScript(plan.OutDir, s.Name)} <==\n{File.ReadAllText(SlurmScripts.StageScript(plan.OutDir, s.Name))}");
                Console.Write($"\n==> {SlurmScripts.FinalizeScript(plan.OutDir)} <==\n{File.ReadAllText(SlurmScripts.FinalizeScript(plan.OutDir))}");
                Console.WriteLine("\nwould run:");
                foreach (var c in result.Commands) Console.WriteLine("  " + c);
            }
            else Console.WriteLine($"submitted; follow with: molscreen status --out {plan.OutDir}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return cmd;
    }
}
