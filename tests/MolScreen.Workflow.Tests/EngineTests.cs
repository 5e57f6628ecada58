using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Workflow.Definition;
using MolScreen.Workflow.Execution;
using MolScreen.Workflow.Planning;

namespace MolScreen.Workflow.Tests;

/// <summary>The engine with in-process workers: sharding, reuse, exact invalidation, accounting.</summary>
public class EngineTests
{
    private const string Workflow = """
        name: t
        shard_size: 4
        stages:
          ingest:
            inputs: [lib.smi]
          measure:
            input: ingest
            params: { scale: SCALE }
        """;

    private static async Task<(Plan Plan, RunResult Result)> Run(TempDir dir, double scale = 1.0, int workers = 3)
    {
        var wfPath = dir.File("wf.yaml", Workflow.Replace("SCALE", scale.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var wf = WorkflowLoader.Load(wfPath, TestCatalog.Create());
        var plan = Plan.Build(wf, Path.Combine(dir.Path, "out"));
        var result = await new LocalExecutor(plan, new InProcessWorkerFactory(plan), workers).RunAsync();
        return (plan, result);
    }

    private static Dictionary<string, string> Digests(Plan plan) =>
        plan.Stages.SelectMany(s => Enumerable.Range(0, s.ShardCount).Select(k => s.Layout.DataPath(k)))
            .ToDictionary(p => p, ContentHash.OfFile);

    [Fact]
    public async Task ShardsFlowThroughTheDagAndTheBooksBalance()
    {
        using var dir = new TempDir();
        dir.File("lib.smi", TestLibrary.Smiles(18, i => i == 5 ? "C1CC" : i == 9 ? "CBrC" : "CC"));
        var (plan, result) = await Run(dir);
        Assert.True(result.Succeeded);
        Assert.Equal([5, 5], plan.Stages.Select(s => s.ShardCount));
        Assert.Equal(10, result.Done.Count);
        var totals = RunFinalizer.Totals(plan.OutDir, PlanSummary.TryLoad(plan.OutDir)!);
        Assert.Equal((18L, 17L, 1L), (totals[0].In, totals[0].Out, totals[0].Rejected));
        Assert.Equal((17L, 16L, 1L), (totals[1].In, totals[1].Out, totals[1].Rejected));
        Assert.Empty(RunFinalizer.CheckBalance(PlanSummary.TryLoad(plan.OutDir)!, totals));

        Assert.Equal(2, await RunFinalizer.FinalizeAsync(plan));
        await using var r = await TableReader.OpenAsync(Path.Combine(plan.OutDir, "rejects.parquet"));
        var rejects = (await Task.WhenAll(Enumerable.Range(0, r.RowGroupCount).Select(g => r.ReadRowGroupAsync(g))))
            .SelectMany(RejectSink.FromColumns).ToList();
        Assert.Equal(["lib:5", "lib:9"], rejects.Select(x => x.Id));
        Assert.Equal(["ingest", "measure"], rejects.Select(x => x.Stage));
        Assert.Contains("unclosed ring", rejects[0].Reason);
        Assert.Equal("C1CC mol5", rejects[0].Raw);
    }

    [Fact]
    public async Task RerunReusesEveryShardAndChangesNoByte()
    {
        using var dir = new TempDir();
        dir.File("lib.smi", TestLibrary.Smiles(30));
        var (plan, _) = await Run(dir);
        var before = Digests(plan);
        var (plan2, again) = await Run(dir);
        Assert.True(again.Succeeded);
        Assert.All(again.Done, o => Assert.True(o.Reused));
        Assert.Equal(before, Digests(plan2));
    }

    [Fact]
    public async Task ParameterChangeRedoesOnlyThatStageAndDownstream()
    {
        using var dir = new TempDir();
        dir.File("lib.smi", TestLibrary.Smiles(30));
        await Run(dir, scale: 1.0);
        var (_, changed) = await Run(dir, scale: 2.0);
        Assert.All(changed.Done.Where(o => o.Stage == "ingest"), o => Assert.True(o.Reused));
        Assert.All(changed.Done.Where(o => o.Stage == "measure"), o => Assert.False(o.Reused));
    }

    [Fact]
    public async Task EditingOneRecordRedoesOnlyItsShards()
    {
        using var dir = new TempDir();
        dir.File("lib.smi", TestLibrary.Smiles(30));
        await Run(dir);
        // Record 13 lives in shard 3 (shard_size 4). Rewrite it with a different structure.
        var lines = File.ReadAllLines(Path.Combine(dir.Path, "lib.smi"));
        lines[13] = "CCCCCCCCCCCCO mol13";
        File.WriteAllLines(Path.Combine(dir.Path, "lib.smi"), lines);
        File.SetLastWriteTimeUtc(Path.Combine(dir.Path, "lib.smi"), DateTime.UtcNow.AddSeconds(5));
        var (_, rerun) = await Run(dir);
        var redone = rerun.Done.Where(o => !o.Reused).Select(o => (o.Stage, o.Shard)).OrderBy(x => x).ToList();
        Assert.Equal([("ingest", 3), ("measure", 3)], redone);
    }

    [Fact]
    public async Task CorruptedShardOutputIsRedone()
    {
        using var dir = new TempDir();
        dir.File("lib.smi", TestLibrary.Smiles(12));
        var (plan, _) = await Run(dir);
        var victim = plan["measure"].Layout.DataPath(1);
        var bytes = File.ReadAllBytes(victim);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(victim, bytes);
        var (plan2, rerun) = await Run(dir);
        Assert.Equal([("measure", 1)], rerun.Done.Where(o => !o.Reused).Select(o => (o.Stage, o.Shard)));
        Assert.NotEqual(ContentHash.OfText(""), ContentHash.OfFile(plan2["measure"].Layout.DataPath(1)));
    }

    [Fact]
    public async Task ShardWaitsForItsUpstream()
    {
        using var dir = new TempDir();
        dir.File("lib.smi", TestLibrary.Smiles(8));
        var wf = WorkflowLoader.Load(dir.File("wf.yaml", Workflow.Replace("SCALE", "1")), TestCatalog.Create());
        var plan = Plan.Build(wf, Path.Combine(dir.Path, "out"));
        var e = await Assert.ThrowsAsync<ShardException>(() => StageRunner.RunShardAsync(plan, plan["measure"], 1));
        Assert.Contains("upstream shard ingest/part-00001 is not complete", e.Message);
        Assert.True(File.Exists(FailureMarker.PathFor(plan["measure"].Layout, 1)));
        await StageRunner.RunShardAsync(plan, plan["ingest"], 1);
        var o = await StageRunner.RunShardAsync(plan, plan["measure"], 1);
        Assert.Equal(4, o.In);
        Assert.False(File.Exists(FailureMarker.PathFor(plan["measure"].Layout, 1)));
    }

    [Fact]
    public async Task StaleTempFilesOfDeadWritersAreRemoved()
    {
        using var dir = new TempDir();
        dir.File("lib.smi", TestLibrary.Smiles(8));
        var outDir = Path.Combine(dir.Path, "out", "ingest");
        Directory.CreateDirectory(outDir);
        var host = Path.GetFileName(MolScreen.Core.IO.AtomicFile.TempPathFor(Path.Combine(outDir, "x"))).Split(".tmp.")[1].Split('.')[0];
        var dead = Path.Combine(outDir, $".part-00000.parquet.tmp.{host}.999999");
        var live = Path.Combine(outDir, $".part-00001.parquet.tmp.{host}.{Environment.ProcessId}");
        var elsewhere = Path.Combine(outDir, ".part-00002.parquet.tmp.othernode.1");
        File.WriteAllText(dead, "half");
        File.WriteAllText(live, "mine");
        File.WriteAllText(elsewhere, "other host");
        Assert.Equal(1, AtomicFile.RemoveStaleTemps(Path.Combine(dir.Path, "out")));
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(elsewhere));
        Assert.Equal(1, AtomicFile.RemoveStaleTemps(Path.Combine(dir.Path, "out"), includeOtherHosts: true));
        Assert.True(File.Exists(live));
        File.Delete(live);
        var (plan, result) = await Run(dir);
        Assert.True(result.Succeeded);
        Assert.Empty(Directory.EnumerateFiles(plan.OutDir, ".*.tmp.*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task FailingShardStopsOnlyItsDownstream()
    {
        using var dir = new TempDir();
        dir.File("lib.smi", TestLibrary.Smiles(12));
        var wf = WorkflowLoader.Load(dir.File("wf.yaml", Workflow.Replace("SCALE", "1")), TestCatalog.Create());
        var plan = Plan.Build(wf, Path.Combine(dir.Path, "out"));
        var result = await new LocalExecutor(plan, new FailingFactory(plan, "ingest", 1), 2).RunAsync();
        Assert.False(result.Succeeded);
        Assert.Single(result.Failed);
        Assert.Equal(1, result.NotRun);
        Assert.Equal(4, result.Done.Count);
        await Assert.ThrowsAsync<ShardException>(() => RunFinalizer.FinalizeAsync(plan));
    }

    private sealed class FailingFactory(Plan plan, string stage, int shard) : IShardWorkerFactory
    {
        public IShardWorker Start(int slot) => new Worker(plan, stage, shard);
        private sealed class Worker(Plan plan, string stage, int shard) : IShardWorker
        {
            public Task<ShardOutcome> RunAsync(string s, int k, CancellationToken ct) =>
                s == stage && k == shard ? throw new WorkerCrashedException("injected") : StageRunner.RunShardAsync(plan, plan[s], k, ct);
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
