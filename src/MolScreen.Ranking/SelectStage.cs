using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using Parquet.Schema;

namespace MolScreen.Ranking;

/// <summary>
/// The select stage (re-sharding reduce): keeps the compounds of its input that pass a filter over its input's
/// and joined stages' columns, then optionally the best N or the best fraction by a column, with an optional cap
/// per Butina cluster; writes the kept rows (the input stage's columns, in input order) re-sharded for the map
/// stages that read it. Every compound not kept is a reject with the reason (`filter: herg_pred >= 5.5`,
/// `below top 5% by dock_score`), so in = selected + not selected.
/// </summary>
public sealed class SelectStage : IReshardingStage
{
    public string Kind => "select";
    public string Description => "Keep compounds by a filter over input and joined columns, then the top N / top fraction by a column, optionally at most K per Butina cluster; re-shards the result";
    public string Version => "1";
    public StageShape Shape => StageShape.Reduce;
    public bool DrawsSubset => false;

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("filter", ParameterType.String, null, "Condition over numeric and boolean columns: comparisons (< <= > >= == !=), and, or, not, parentheses; e.g. pass_ro5 and herg_pred < 5.5")
            { ItemCheck = text => { try { SelectFilter.Parse(text); return null; } catch (ArgumentException e) { return e.Message; } } },
        new("by", ParameterType.String, null, "Column that orders the compounds passing the filter for top_n / top_fraction / max_per_cluster (ascending: lower is better)"),
        new("descending", ParameterType.Boolean, false, "Order by `by` descending (higher is better)"),
        new("top_n", ParameterType.Integer, null, "Keep at most this many (needs `by`)") { Min = 0 },
        new("top_fraction", ParameterType.Number, null, "Keep this fraction (rounded up) of the compounds passing the filter (needs `by`)") { Min = 0, Max = 1 },
        new("max_per_cluster", ParameterType.Integer, null, "At most this many per Butina cluster of ECFP4 (needs `by` and an ecfp4 column)") { Min = 1 },
        new("cluster_cutoff", ParameterType.Number, 0.6, "Butina: ECFP4 Tanimoto similarity at or above which two compounds are neighbours") { Min = 0.01, Max = 1 },
    ];

    public long OutputRowBound(StageParameters p, long inputRows)
    {
        long bound = inputRows;
        if (p.Has("top_n")) bound = Math.Min(bound, p.GetInt("top_n"));
        if (p.Has("top_fraction")) bound = Math.Min(bound, (long)Math.Ceiling(p.GetNumber("top_fraction") * inputRows - 1e-9));
        return bound;
    }

    public async Task<ReshardResult> RunAsync(ShardContext ctx, StageShards input, IReadOnlyList<StageShards> joins, IReadOnlyList<string> dataPaths)
    {
        var p = ctx.Parameters;
        var filter = p.GetString("filter") is { Length: > 0 } f ? SelectFilter.Parse(f) : null;
        var by = p.GetString("by");
        if (by == null && (p.Has("top_n") || p.Has("top_fraction") || p.Has("max_per_cluster")))
            throw new ArgumentException($"stage '{ctx.StageName}': top_n, top_fraction and max_per_cluster need 'by', the column to order by");
        var table = await SelectTable.LoadAsync(input, joins, [.. filter?.Columns ?? [], .. by == null ? [] : new[] { by }, .. p.Has("max_per_cluster") ? new[] { "ecfp4" } : []], ctx.Cancellation);

        var keep = new List<int>();
        for (int i = 0; i < table.Rows; i++)
        {
            var reason = filter?.Reject(col => table.Value(col, i));
            if (reason == null && by != null && table.Value(by, i) is not double) reason = $"{by} is missing";
            if (reason == null) keep.Add(i);
            else ctx.Rejects.Add(new Reject(table.Ids[i], input.Stage, null, "", ctx.StageName, reason));
        }
        if (by != null)
        {
            bool desc = p.GetBool("descending");
            var ordered = keep.OrderBy(i => desc ? -(double)table.Value(by, i)! : (double)table.Value(by, i)!).ThenBy(i => table.Ids[i], StringComparer.Ordinal).ToList();
            if (p.Has("max_per_cluster"))
                ordered = CapPerCluster(ctx, table, input.Stage, ordered, (int)p.GetInt("max_per_cluster"), p.GetNumber("cluster_cutoff"));
            long limit = ordered.Count;
            string? what = null;
            if (p.Has("top_fraction")) { limit = Math.Min(limit, (long)Math.Ceiling(p.GetNumber("top_fraction") * ordered.Count - 1e-9)); what = $"top {p.GetNumber("top_fraction") * 100:0.###}%"; }
            if (p.Has("top_n") && p.GetInt("top_n") < limit) { limit = p.GetInt("top_n"); what = $"top {limit}"; }
            foreach (var i in ordered.Skip((int)limit))
                ctx.Rejects.Add(new Reject(table.Ids[i], input.Stage, null, "", ctx.StageName, $"below {what} by {by}"));
            keep = ordered.Take((int)limit).Order().ToList();
        }
        var shards = await table.WriteAsync(keep, dataPaths);
        return new ReshardResult(table.Rows, shards);
    }

    private static List<int> CapPerCluster(ShardContext ctx, SelectTable table, string stage, List<int> ordered, int cap, double cutoff)
    {
        var fps = new byte[ordered.Count * MolScreen.Chemistry.Fingerprints.Tanimoto.FingerprintBytes];
        var kept = new List<int>();
        for (int j = 0; j < ordered.Count; j++)
        {
            var fp = table.Value("ecfp4", ordered[j]) as byte[] ?? throw new InvalidDataException($"compound '{table.Ids[ordered[j]]}' has no ecfp4: max_per_cluster needs featurize's ecfp4 (input or join)");
            fp.CopyTo(fps, j * MolScreen.Chemistry.Fingerprints.Tanimoto.FingerprintBytes);
        }
        var cluster = ButinaClustering.Cluster(fps, cutoff);
        var taken = new Dictionary<int, int>();
        for (int j = 0; j < ordered.Count; j++)
        {
            int n = taken.GetValueOrDefault(cluster[j]);
            if (n < cap) { taken[cluster[j]] = n + 1; kept.Add(ordered[j]); }
            else ctx.Rejects.Add(new Reject(table.Ids[ordered[j]], stage, null, "", ctx.StageName, $"cluster cap: {cap} better compound(s) of its Butina cluster already selected"));
        }
        return kept;
    }
}
