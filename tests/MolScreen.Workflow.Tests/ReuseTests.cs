using MolScreen.Core.IO;
using MolScreen.Workflow.Definition;
using MolScreen.Workflow.Execution;
using MolScreen.Workflow.Planning;

namespace MolScreen.Workflow.Tests;

/// <summary>
/// Content-addressed reuse: a file or folder a stage's parameters name is hashed by its bytes, so editing it (even
/// keeping size and time stamp) reruns exactly that stage and its downstream; a truncated shard is invalid to
/// `status`/`finalize` and redone by `run`; a run that does new work marks the old run products stale first.
/// </summary>
public class ReuseTests
{
    private const string Workflow = """
        name: reuse
        shard_size: 4
        stages:
          ingest:
            inputs: [lib.smi]
          measure:
            input: ingest
          weigh:
            input: measure
            params: { factor_file: factor.txt, model_dir: MODELS, fail: FAIL }
          collect:
            input: weigh
            join: ingest
        """;

    private static async Task<(Plan Plan, RunResult Result)> Run(TempDir dir, bool fail = false)
    {
        var text = Workflow.Replace("MODELS", Path.Combine(dir.Path, "models")).Replace("FAIL", fail ? "true" : "false");
        var wf = WorkflowLoader.Load(dir.File("wf.yaml", text), TestCatalog.Create());
        var plan = Plan.Build(wf, Path.Combine(dir.Path, "out"));
        var result = await new LocalExecutor(plan, new InProcessWorkerFactory(plan), 2).RunAsync();
        return (plan, result);
    }

    private static TempDir Setup()
    {
        var dir = new TempDir();
        dir.File("lib.smi", TestLibrary.Smiles(12));
        dir.File("factor.txt", "2.0\n");
        dir.File("models/member-0.bin", "abc");
        dir.File("models/member-1.bin", "def");
        return dir;
    }

    private static List<(string, int)> Redone(RunResult r) =>
        r.Done.Where(o => !o.Reused).Select(o => (o.Stage, o.Shard)).Order().ToList();

