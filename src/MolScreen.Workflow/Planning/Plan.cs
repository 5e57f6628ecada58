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
    /// <summary>The stage read shard by shard (map) or as a whole (reduce: its rows are the records in).</summary>
    public PlannedStage? Upstream { get; init; }
    /// <summary>Reduce stages only: stages whose rows are looked up by `id`.</summary>
    public IReadOnlyList<PlannedStage> Joins { get; init; } = [];
    public bool IsReduce => Stage.Shape == StageShape.Reduce;
    /// <summary>A reduce-shaped stage that writes several shards (<see cref="IReshardingStage"/>); its work runs as shard 0.</summary>
    public IReshardingStage? Resharding => Stage as IReshardingStage;
    /// <summary>An upper bound on the rows this stage writes, known at plan time (source record counts, stage parameters).</summary>
    public long RowBound { get; init; }
    /// <summary>Every stage this one reads: the upstream, then the joins.</summary>
    public IEnumerable<PlannedStage> Reads => Upstream == null ? Joins : [Upstream, .. Joins];
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
            var joins = def.Joins.Select(j => planned[j]).ToList();
            SourceIndex? index = null;
            if (def.Stage is ISourceStage source) index = LoadOrBuildIndex(wf, def, source, outDir, log, ct);
            long rowBound = index?.RecordCount ?? upstream?.RowBound ?? 0;
            if (def.Stage is IReshardingStage reshard) rowBound = reshard.OutputRowBound(def.Parameters, rowBound);
            var ps = new PlannedStage
            {
                Definition = def,
                Order = ordered.Count,
                ParamHash = ParamHash(wf, def),
                Layout = new ShardLayout(outDir, def.Name),
                Index = index,
                Upstream = upstream,
                Joins = joins,
                RowBound = rowBound,
                // A reduce stage sees the whole run at once, so it has exactly one shard; a re-sharding one cuts its
                // bounded output into shards of the workflow's shard size (at least one, possibly empty).
                ShardCount = def.Stage is IReshardingStage ? ReshardCount(rowBound, wf.ShardSize)
                    : def.Stage.Shape == StageShape.Reduce ? 1 : index?.Shards.Count ?? upstream!.ShardCount,
            };
            foreach (var read in ps.Reads) read.Downstream.Add(ps);
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
            foreach (var read in s.Reads) Visit(stages.First(x => x.Name == read));
            done.Add(s.Name);
            result.Add(s);
        }
        foreach (var s in stages) Visit(s);
        return result;
    }

    public static int ReshardCount(long rowBound, int shardSize) => (int)Math.Max(1, (rowBound + shardSize - 1) / shardSize);

    /// <summary>
    /// What a shard's output depends on besides its input records: stage kind and version, seed, parameters, and the
    /// bytes of every file the parameters name (<see cref="FilesRead"/>), so a changed receptor or model reruns the stage.
    /// </summary>
    private static string ParamHash(WorkflowDefinition wf, StageDefinition def) => ContentHash.OfParts(
        [def.Stage.Kind, def.Stage.Version, wf.Seed.ToString(), def.Parameters.CanonicalJson(), .. def.Inputs.Select(i => i.Parameters.CanonicalJson()),
         .. FilesRead(def).Select(f => f + "\u001e" + ContentHash.OfPath(f))]);

    /// <summary>
    /// The files and folders a stage reads besides its input shards: every <see cref="ParameterSpec.IsFile"/> value
    /// (stage-wide and per input) and whatever the stage declares through <see cref="IReadsFiles"/> (model folders).
    /// </summary>
    public static IReadOnlyList<string> FilesRead(StageDefinition def)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var p in def.Inputs.Select(i => i.Parameters).Prepend(def.Parameters))
            foreach (var spec in def.Stage.Parameters.Where(s => s.IsFile))
                if (p.GetString(spec.Name) is { Length: > 0 } file) paths.Add(Path.GetFullPath(file));
        if (def.Stage is IReadsFiles reads)
            foreach (var f in reads.FilesRead(def.Parameters)) paths.Add(Path.GetFullPath(f));
        return paths.ToList();
    }

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
            new PlanSummary.Stage(s.Name, s.Stage.Kind, s.Upstream?.Name, s.ShardCount, s.ParamHash, s.Index?.RecordCount)
            {
                Joins = s.Joins.Count == 0 ? null : s.Joins.Select(j => j.Name).ToList(),
                DrawsSubset = s.Resharding?.DrawsSubset == true ? true : null,
            }).ToList());
        JsonFile.Save(Path.Combine(PlanDir(OutDir), "plan.json"), summary);
    }
}

/// <summary>What `status` needs to know about a run without loading the workflow or its inputs.</summary>
public sealed record PlanSummary(string Workflow, string Name, string WorkflowHash, List<PlanSummary.Stage> Stages)
{
    public sealed record Stage(string Name, string Kind, string? Upstream, int ShardCount, string ParamHash, long? SourceRecords)
    {
        /// <summary>Stages a reduce stage joins by `id` (absent for source and map stages).</summary>
        public List<string>? Joins { get; init; }
        /// <summary>A stage that draws a subset of its input (an acquisition): its records in are the rows drawn, not its input's rows.</summary>
        public bool? DrawsSubset { get; init; }
    }

    public static PlanSummary? TryLoad(string outDir) => JsonFile.TryLoad<PlanSummary>(Path.Combine(Plan.PlanDir(outDir), "plan.json"));
}
