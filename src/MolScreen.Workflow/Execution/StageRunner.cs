using System.Diagnostics;
using MolScreen.Core;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using MolScreen.Workflow.Planning;

namespace MolScreen.Workflow.Execution;

/// <summary>The result of asking for one shard: reused from a previous run, or computed now.</summary>
public sealed record ShardOutcome(string Stage, int Shard, bool Reused, long In, long Out, long Rejected, double Seconds);

/// <summary>A shard cannot run yet, or its stage broke the in = out + rejected rule.</summary>
public sealed class ShardException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Runs one shard of one stage: reuse it if its manifest matches the inputs and parameters, else
/// compute it, write data and rejects atomically, check the record balance, and write the manifest last.
/// </summary>
public static class StageRunner
{
    public static async Task<ShardOutcome> RunShardAsync(Plan plan, PlannedStage stage, int shard, CancellationToken ct = default)
    {
        try
        {
            var outcome = await RunCheckedAsync(plan, stage, shard, ct);
            FailureMarker.Clear(stage.Layout, shard);
            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException and not ArgumentOutOfRangeException)
        {
            FailureMarker.Write(stage.Layout, shard, e.Message);
            throw;
        }
    }

    private static async Task<ShardOutcome> RunCheckedAsync(Plan plan, PlannedStage stage, int shard, CancellationToken ct)
    {
        if (shard < 0 || shard >= stage.ShardCount) throw new ArgumentOutOfRangeException(nameof(shard), $"stage '{stage.Name}' has shards 0..{stage.ShardCount - 1}");
        var layout = stage.Layout;
        var inputHash = InputHash(stage, shard, out var upstreamData, out var wholeStages);
        if (ValidManifest(stage, shard, inputHash) is { } existing)
            return new ShardOutcome(stage.Name, shard, true, existing.RecordsIn, existing.RecordsOut, existing.RecordsRejected, existing.WallSeconds);

        // New work: the products of an earlier finalize no longer describe this run until it is finalized again.
        RunFinalizer.MarkStale(plan);
        FaultInjection.ThrowIfRequested(stage.Name, shard);
        if (stage.Resharding is { } reshard) return await ReshardAsync(plan, stage, reshard, shard, inputHash, wholeStages!, ct);
        Directory.CreateDirectory(layout.ShardsDir);
        // The old manifest must not outlive the data it described, even for a moment.
        File.Delete(layout.ManifestPath(shard));
        var sw = Stopwatch.StartNew();
        var rejects = new RejectSink();
        var culprits = CrashHistory.Culprits(layout, shard, inputHash);
        ShardResult result;
        using (var guard = new RecordGuard(layout.JournalPath(shard), culprits))
        {
            var ctx = new ShardContext(stage.Name, shard, stage.ShardCount, stage.Definition.Parameters, plan.Workflow.Seed, rejects, ct) { Guard = guard };
            try
            {
                result = stage.Stage switch
                {
                    ISourceStage src => await src.RunShardAsync(ctx, stage.Definition.Inputs, stage.Index!.Shards[shard], layout.DataPath(shard)),
                    IMapStage map => await map.RunShardAsync(ctx, upstreamData!, layout.DataPath(shard)),
                    IReduceStage reduce => await reduce.RunAsync(ctx, wholeStages![0], wholeStages.Skip(1).ToList(), layout.DataPath(shard)),
                    _ => throw new InvalidOperationException($"stage kind '{stage.Stage.Kind}' is not a source, map or reduce stage"),
                };
            }
            catch
            {
                // A managed failure is not a crash: don't let the journal blame the record it was on.
                guard.Dispose();
                File.Delete(layout.JournalPath(shard));
                throw;
            }
        }
        if (result.RecordsIn != result.RecordsOut + rejects.Count)
            throw new ShardException($"{stage.Name} shard {shard}: records in ({result.RecordsIn}) != out ({result.RecordsOut}) + rejected ({rejects.Count})");
        if (stage.IsReduce && RowsOf(stage.Upstream!) is var expected && result.RecordsIn != expected)
            throw new ShardException($"{stage.Name}: read {result.RecordsIn} records, stage '{stage.Upstream!.Name}' wrote {expected} (every input row must end in the output or in rejects)");
        if (stage.Index != null && result.RecordsIn != stage.Index.Shards[shard].RecordCount)
            throw new ShardException($"{stage.Name} shard {shard}: read {result.RecordsIn} records, the index expects {stage.Index.Shards[shard].RecordCount} (did an input change during the run?)");
        var rejectsDigest = await rejects.WriteAsync(layout.RejectsPath(shard));
        SaveManifest(stage, shard, inputHash, result.RecordsIn, result.RecordsOut, rejects.Count, sw.Elapsed.TotalSeconds, result.Data, rejectsDigest);
        CrashHistory.Clear(layout, shard);
        return new ShardOutcome(stage.Name, shard, false, result.RecordsIn, result.RecordsOut, rejects.Count, sw.Elapsed.TotalSeconds);
    }

