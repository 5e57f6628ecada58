using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using MolScreen.Workflow.Definition;

namespace MolScreen.Workflow.Planning;

/// <summary>A stage placed in a run: its shard count, parameter hash and neighbours in the DAG.</summary>
public sealed class PlannedStage
{
    public required StageDefinition Definition { get; init; }
    public required int Order { get; init; }
    public required string ParamHash { get; init; }
    public required ShardLayout Layout { get; init; }
    public SourceIndex? Index { get; init; }
    public PlannedStage? Upstream { get; init; }
    public List<PlannedStage> Downstream { get; } = new();
    public int ShardCount { get; init; }

    public string Name => Definition.Name;
    public IStage Stage => Definition.Stage;
}

/// <summary>
/// A workflow bound to an output directory: stages in dependency order, source inputs indexed into
/// shards (the index is cached under OUT/_plan and reused while the inputs are unchanged).
/// </summary>
public sealed class Plan
{
    public required WorkflowDefinition Workflow { get; init; }
    public required string OutDir { get; init; }
    public required IReadOnlyList<PlannedStage> Stages { get; init; }

    public PlannedStage this[string name] =>
        Stages.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"no stage '{name}' in workflow {Workflow.Name} (stages: {string.Join(", ", Stages.Select(s => s.Name))})");

    public static string PlanDir(string outDir) => Path.Combine(outDir, "_plan");

    public static Plan Build(WorkflowDefinition wf, string outDir, Action<string>? log = null, CancellationToken ct = default)
    {
        outDir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(PlanDir(outDir));
        var planned = new Dictionary<string, PlannedStage>();
        var ordered = new List<PlannedStage>();
        foreach (var def in TopologicalOrder(wf.Stages))
        {
            var upstream = def.Input == null ? null : planned[def.Input];
            SourceIndex? index = null;
            if (def.Stage is ISourceStage source) index = LoadOrBuildIndex(wf, def, source, outDir, log, ct);
            var ps = new PlannedStage
            {
                Definition = def,
                Order = ordered.Count,
                ParamHash = ParamHash(wf, def),
                Layout = new ShardLayout(outDir, def.Name),
                Index = index,
                Upstream = upstream,
                ShardCount = index?.Shards.Count ?? upstream!.ShardCount,
            };
            upstream?.Downstream.Add(ps);
            planned[def.Name] = ps;
            ordered.Add(ps);
        }
        var plan = new Plan { Workflow = wf, OutDir = outDir, Stages = ordered };
        plan.SaveSummary();
        return plan;
    }

    private static IEnumerable<StageDefinition> TopologicalOrder(IReadOnlyList<StageDefinition> stages)
    {
        var done = new HashSet<string>();
        var result = new List<StageDefinition>();
        void Visit(StageDefinition s)
        {
            if (done.Contains(s.Name)) return;
            if (s.Input != null) Visit(stages.First(x => x.Name == s.Input));
            done.Add(s.Name);
            result.Add(s);
        }
        foreach (var s in stages) Visit(s);
        return result;
    }

    private static string ParamHash(WorkflowDefinition wf, StageDefinition def) => ContentHash.OfParts(
        [def.Stage.Kind, def.Stage.Version, wf.Seed.ToString(), def.Parameters.CanonicalJson(), .. def.Inputs.Select(i => i.Parameters.CanonicalJson())]);

    private static SourceIndex LoadOrBuildIndex(WorkflowDefinition wf, StageDefinition def, ISourceStage stage, string outDir, Action<string>? log, CancellationToken ct)
    {
        var key = ContentHash.OfParts([def.Stage.Kind, def.Stage.Version, wf.ShardSize.ToString(), .. def.Inputs.Select(i => i.Path + "\u001e" + i.Parameters.CanonicalJson())]);
        var path = Path.Combine(PlanDir(outDir), def.Name + ".index.json");
        var cached = SourceIndex.TryLoad(path, key);
        if (cached != null) return cached;
        log?.Invoke($"indexing {def.Inputs.Count} input file(s) of stage '{def.Name}'");
        var index = stage.BuildIndex(def.Inputs, wf.ShardSize, ct) with { Key = key };
        index.Save(path);
        return index;
    }

    private void SaveSummary()
    {
        var summary = new PlanSummary(Workflow.FilePath, Workflow.Name, Workflow.ContentHash, Stages.Select(s =>
            new PlanSummary.Stage(s.Name, s.Stage.Kind, s.Upstream?.Name, s.ShardCount, s.ParamHash, s.Index?.RecordCount)).ToList());
        JsonFile.Save(Path.Combine(PlanDir(OutDir), "plan.json"), summary);
    }
}

/// <summary>What `status` needs to know about a run without loading the workflow or its inputs.</summary>
public sealed record PlanSummary(string Workflow, string Name, string WorkflowHash, List<PlanSummary.Stage> Stages)
{
    public sealed record Stage(string Name, string Kind, string? Upstream, int ShardCount, string ParamHash, long? SourceRecords);

    public static PlanSummary? TryLoad(string outDir) => JsonFile.TryLoad<PlanSummary>(Path.Combine(Plan.PlanDir(outDir), "plan.json"));
}
