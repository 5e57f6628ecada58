using MolScreen.Core.IO;
using MolScreen.Workflow.Definition;
using MolScreen.Workflow.Execution;
using MolScreen.Workflow.Planning;
using MolScreen.Workflow.Slurm;

namespace MolScreen.Workflow.Tests;

/// <summary>Reduce stages: one shard over every shard of the input and the joined stages.</summary>
public class ReduceStageTests
{
    private const string Workflow = """
        name: t
        shard_size: 4
        stages:
          ingest:
            inputs: [lib.smi]
          measure:
            input: ingest
          collect:
            input: measure
            join: [ingest]
            params: { max_length: MAX }
        """;

    private static Plan PlanFor(TempDir dir, double max = 1000)
    {
        var wf = WorkflowLoader.Load(dir.File("wf.yaml", Workflow.Replace("MAX", max.ToString(System.Globalization.CultureInfo.InvariantCulture))), TestCatalog.Create());
        return Plan.Build(wf, Path.Combine(dir.Path, "out"));
    }

    private static async Task<(Plan, RunResult)> Run(TempDir dir, double max = 1000, IShardWorkerFactory? workers = null)
    {
        var plan = PlanFor(dir, max);
        return (plan, await new LocalExecutor(plan, workers ?? new InProcessWorkerFactory(plan), 3).RunAsync());
    }

    private static async Task<List<object?[]>> Rows(string path)
    {
        await using var r = await TableReader.OpenAsync(path);
        var rows = new List<object?[]>();
        for (int g = 0; g < r.RowGroupCount; g++)
        {
            var c = await r.ReadRowGroupAsync(g);
            for (int i = 0; i < c[0].Length; i++) rows.Add(c.Select(x => x.Values.GetValue(i)).ToArray());
        }
        return rows;
    }

    [Fact]
    public async Task ReduceReadsEveryShardJoinsByIdAndBalancesAgainstItsInput()
    {
        using var dir = new TempDir();
        dir.File("lib.smi", TestLibrary.Smiles(18));
        var (plan, result) = await Run(dir, max: 6);
        Assert.True(result.Succeeded);
        Assert.Equal(1, plan["collect"].ShardCount);
        Assert.Equal(["ingest", "measure", "collect"], plan.Stages.Select(s => s.Name));
        var rows = await Rows(plan["collect"].Layout.DataPath(0));
        // 18 compounds of lengths 1..7 cycling; the two of length 7 are rejected.
        Assert.Equal(16, rows.Count);
        Assert.Equal(Enumerable.Range(1, 16), rows.Select(r => (int)r[2]!));
        Assert.True(rows.Zip(rows.Skip(1)).All(p => (double)p.First[1]! <= (double)p.Second[1]!));
        Assert.All(rows, r => Assert.Equal(new string('C', (int)(double)r[1]!), r[3]));
        var summary = PlanSummary.TryLoad(plan.OutDir)!;
        Assert.Equal(["ingest"], summary.Stages.Single(s => s.Name == "collect").Joins);
        var totals = RunFinalizer.Totals(plan.OutDir, summary);
        Assert.Equal((18L, 16L, 2L), (totals[2].In, totals[2].Out, totals[2].Rejected));
        Assert.Empty(RunFinalizer.CheckBalance(summary, totals));
        Assert.Equal(2, await RunFinalizer.FinalizeAsync(plan));
    }

    [Fact]
    public async Task ReduceRerunsExactlyWhenAnUpstreamShardChanged()
    {
        using var dir = new TempDir();
        dir.File("lib.smi", TestLibrary.Smiles(12));
        await Run(dir);
        var (_, again) = await Run(dir);
        Assert.All(again.Done, o => Assert.True(o.Reused));

        var lines = File.ReadAllLines(Path.Combine(dir.Path, "lib.smi"));
        lines[5] = "CCCCCCCCCCCCO mol5";
        File.WriteAllLines(Path.Combine(dir.Path, "lib.smi"), lines);
        File.SetLastWriteTimeUtc(Path.Combine(dir.Path, "lib.smi"), DateTime.UtcNow.AddSeconds(5));
        var (plan, changed) = await Run(dir);
        Assert.Equal([("collect", 0), ("ingest", 1), ("measure", 1)], changed.Done.Where(o => !o.Reused).Select(o => (o.Stage, o.Shard)).Order());
        Assert.Contains(await Rows(plan["collect"].Layout.DataPath(0)), r => (string)r[3]! == "CCCCCCCCCCCCO");
    }

