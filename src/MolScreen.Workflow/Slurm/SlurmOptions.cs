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

    /// <summary>The first option that cannot be written into a job script, as a message naming the option; null when all are fine.</summary>
    public string? Problem()
    {
        if (Partition != null && ScriptText.CheckPartition(Partition) is { } p) return "--partition " + p;
        if (Time != null && ScriptText.CheckTime(Time) is { } t) return "--time " + t;
        if (Memory != null && ScriptText.CheckMemory(Memory) is { } m) return "--mem " + m;
        if (CpusPerTask is < 1 or > 1024) return $"--cpus-per-task must be between 1 and 1024, got {CpusPerTask}";
        if (GpusPerTask is < 0 or > 64) return $"--gpus-per-task must be between 0 and 64, got {GpusPerTask}";
        if (MaxParallel is < 1 or > 1_000_000) return $"--max-parallel must be between 1 and 1000000, got {MaxParallel}";
        return null;
    }

    public StageResources Apply(StageResources r) => r with
    {
        Partition = Partition ?? r.Partition,
        Time = Time ?? r.Time,
        Cpus = CpusPerTask ?? r.Cpus,
        Memory = Memory ?? r.Memory,
        Gpus = r.Gpus > 0 ? GpusPerTask ?? r.Gpus : 0,
    };
}
