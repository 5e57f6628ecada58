using MolScreen.Core;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using MolScreen.Workflow.Planning;

namespace MolScreen.Workflow.Execution;

/// <summary>Record accounting of one stage, summed over its shards' manifests.</summary>
public sealed record StageTotals(string Stage, string Kind, int Shards, int ShardsDone, int ShardsFailed, long In, long Out, long Rejected, double WallSeconds)
{
    public bool Balanced => In == Out + Rejected;
}

/// <summary>
/// Closes a run once every shard is done: checks in = out + rejected per stage and across each
/// stage edge (a reduce stage's records in are its input stage's rows out), merges all shard rejects
/// into OUT/rejects.parquet, lets run-level stages (<see cref="IRunPublisher"/>) publish their
/// products at the top of OUT, and writes OUT/run.json last.
/// </summary>
public static class RunFinalizer
{
    public static IReadOnlyList<StageTotals> Totals(string outDir, PlanSummary plan)
    {
        var list = new List<StageTotals>();
        foreach (var s in plan.Stages)
        {
            var layout = new ShardLayout(outDir, s.Name);
            long i = 0, o = 0, r = 0; double w = 0; int done = 0, failed = 0;
            for (int k = 0; k < s.ShardCount; k++)
            {
                var m = layout.Manifest(k);
                if (m == null) { if (File.Exists(FailureMarker.PathFor(layout, k))) failed++; continue; }
                done++; i += m.RecordsIn; o += m.RecordsOut; r += m.RecordsRejected; w += m.WallSeconds;
            }
            list.Add(new StageTotals(s.Name, s.Kind, s.ShardCount, done, failed, i, o, r, w));
        }
        return list;
    }

    /// <summary>Returns the accounting problems found (empty when the books balance).</summary>
    public static List<string> CheckBalance(PlanSummary plan, IReadOnlyList<StageTotals> totals)
    {
        var problems = new List<string>();
        foreach (var t in totals)
        {
            if (!t.Balanced) problems.Add($"{t.Stage}: in {t.In} != out {t.Out} + rejected {t.Rejected}");
            var s = plan.Stages.First(x => x.Name == t.Stage);
            if (s.SourceRecords is { } src && src != t.In) problems.Add($"{t.Stage}: read {t.In} records, inputs hold {src}");
            if (s.Upstream != null && s.DrawsSubset != true && totals.First(x => x.Stage == s.Upstream).Out is var up && up != t.In)
                problems.Add($"{t.Stage}: in {t.In} != {s.Upstream} out {up}");
        }
        return problems;
    }

    public static async Task<long> FinalizeAsync(Plan plan)
    {
        var summary = PlanSummary.TryLoad(plan.OutDir)!;
        var totals = Totals(plan.OutDir, summary);
        var problems = CheckBalance(summary, totals);
        if (totals.Any(t => t.ShardsDone != t.Shards)) problems.Insert(0, "not every shard is done");
        if (problems.Count > 0) throw new ShardException("cannot finalize run: " + string.Join("; ", problems));
        // Every shard is done, so no one is writing: temps of tasks killed anywhere (time limit, node failure) can go.
        AtomicFile.RemoveStaleTemps(plan.OutDir, includeOtherHosts: true);

        long rejects = 0;
        await using (var w = await TableWriter.CreateAsync(Path.Combine(plan.OutDir, "rejects.parquet"), RejectSink.Schema))
        {
            foreach (var s in plan.Stages)
                for (int k = 0; k < s.ShardCount; k++)
                {
                    await using var r = await TableReader.OpenAsync(s.Layout.RejectsPath(k));
                    for (int g = 0; g < r.RowGroupCount; g++)
                    {
                        var cols = await r.ReadRowGroupAsync(g);
                        // Rebind to our schema's fields: the writer checks field identity.
                        var bound = cols.Select((c, i) => new ColumnData(RejectSink.Schema.DataFields[i], c.Values)).ToArray();
                        await w.WriteRowGroupAsync(bound);
                        rejects += bound[0].Length;
                    }
                }
            await w.CommitAsync();
        }

        var run = new
        {
            workflow = plan.Workflow.FilePath,
            workflow_name = plan.Workflow.Name,
            workflow_hash = plan.Workflow.ContentHash,
            molscreen_version = MolScreenInfo.Version,
            seed = plan.Workflow.Seed,
            shard_size = plan.Workflow.ShardSize,
            rejects = rejects,
            stages = totals,
        };
        // Run-level products come from checked books, and before run.json: run.json marks a finalized
        // run (schedulers and tests wait for it), so everything must be in place when it appears.
        var runText = System.Text.Json.JsonSerializer.Serialize(run, JsonFile.Options);
        foreach (var s in plan.Stages.Where(s => s.Stage is IRunPublisher))
            await ((IRunPublisher)s.Stage).PublishAsync(new RunPublication(plan.OutDir, s.Name, s.Definition.Parameters, s.Layout.DataPath(0),
                runText, plan.Workflow.Seed, plan.Workflow.ContentHash), CancellationToken.None);
        AtomicFile.WriteAllText(Path.Combine(plan.OutDir, "run.json"), runText);
        return rejects;
    }
}

/// <summary>A failed shard leaves this small JSON beside its (absent) outputs, so `status` can show why.</summary>
public static class FailureMarker
{
    public static string PathFor(ShardLayout layout, int shard) => layout.FailurePath(shard);

    public static void Write(ShardLayout layout, int shard, string error)
    {
        Directory.CreateDirectory(layout.ShardsDir);
        JsonFile.Save(PathFor(layout, shard), new { shard, error, host = Environment.MachineName, utc = DateTime.UtcNow });
    }

    public static void Clear(ShardLayout layout, int shard) => File.Delete(PathFor(layout, shard));
}
