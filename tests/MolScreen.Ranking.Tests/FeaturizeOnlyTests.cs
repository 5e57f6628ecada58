namespace MolScreen.Ranking.Tests;

/// <summary>Rank with only featurize upstream: no docking or prediction columns, still a full ranking and report.</summary>
public class FeaturizeOnlyTests(FeaturizeOnlyRankRun fixture) : IClassFixture<FeaturizeOnlyRankRun>
{
    private readonly RankRun _run = fixture.Run;

    [Fact]
    public void RanksEveryFeaturizedCompoundWithoutDockingColumns()
    {
        Assert.True(_run.Result.Succeeded, string.Join("; ", _run.Result.Failed.Select(f => f.Error)));
        using var db = new DuckDb();
        var src = $"read_parquet('{_run.Out}/ranked.parquet')";
        var featurized = db.Scalar($"SELECT count(*) FROM read_parquet('{_run.Out}/featurize/*.parquet')");
        Assert.Equal(featurized, db.Scalar($"SELECT count(*) FROM {src}"));
        Assert.Equal(featurized, db.Scalar($"SELECT count(DISTINCT rank) FROM {src} WHERE rank BETWEEN 1 AND {featurized}"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM {src} WHERE dock_score IS NOT NULL OR ligand_efficiency IS NOT NULL OR interface_occupancy IS NOT NULL OR novelty IS NOT NULL"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM {src} WHERE desirability IS NULL OR isnan(desirability) OR filter_failures IS NULL"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM {src} WHERE rationale LIKE '%kcal/mol%' OR rationale LIKE '%interface%'"));
        Assert.Equal(featurized, db.Scalar($"SELECT count(*) FROM {src} WHERE rationale LIKE '%passes %' OR rationale LIKE '%fails %'"));
        // The one objective present is filter failures: front k holds the compounds with k-1 failures.
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM {src} WHERE pareto_rank <> 1 + filter_failures - (SELECT min(filter_failures) FROM {src})"));
        Assert.False(Directory.Exists(Path.Combine(_run.Out, "poses")));
        var html = File.ReadAllText(Path.Combine(_run.Out, "report.html"));
        Assert.Contains("id=\"top-candidates\"", html);
        Assert.Contains("No interface contacts in this run", html);
    }
}