    private static void SaveManifest(PlannedStage stage, int shard, string inputHash, long recordsIn, long recordsOut, long rejected, double seconds, FileDigest data, FileDigest rejects) =>
        new ShardManifest
        {
            Stage = stage.Name, Kind = stage.Stage.Kind, Shard = shard, ShardCount = stage.ShardCount,
            InputHash = inputHash, ParamHash = stage.ParamHash,
            MolScreenVersion = MolScreenInfo.Version, StageVersion = stage.Stage.Version,
            RecordsIn = recordsIn, RecordsOut = recordsOut, RecordsRejected = rejected,
            WallSeconds = Math.Round(seconds, 3), Data = data, Rejects = rejects,
            FinishedUtc = DateTime.UtcNow, Host = Environment.MachineName,
        }.Save(stage.Layout.ManifestPath(shard));

    /// <summary>
    /// A re-sharding stage: asked for any of its shards, it runs its work once and writes every shard. Its records
    /// in are booked so each manifest balances and their sum is what it read: shard k &gt; 0 books its own rows,
    /// shard 0 the rest with all rejects. Manifests are written last and shard 0's after the others, so a kill at
    /// any point leaves shard 0 incomplete and the next run redoes the whole stage.
    /// </summary>
    private static async Task<ShardOutcome> ReshardAsync(Plan plan, PlannedStage stage, IReshardingStage reshard, int shard, string inputHash, List<StageShards> reads, CancellationToken ct)
    {
        var layout = stage.Layout;
        Directory.CreateDirectory(layout.ShardsDir);
        for (int k = 0; k < stage.ShardCount; k++) File.Delete(layout.ManifestPath(k));
        var sw = Stopwatch.StartNew();
        var rejects = new RejectSink();
        ReshardResult result;
        using (var guard = new RecordGuard(layout.JournalPath(0), CrashHistory.Culprits(layout, 0, inputHash)))
        {
            var ctx = new ShardContext(stage.Name, 0, stage.ShardCount, stage.Definition.Parameters, plan.Workflow.Seed, rejects, ct) { Guard = guard };
            try
            {
                result = await reshard.RunAsync(ctx, reads[0], reads.Skip(1).ToList(), Enumerable.Range(0, stage.ShardCount).Select(layout.DataPath).ToList());
            }
            catch
            {
                guard.Dispose();
                File.Delete(layout.JournalPath(0));
                throw;
            }
        }
        if (result.Shards.Count != stage.ShardCount)
            throw new ShardException($"{stage.Name}: wrote {result.Shards.Count} shards, the plan has {stage.ShardCount}");
        long written = result.Shards.Sum(r => r.RecordsOut), beyond = written - result.Shards[0].RecordsOut;
        if (result.RecordsIn != written + rejects.Count)
            throw new ShardException($"{stage.Name}: records in ({result.RecordsIn}) != out ({written}) + rejected ({rejects.Count})");
        if (!reshard.DrawsSubset && RowsOf(stage.Upstream!) is var expected && result.RecordsIn != expected)
            throw new ShardException($"{stage.Name}: read {result.RecordsIn} records, stage '{stage.Upstream!.Name}' wrote {expected} (every input row must end in the output or in rejects)");
        var rejectDigests = new FileDigest[stage.ShardCount];
        rejectDigests[0] = await rejects.WriteAsync(layout.RejectsPath(0));
        for (int k = 1; k < stage.ShardCount; k++) rejectDigests[k] = await new RejectSink().WriteAsync(layout.RejectsPath(k));
        double seconds = sw.Elapsed.TotalSeconds;
        for (int k = stage.ShardCount - 1; k >= 0; k--)
        {
            var r = result.Shards[k];
            SaveManifest(stage, k, inputHash, k == 0 ? result.RecordsIn - beyond : r.RecordsOut, r.RecordsOut, k == 0 ? rejects.Count : 0, k == 0 ? seconds : 0, r.Data, rejectDigests[k]);
        }
        CrashHistory.Clear(layout, 0);
        var mine = result.Shards[shard];
        return new ShardOutcome(stage.Name, shard, false, shard == 0 ? result.RecordsIn - beyond : mine.RecordsOut, mine.RecordsOut, shard == 0 ? rejects.Count : 0, seconds);
    }

