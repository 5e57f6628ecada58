using MolScreen.Core.Stages;

namespace MolScreen.Workflow.Definition;

/// <summary>A validated workflow file. Construct with <see cref="WorkflowLoader"/>.</summary>
public sealed record WorkflowDefinition(
    string FilePath, string Name, string? Description, int Seed, int ShardSize,
    IReadOnlyList<StageDefinition> Stages, string ContentHash)
{
    public StageDefinition? Find(string name) => Stages.FirstOrDefault(s => s.Name == name);

    /// <summary>`record_timeout`: seconds one record may take in a worker before the supervisor stops the worker and
    /// the retry rejects the record as a timeout. Not part of any hash (it decides nothing about a record that finishes).</summary>
    public int RecordTimeout { get; init; } = 300;
}

/// <summary>One named stage of a workflow with its resolved inputs and typed parameters.</summary>
public sealed record StageDefinition(
    string Name, IStage Stage, string? Input, IReadOnlyList<SourceInput> Inputs,
    StageParameters Parameters, StageResources Resources, int Line, int Column)
{
    /// <summary>Reduce stages only: the other stages whose rows are joined to the input rows by `id`.</summary>
    public IReadOnlyList<string> Joins { get; init; } = [];

    /// <summary>The stages this one reads: its input, then its joins.</summary>
    public IEnumerable<string> Reads => Input == null ? Joins : [Input, .. Joins];
}

/// <summary>What a scheduler should grant one shard task of this stage (used by the SLURM executor).</summary>
public sealed record StageResources(int Cpus = 1, string Memory = "4G", string Time = "01:00:00", int Gpus = 0, string? Partition = null);

/// <summary>A workflow file error, located by file, line and column (1-based).</summary>
public sealed class WorkflowException(string file, long line, long column, string message)
    : Exception(line > 0 ? $"{file}:{line}:{column}: {message}" : $"{file}: {message}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public long Column { get; } = column;
    public string Reason { get; } = message;
}