    /// <summary>Rewrites a file with new bytes of the same length and puts its old time stamp back.</summary>
    private static void EditKeepingStamp(string path, string text)
    {
        var stamp = File.GetLastWriteTimeUtc(path);
        Assert.Equal(new FileInfo(path).Length, text.Length);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, stamp);
    }

    private static readonly List<(string, int)> WeighAndDownstream = [("collect", 0), ("weigh", 0), ("weigh", 1), ("weigh", 2)];

    [Fact]
    public async Task EditingAFileParameterRerunsOnlyItsStageAndDownstream()
    {
        using var dir = Setup();
        var (_, first) = await Run(dir);
        Assert.True(first.Succeeded);
        EditKeepingStamp(Path.Combine(dir.Path, "factor.txt"), "3.0\n");
        var (_, rerun) = await Run(dir);
        Assert.True(rerun.Succeeded);
        Assert.Equal(WeighAndDownstream, Redone(rerun));
    }

    [Fact]
    public async Task SwappingOneFileOfAFolderRerunsOnlyItsStageAndDownstream()
    {
        using var dir = Setup();
        await Run(dir);
        EditKeepingStamp(Path.Combine(dir.Path, "models", "member-1.bin"), "xyz");
        var (_, rerun) = await Run(dir);
        Assert.Equal(WeighAndDownstream, Redone(rerun));
        // A new member in the folder counts too.
        dir.File("models/member-2.bin", "q");
        var (_, again) = await Run(dir);
        Assert.Equal(WeighAndDownstream, Redone(again));
        var (_, same) = await Run(dir);
        Assert.Empty(Redone(same));
    }

    [Fact]
    public async Task TruncatedShardIsInvalidForStatusAndFinalizeAndRedoneByRun()
    {
        using var dir = Setup();
        var (plan, _) = await Run(dir);
        await RunFinalizer.FinalizeAsync(plan);
        var victim = plan["measure"].Layout.DataPath(1);
        var bytes = File.ReadAllBytes(victim);
        File.WriteAllBytes(victim, bytes[..(bytes.Length / 2)]);

        var summary = PlanSummary.TryLoad(plan.OutDir)!;
        Assert.Equal(ShardState.Invalid, RunFinalizer.StateOf(plan.OutDir, summary, summary.Stages.First(s => s.Name == "measure"), 1, out _));
        var measure = RunFinalizer.Totals(plan.OutDir, summary).First(t => t.Stage == "measure");
        Assert.Equal((2, 1), (measure.ShardsDone, measure.ShardsInvalid));
        await Assert.ThrowsAsync<ShardException>(() => RunFinalizer.FinalizeAsync(plan));

        var (plan2, rerun) = await Run(dir);
        // The redone shard has the same bytes as before it was truncated, so its downstream is reused by content.
        Assert.Equal([("measure", 1)], Redone(rerun));
        Assert.Equal(bytes, File.ReadAllBytes(victim));
        Assert.All(RunFinalizer.Totals(plan2.OutDir, PlanSummary.TryLoad(plan2.OutDir)!), t => Assert.Equal(t.Shards, t.ShardsDone));
    }

    [Fact]
    public async Task ShardWrittenForOtherUpstreamDataIsStale()
    {
        using var dir = Setup();
        var (plan, _) = await Run(dir);
        var summary = PlanSummary.TryLoad(plan.OutDir)!;
        StageState(plan, summary, "weigh", 0, ShardState.Done);
        StageState(plan, summary, "collect", 0, ShardState.Done);
        // measure shard 0's manifest now names other data: weigh shard 0 (map) and collect (reduce) were made from data that is gone.
        var manifest = plan["measure"].Layout.ManifestPath(0);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(plan["measure"].Layout.Manifest(0)!.Data.Sha256, new string('0', 64)));
        StageState(plan, summary, "measure", 0, ShardState.Invalid);
        StageState(plan, summary, "weigh", 0, ShardState.Stale);
        StageState(plan, summary, "weigh", 1, ShardState.Done);
    }

    private static void StageState(Plan plan, PlanSummary summary, string stage, int shard, ShardState expected) =>
        Assert.Equal(expected, RunFinalizer.StateOf(plan.OutDir, summary, summary.Stages.First(s => s.Name == stage), shard, out _));

    [Fact]
    public async Task FailedRerunLeavesNoCurrentLookingRunProducts()
    {
        using var dir = Setup();
        var (plan, _) = await Run(dir);
        await RunFinalizer.FinalizeAsync(plan);
        var runJson = Path.Combine(plan.OutDir, "run.json");
        var rejects = Path.Combine(plan.OutDir, "rejects.parquet");
        Assert.True(File.Exists(runJson) && File.Exists(rejects));

        var (_, failed) = await Run(dir, fail: true);
        Assert.False(failed.Succeeded);
        Assert.False(File.Exists(runJson));
        Assert.False(File.Exists(rejects));
        Assert.True(File.Exists(runJson + ".stale"));

        var (plan3, fixedRun) = await Run(dir);
        Assert.True(fixedRun.Succeeded);
        await RunFinalizer.FinalizeAsync(plan3);
        Assert.True(File.Exists(runJson));
        Assert.Empty(Directory.GetFiles(plan3.OutDir, "*.stale", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task RerunThatReusesEverythingKeepsTheRunProducts()
    {
        using var dir = Setup();
        var (plan, _) = await Run(dir);
        await RunFinalizer.FinalizeAsync(plan);
        var (_, rerun) = await Run(dir);
        Assert.All(rerun.Done, o => Assert.True(o.Reused));
        Assert.True(File.Exists(Path.Combine(plan.OutDir, "run.json")));
    }

    [Fact]
    public void FolderHashCoversNamesAndBytes()
    {
        using var dir = Setup();
        var models = Path.Combine(dir.Path, "models");
        var before = ContentHash.OfPath(models);
        File.Move(Path.Combine(models, "member-1.bin"), Path.Combine(models, "member-9.bin"));
        Assert.NotEqual(before, ContentHash.OfPath(models));
        Assert.Equal("missing", ContentHash.OfPath(Path.Combine(dir.Path, "nope")));
    }
}
