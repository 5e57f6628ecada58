using System.CommandLine;
using MolScreen.Core.IO;
using MolScreen.Workflow.Definition;
using MolScreen.Workflow.Planning;

namespace MolScreen.Cli.Commands;

/// <summary>Arguments and options shared by the workflow commands, and how they resolve.</summary>
internal static class CommonOptions
{
    public static Argument<FileInfo> Workflow() => new("workflow") { Description = "Workflow file (YAML), e.g. workflows/example.yaml" };

    public static Option<DirectoryInfo?> Out() => new("--out", "-o") { Description = "Run directory (default: out/<workflow name>)" };

    public static WorkflowDefinition LoadWorkflow(FileInfo file) => WorkflowLoader.Load(file.FullName, Stages.Catalog);

    /// <summary>
    /// The run directory: --out, else out/NAME. The loader already allows only a single-segment name;
    /// the folder is still checked to resolve directly under out/, so no name can lead elsewhere.
    /// </summary>
    public static string OutDir(DirectoryInfo? given, WorkflowDefinition wf)
    {
        if (given != null) return given.FullName;
        var root = Path.GetFullPath("out");
        var dir = Path.GetFullPath(Path.Combine(root, wf.Name));
        var bad = ScriptText.CheckName(wf.Name);
        if (bad != null || Path.GetDirectoryName(dir) != root)
            throw new UsageException($"the workflow name cannot be a folder under {root}: {bad ?? SafeText.ForDisplay(wf.Name)}; pass --out DIR");
        return dir;
    }

    /// <summary>For commands that take only a run directory: the one given, or the only run under ./out.</summary>
    public static string ExistingRun(DirectoryInfo? given)
    {
        if (given != null)
            return PlanSummary.TryLoad(given.FullName) != null ? given.FullName
                : throw new UsageException($"{given.FullName} is not a MolScreen run directory (no _plan/plan.json)");
        var runs = Directory.Exists("out") ? Directory.GetDirectories("out").Where(d => PlanSummary.TryLoad(d) != null).ToList() : [];
        return runs.Count == 1 ? Path.GetFullPath(runs[0])
            : throw new UsageException(runs.Count == 0 ? "no run directory found under ./out; pass --out DIR" : $"several runs under ./out ({string.Join(", ", runs.Select(Path.GetFileName))}); pass --out DIR");
    }
}