    [Fact]
    public async Task AFailedUpstreamShardMeansTheReduceDoesNotRun()
    {
        using var dir = new TempDir();
        dir.File("lib.smi", TestLibrary.Smiles(12));
        var plan = PlanFor(dir);
        var result = await new LocalExecutor(plan, new FailingFactory(plan, "measure", 2), 2).RunAsync();
        Assert.False(result.Succeeded);
        Assert.Equal([("measure", 2)], result.Failed.Select(f => (f.Stage, f.Shard)));
        Assert.Equal(1, result.NotRun);
        Assert.DoesNotContain(result.Done, o => o.Stage == "collect");
        var e = await Assert.ThrowsAsync<ShardException>(() => StageRunner.RunShardAsync(plan, plan["collect"], 0));
        Assert.Contains("upstream shard measure/part-00002 is not complete", e.Message);
        await Assert.ThrowsAsync<ShardException>(() => RunFinalizer.FinalizeAsync(plan));
    }

    [Fact]
    public void JoinsAreValidatedWithLocations()
    {
        using var dir = new TempDir();
        dir.File("lib.smi", "C a\n");
        WorkflowException Fails(string yaml) => Assert.Throws<WorkflowException>(() => WorkflowLoader.Parse(yaml, dir.File("wf.yaml", yaml), TestCatalog.Create()));
        var head = "name: t\nstages:\n  ingest:\n    inputs: [lib.smi]\n  measure:\n    input: ingest\n";

        var e = Fails(head + "  collect:\n    input: measure\n    join: [ingest, nope]\n");
        Assert.Contains("joined stage 'nope' is not defined", e.Message);
        Assert.Equal((9L, 20L), (e.Line, e.Column));

        e = Fails("name: t\nstages:\n  ingest:\n    inputs: [lib.smi]\n  measure:\n    input: ingest\n    join: [ingest]\n");
        Assert.Contains("only reduce stages", e.Message);
        Assert.Equal(7L, e.Line);

        e = Fails(head + "  collect:\n    input: measure\n    join: measure\n");
        Assert.Contains("read twice", e.Message);

        e = Fails("name: t\nstages:\n  ingest:\n    inputs: [lib.smi]\n  a:\n    kind: collect\n    input: ingest\n    join: [b]\n  b:\n    kind: measure\n    input: a\n");
        Assert.Contains("cycle: a -> b -> a", e.Message);
        Assert.Equal(5L, e.Line);
    }

    [Fact]
    public void SlurmSubmitsTheReduceAsOneJobAfterEveryArrayItReads()
    {
        using var dir = new TempDir();
        dir.File("lib.smi", TestLibrary.Smiles(12));
        var plan = PlanFor(dir);
        var result = new SlurmSubmitter(plan, new SlurmOptions { DryRun = true }, "molscreen").Submit(_ => { });
        var collect = result.Commands.Single(c => c.EndsWith("collect.sbatch"));
        Assert.DoesNotContain("--array", collect);
        Assert.Contains("--dependency=afterok:<ingest>:<measure>", collect.Replace("<measure>:<ingest>", "<ingest>:<measure>"));
        var script = File.ReadAllText(SlurmScripts.StageScript(plan.OutDir, "collect"));
        Assert.DoesNotContain("#SBATCH --array", script);
        Assert.Contains("--stage collect --shard 0/1", script);
        Assert.Contains(":<collect> ", result.Commands.Single(c => c.EndsWith("finalize.sbatch")));
    }

    private sealed class FailingFactory(Plan plan, string stage, int shard) : IShardWorkerFactory
    {
        public IShardWorker Start(int slot) => new Worker(plan, stage, shard);
        private sealed class Worker(Plan plan, string stage, int shard) : IShardWorker
        {
            public Task<ShardOutcome> RunAsync(string s, int k, CancellationToken ct) =>
                s == stage && k == shard ? throw new ShardException("injected") : StageRunner.RunShardAsync(plan, plan[s], k, ct);
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
