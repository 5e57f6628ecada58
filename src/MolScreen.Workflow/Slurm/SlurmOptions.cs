using MolScreen.Workflow.Definition;

namespace MolScreen.Workflow.Slurm;

/// <summary>
/// Command-line overrides for every stage's resources. GPUs are only ever given to stages whose
/// workflow resources ask for them: `--gpus-per-task` changes how many, never which stages.
/// </summary>
public sealed record SlurmOptions
{
    public string? Partition { get; init; }
    public string? Time { get; init; }
    public int? CpusPerTask { get; init; }
    public string? Memory { get; init; }
    public int? GpusPerTask { get; init; }
    public int MaxParallel { get; init; } = 100;
    public bool DryRun { get; init; }

    public StageResources Apply(StageResources r) => r with
    {
        Partition = Partition ?? r.Partition,
        Time = Time ?? r.Time,
        Cpus = CpusPerTask ?? r.Cpus,
        Memory = Memory ?? r.Memory,
        Gpus = r.Gpus > 0 ? GpusPerTask ?? r.Gpus : 0,
    };
}