    /// <summary>
    /// True when shard k is done for the current inputs and parameters, i.e. running it would only
    /// reuse it. Schedulers use this to resubmit exactly the shards that are missing or stale.
    /// </summary>
    public static bool IsComplete(PlannedStage stage, int shard)
    {
        try { return ValidManifest(stage, shard, InputHash(stage, shard, out _, out _)) != null; }
        catch (ShardException) { return false; }
    }

    /// <summary>The input hash of a shard as it would run now (for crash bookkeeping by supervisors).</summary>
    public static string? InputHashOf(PlannedStage stage, int shard)
    {
        try { return InputHash(stage, shard, out _, out _); }
        catch (ShardException) { return null; }
    }

    private static ShardManifest? ValidManifest(PlannedStage stage, int shard, string inputHash) =>
        stage.Layout.Manifest(shard) is { } m && m.IsValidFor(inputHash, stage.ParamHash, stage.Stage.Version, stage.Layout) ? m : null;

    /// <summary>
    /// A source shard is identified by its raw records; a map shard by its upstream shard's output
    /// bytes; a reduce shard by the output bytes of every shard it reads, so it reruns exactly when
    /// any of them changed.
    /// </summary>
    private static string InputHash(PlannedStage stage, int shard, out string? upstreamData, out List<StageShards>? wholeStages)
    {
        upstreamData = null;
        wholeStages = null;
        if (stage.Index != null) return stage.Index.Shards[shard].InputHash;
        if (stage.IsReduce)
        {
            wholeStages = new List<StageShards>();
            var parts = new List<string>();
            foreach (var read in stage.Reads)
            {
                var paths = new List<string>();
                for (int k = 0; k < read.ShardCount; k++)
                {
                    parts.Add($"{read.Name}/{k}:{CompleteManifest(stage, shard, read, k).Data.Sha256}");
                    paths.Add(read.Layout.DataPath(k));
                }
                wholeStages.Add(new StageShards(read.Name, paths));
            }
            return ContentHash.OfParts([.. parts]);
        }
        var up = stage.Upstream!;
        upstreamData = up.Layout.DataPath(shard);
        return CompleteManifest(stage, shard, up, shard).Data.Sha256;
    }

    private static ShardManifest CompleteManifest(PlannedStage stage, int shard, PlannedStage up, int upShard)
    {
        var m = up.Layout.Manifest(upShard);
        if (m == null || !m.Data.Matches(up.Layout.StageDir))
            throw new ShardException($"{stage.Name} shard {shard}: upstream shard {up.Name}/{up.Layout.Name(upShard)} is not complete; run stage '{up.Name}' first");
        return m;
    }

    /// <summary>Rows written by all shards of a stage (its manifests are complete: the hash was just taken from them).</summary>
    private static long RowsOf(PlannedStage stage) =>
        Enumerable.Range(0, stage.ShardCount).Sum(k => stage.Layout.Manifest(k)!.RecordsOut);
}
