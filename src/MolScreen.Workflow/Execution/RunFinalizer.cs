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
    /// <summary>Shards with a manifest that is not trusted: files truncated or modified, or written for other parameters or inputs.</summary>
    public int ShardsInvalid { get; init; }
}

/// <summary>What a shard's files say about it, as `status` and `finalize` judge them.</summary>
public enum ShardState { Missing, Failed, Invalid, Stale, Done }

/// <summary>
/// Closes a run once every shard is done: checks in = out + rejected per stage and across each
/// stage edge (a reduce stage's records in are its input stage's rows out), merges all shard rejects
/// into OUT/rejects.parquet, lets run-level stages (<see cref="IRunPublisher"/>) publish their
/// products at the top of OUT, and writes OUT/run.json last.
/// </summary>
public static class RunFinalizer
{
    /// <summary>
    /// Record accounting over the shards that are done. A manifest counts only when it was written for the plan's
    /// parameters, a map shard's for its upstream shard's current data, and its data and rejects files hash to it.
    /// </summary>
    public static IReadOnlyList<StageTotals> Totals(string outDir, PlanSummary plan)
    {
        var list = new List<StageTotals>();
        foreach (var s in plan.Stages)
        {
            long i = 0, o = 0, r = 0; double w = 0; int done = 0, failed = 0, invalid = 0;
            for (int k = 0; k < s.ShardCount; k++)
            {
                var state = StateOf(outDir, plan, s, k, out var m);
                if (state == ShardState.Failed) failed++;
                if (state is ShardState.Invalid or ShardState.Stale) invalid++;
                if (state != ShardState.Done) continue;
                done++; i += m!.RecordsIn; o += m.RecordsOut; r += m.RecordsRejected; w += m.WallSeconds;
            }
            list.Add(new StageTotals(s.Name, s.Kind, s.ShardCount, done, failed, i, o, r, w) { ShardsInvalid = invalid });
        }
        return list;
    }

    /// <summary>
    /// Done: the manifest matches the plan and its files are intact. Invalid: its data or rejects file does not hash to
    /// it (truncated, modified, missing). Stale: written for other parameters, or for upstream data no longer there.
    /// </summary>
    public static ShardState StateOf(string outDir, PlanSummary plan, PlanSummary.Stage s, int shard, out ShardManifest? manifest)
    {
        var layout = new ShardLayout(outDir, s.Name);
        manifest = layout.Manifest(shard);
        if (manifest == null) return File.Exists(FailureMarker.PathFor(layout, shard)) ? ShardState.Failed : ShardState.Missing;
        if (manifest.ParamHash != s.ParamHash || manifest.MolScreenVersion != MolScreenInfo.Version) return ShardState.Stale;
        if (s.Upstream != null && !ReadsCurrentData(outDir, plan, s, shard, manifest.InputHash)) return ShardState.Stale;
        return layout.FilesIntact(manifest) ? ShardState.Done : ShardState.Invalid;
    }

    /// <summary>The input hash as StageRunner takes it: a map shard's is its upstream shard's data hash, a reduce
    /// shard's covers every shard it reads (the summary does not say which shape a stage has, so either may match).</summary>
    private static bool ReadsCurrentData(string outDir, PlanSummary plan, PlanSummary.Stage s, int shard, string inputHash)
    {
        var up = plan.Stages.First(x => x.Name == s.Upstream);
        if (s.Joins == null && shard < up.ShardCount && new ShardLayout(outDir, up.Name).Manifest(shard)?.Data.Sha256 == inputHash) return true;
        var parts = new List<string>();
        foreach (var read in (s.Joins ?? []).Prepend(s.Upstream!).Select(n => plan.Stages.First(x => x.Name == n)))
            for (int k = 0; k < read.ShardCount; k++)
            {
                if (new ShardLayout(outDir, read.Name).Manifest(k) is not { } m) return false;
                parts.Add($"{read.Name}/{k}:{m.Data.Sha256}");
            }
        return ContentHash.OfParts([.. parts]) == inputHash;
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

    /// <summary>
    /// The run-level products of an earlier finalize (run.json, rejects.parquet and what publishers wrote, such as
    /// ranked.parquet, report.html and poses/): renamed to NAME.stale before a run does new work, so a run whose new
    /// shards fail never leaves them looking current. The next successful finalize removes the .stale files.
    /// </summary>
    public static IEnumerable<string> Products(Plan plan) =>
        new[] { "run.json", "rejects.parquet" }.Select(f => Path.Combine(plan.OutDir, f))
            .Concat(plan.Stages.Where(s => s.Stage is IRunPublisher).SelectMany(s => ((IRunPublisher)s.Stage).Products(plan.OutDir, s.Name)));

    public static void MarkStale(Plan plan)
    {
        foreach (var path in Products(plan))
        {
            // Concurrent shard tasks may race here: whoever renames first wins, the others find nothing to do.
            try { if (File.Exists(path)) File.Move(path, path + ".stale", overwrite: true); }
            catch (FileNotFoundException) { }
            catch (IOException) when (!File.Exists(path)) { }
        }
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
        foreach (var path in Directory.EnumerateFiles(plan.OutDir, "*.stale", SearchOption.AllDirectories).ToList()) File.Delete(path);
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
