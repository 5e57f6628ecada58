using System.Text;
using MolScreen.Core.IO;
using MolScreen.Workflow.Definition;
using MolScreen.Workflow.Planning;

namespace MolScreen.Workflow.Slurm;

/// <summary>
/// Writes the sbatch scripts of a run: one job array per stage (array task k = shard k) and one
/// finalize job. They are plain, commented shell scripts an HPC admin can read, edit and resubmit by
/// hand; `molscreen submit` passes the array indices and dependencies on the sbatch command line.
/// </summary>
public static class SlurmScripts
{
    public static string Dir(string outDir) => Path.Combine(outDir, "slurm");
    public static string LogDir(string outDir) => Path.Combine(Dir(outDir), "logs");
    public static string StageScript(string outDir, string stage) => Path.Combine(Dir(outDir), stage + ".sbatch");
    public static string FinalizeScript(string outDir) => Path.Combine(Dir(outDir), "finalize.sbatch");
    public static string JobLog(string outDir, string stage, string jobId) => Path.Combine(LogDir(outDir), $"{stage}-{jobId}.log");
    public static string TaskLog(string outDir, string stage, string jobId, int shard) => Path.Combine(LogDir(outDir), $"{stage}-{jobId}_{shard}.log");

    public static string Stage(Plan plan, PlannedStage stage, StageResources r, int maxParallel, string molscreen)
    {
        var wf = plan.Workflow;
        Refuse(plan, r);
        if (stage.IsReduce) return Reduce(plan, stage, r, molscreen);
        var sb = Header($"MolScreen stage '{stage.Name}' ({stage.Stage.Kind}) of workflow '{wf.Name}': array task k runs shard k of {stage.ShardCount}.",
            $"molscreen-{wf.Name}-{stage.Name}", r, Path.Combine(LogDir(plan.OutDir), $"{stage.Name}-%A_%a.log"));
        sb.AppendLine($"#SBATCH --array=0-{stage.ShardCount - 1}%{maxParallel}");
        Body(sb, molscreen);
        sb.AppendLine($"exec \"${{MOLSCREEN[@]}}\" stage {Quote(wf.FilePath)} --stage {stage.Name} --shard \"$SLURM_ARRAY_TASK_ID/{stage.ShardCount}\" --out {Quote(plan.OutDir)}");
        return sb.ToString();
    }

    /// <summary>A reduce stage is one plain job (no array): it reads every shard of the stages it reads.</summary>
    private static string Reduce(Plan plan, PlannedStage stage, StageResources r, string molscreen)
    {
        var wf = plan.Workflow;
        var reads = string.Join(", ", stage.Reads.Select(x => x.Name));
        var sb = Header($"MolScreen stage '{stage.Name}' ({stage.Stage.Kind}) of workflow '{wf.Name}': one job over all shards of {reads}.",
            $"molscreen-{wf.Name}-{stage.Name}", r, Path.Combine(LogDir(plan.OutDir), $"{stage.Name}-%j.log"));
        Body(sb, molscreen);
        sb.AppendLine($"exec \"${{MOLSCREEN[@]}}\" stage {Quote(wf.FilePath)} --stage {stage.Name} --shard 0/1 --out {Quote(plan.OutDir)}");
        return sb.ToString();
    }

    public static string Finalize(Plan plan, string molscreen)
    {
        Refuse(plan, null);
        var sb = Header($"MolScreen finalize of workflow '{plan.Workflow.Name}': checks in = out + rejected and merges rejects.parquet.",
            $"molscreen-{plan.Workflow.Name}-finalize", new StageResources(1, "2G", "00:30:00"), Path.Combine(LogDir(plan.OutDir), "finalize-%j.log"));
        Body(sb, molscreen);
        sb.AppendLine($"exec \"${{MOLSCREEN[@]}}\" finalize {Quote(plan.Workflow.FilePath)} --out {Quote(plan.OutDir)}");
        return sb.ToString();
    }

    /// <summary>
    /// The last check before text becomes a script: the loader and `submit` already refuse these values,
    /// and a plan built another way must not be able to write a shell line either.
    /// </summary>
    private static void Refuse(Plan plan, StageResources? r)
    {
        var problems = new List<string?>
        {
            ScriptText.CheckName(plan.Workflow.Name), ScriptText.CheckPath(plan.OutDir), ScriptText.CheckPath(plan.Workflow.FilePath),
        };
        problems.AddRange(plan.Stages.Select(s => s.Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-') ? null : $"stage name '{SafeText.ForDisplay(s.Name)}'"));
        if (r != null)
            problems.AddRange([ScriptText.CheckMemory(r.Memory) is { } m ? "mem " + m : null, ScriptText.CheckTime(r.Time) is { } t ? "time " + t : null,
                r.Partition != null && ScriptText.CheckPartition(r.Partition) is { } p ? "partition " + p : null]);
        if (problems.FirstOrDefault(p => p != null) is { } bad) throw new ArgumentException("cannot write a job script: " + bad);
    }

    private static StringBuilder Header(string what, string jobName, StageResources r, string log)
    {
        var sb = new StringBuilder("#!/bin/bash\n");
        sb.AppendLine($"# {what}");
        sb.AppendLine("# Written by `molscreen submit`. Resources come from the workflow file's `resources` (or submit options);");
        sb.AppendLine("# edit them there and run `molscreen submit` again: it resubmits only missing or failed shards.");
        sb.AppendLine($"#SBATCH --job-name={jobName}");
        sb.AppendLine($"#SBATCH --output={log}");
        sb.AppendLine($"#SBATCH --cpus-per-task={r.Cpus}");
        sb.AppendLine($"#SBATCH --mem={r.Memory}");
        sb.AppendLine($"#SBATCH --time={r.Time}");
        if (r.Gpus > 0) sb.AppendLine($"#SBATCH --gpus-per-task={r.Gpus}");
        if (r.Partition != null) sb.AppendLine($"#SBATCH --partition={r.Partition}");
        return sb;
    }

    private static void Body(StringBuilder sb, string molscreen)
    {
        sb.AppendLine("set -euo pipefail");
        sb.AppendLine("# One OpenBabel/OpenMP thread per task; flat memory over many records (see docs/hpc.md).");
        sb.AppendLine("export OMP_NUM_THREADS=1");
        sb.AppendLine("export DOTNET_GCgen0size=\"${DOTNET_GCgen0size:-0x1000000}\"");
        sb.AppendLine($"MOLSCREEN=({molscreen})");
    }

    /// <summary>The command that runs this very build of molscreen, as shell words (apphost, or dotnet + dll).</summary>
    public static string SelfCommand()
    {
        var psi = Execution.ProcessWorkerFactory.Launch([]);
        return string.Join(' ', new[] { psi.FileName }.Concat(psi.ArgumentList).Select(Quote));
    }

    private static string Quote(string s) => ScriptText.CheckPath(s) is { } bad ? throw new ArgumentException(bad) : ScriptText.Quote(s);
}
