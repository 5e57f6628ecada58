using MolScreen.Core.Shards;
using MolScreen.Core.Stages;

namespace MolScreen.Ranking;

/// <summary>
/// The rank stage (reduce): every compound of its input, joined by id with whatever the run has
/// (featurize is required; predict and dock are optional), ranked by Pareto front, then by weighted
/// Derringer desirability, with a Butina diversity pick on ECFP4 so that the top of the list is not
/// one chemotype. Writes one shard; at finalize it publishes OUT/ranked.parquet, OUT/poses/top-N.sdf
/// and OUT/report.html (<see cref="RankPublisher"/>).
/// </summary>
public sealed class RankStage : IReduceStage, IRunPublisher
{
    public string Kind => "rank";
    public string Description => "Rank all compounds of the run: Pareto front, Derringer desirability, Butina diversity pick, rationale; publishes ranked.parquet and report.html";
    // 2: the default hERG desirability term is on the hERG model's pIC50 scale (it was 0.3..0.7, which zeroed every compound).
    // 3: duplicates by InChIKey across shards are rejected (featurize only sees its own shard).
    public string Version => "3";
    public StageShape Shape => StageShape.Reduce;

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("objectives", ParameterType.StringList, new[]
        {
            "dock_score:min", "ligand_efficiency:max", "interface_occupancy:max", "logs_pred:max", "herg_pred:min", "novelty:max", "filter_failures:min",
        }, "Pareto objectives as COLUMN:min|max; columns the run does not have are left out") { ItemCheck = Syntax(Objective.Parse) },
        new("desirability", ParameterType.StringList, new[]
        {
            "dock_score:min:-11:-6:3", "ligand_efficiency:max:0.2:0.45:1", "interface_occupancy:max:0.1:0.8:2",
            "logs_pred:max:-6:-2:1", "herg_pred:min:5:6.5:1", "filter_failures:min:0:2:1", "mw:min:450:650:0.5", "clogp:min:4:6.5:0.5",
        }, "Derringer desirability terms as COLUMN:min|max:A:B:WEIGHT (max: 0 at A, 1 at B; min: 1 at A, 0 at B); absent columns are left out") { ItemCheck = Syntax(DesirabilityTerm.Parse) },
        new("cluster_cutoff", ParameterType.Number, 0.6, "Butina clustering: ECFP4 Tanimoto similarity at or above which two compounds are neighbours") { Min = 0.01, Max = 1 },
        new("max_per_cluster", ParameterType.Integer, 3L, "At most this many compounds of one cluster in the top list; the rest move down") { Min = 1 },
        new("top_n", ParameterType.Integer, 100L, "Length of the diversity-picked top list (also the poses SDF and the report table)") { Min = 1, Max = 100_000 },
        new("dedupe", ParameterType.Boolean, true, "Reject a compound whose InChIKey an earlier compound of the run already has, as 'duplicate of ID' (featurize removes duplicates within a shard; this catches those across shards)"),
        new("reference", ParameterType.String, null, "Optional SMILES file (SMILES [name] per line) of known actives: novelty = 1 - max ECFP4 Tanimoto to it") { IsFile = true },
    ];

    private static Func<string, string?> Syntax<T>(Func<string, T> parse) => text =>
    {
        try { parse(text); return null; }
        catch (ArgumentException e) { return e.Message; }
    };

    public async Task<ShardResult> RunAsync(ShardContext ctx, StageShards input, IReadOnlyList<StageShards> joins, string dataPath)
    {
        var settings = RankSettings.From(ctx.Parameters);
        var table = await CandidateTable.LoadAsync(input, joins, ctx.Cancellation);
        foreach (var (id, reason) in table.Dropped) ctx.Rejects.Add(new Reject(id, input.Stage, null, "", ctx.StageName, reason));
        var ranking = Ranker.Rank(table, settings, ctx.Cancellation, out var rejected);
        foreach (var (row, reason) in rejected) ctx.Rejects.Add(new Reject(table.Ids[row], input.Stage, null, "", ctx.StageName, reason));
        var digest = await RankedRows.WriteAsync(dataPath, table, ranking, ctx.Seed, settings);
        return new ShardResult(table.InputRows, ranking.Count, digest);
    }

    public Task PublishAsync(RunPublication run, CancellationToken ct) => RankPublisher.PublishAsync(run, RankSettings.From(run.Parameters), ct);

    public IEnumerable<string> Products(string outDir, string stageName) => RankPublisher.Products(outDir);
}

/// <summary>The rank stage's parameters, parsed and checked once.</summary>
public sealed record RankSettings(IReadOnlyList<Objective> Objectives, IReadOnlyList<DesirabilityTerm> Terms, double ClusterCutoff, int MaxPerCluster, int TopN, string? Reference, bool Dedupe = true)
{
    public static RankSettings From(StageParameters p)
    {
        var cutoff = p.GetNumber("cluster_cutoff");
        if (cutoff is <= 0 or > 1) throw new ArgumentException($"cluster_cutoff must be in (0, 1], got {cutoff}");
        var max = p.GetInt("max_per_cluster");
        if (max < 1) throw new ArgumentException($"max_per_cluster must be at least 1, got {max}");
        var top = p.GetInt("top_n");
        if (top < 1) throw new ArgumentException($"top_n must be at least 1, got {top}");
        return new RankSettings(p.GetStrings("objectives").Select(Objective.Parse).ToList(), p.GetStrings("desirability").Select(DesirabilityTerm.Parse).ToList(),
            cutoff, (int)Math.Min(max, int.MaxValue), (int)Math.Min(top, int.MaxValue), p.GetString("reference") is { Length: > 0 } r ? r : null,
            p.GetBool("dedupe"));
    }
}
