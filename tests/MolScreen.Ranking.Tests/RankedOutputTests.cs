using MolScreen.Core.IO;

namespace MolScreen.Ranking.Tests;

/// <summary>ranked.parquet and the poses file of a run with featurize, predict and dock, read by DuckDB and OpenBabel.</summary>
[Collection(FullRunCollection.Name)]
public class RankedOutputTests(FullRankRun fixture)
{
    private readonly RankRun _run = fixture.Run;
    private string Ranked => Path.Combine(_run.Out, "ranked.parquet");

    [Fact]
    public void RunSucceedsAndRankIsOneShardOverTheWholeRun()
    {
        Assert.True(_run.Result.Succeeded, string.Join("; ", _run.Result.Failed.Select(f => f.Error)));
        Assert.Equal(1, _run.Plan["rank"].ShardCount);
        Assert.True(_run.Plan["featurize"].ShardCount > 1);
    }

    [Fact]
    public void DuckDbSeesAPermutationOfRanksNoNaNAndEveryCompoundAccountedFor()
    {
        using var db = new DuckDb();
        var src = $"read_parquet('{Ranked}')";
        var n = db.Scalar($"SELECT count(*) FROM {src}");
        Assert.True(n > 30);
        Assert.Equal((1L, n), db.Pair($"SELECT min(rank), max(rank) FROM {src}"));
        Assert.Equal(n, db.Scalar($"SELECT count(DISTINCT rank) FROM {src}"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM {src} WHERE isnan(desirability) OR isnan(dock_score) OR isnan(ligand_efficiency) OR isnan(novelty) OR desirability IS NULL"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM {src} WHERE dock_score IS NULL OR abs(ligand_efficiency + dock_score / heavy_atoms) > 1e-9"));
        // Every ingested compound is ranked or rejected somewhere, never both, never neither.
        var ingest = $"read_parquet('{_run.Out}/ingest/*.parquet')";
        var rejects = $"read_parquet('{_run.Out}/rejects.parquet')";
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM {ingest} i WHERE i.id NOT IN (SELECT id FROM {src}) AND i.id NOT IN (SELECT id FROM {rejects})"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM {src} WHERE id IN (SELECT id FROM {rejects})"));
        Assert.True(db.Scalar($"SELECT count(*) FROM {rejects} WHERE stage = 'dock'") > 0);
        Assert.Equal(1, db.Scalar($"SELECT count(*) FROM {rejects} WHERE reason LIKE '%ring%'"));
        // Provenance, and the joined stages' columns passed through.
        Assert.Equal(1, db.Scalar($"SELECT count(DISTINCT workflow_hash) FROM {src}"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM {src} WHERE seed <> 42 OR model_version <> 'fake-1' OR logs_pred IS NULL OR pass_ro5 IS NULL OR canonical_smiles IS NULL"));
    }

    [Fact]
    public void ParetoFrontsComeFirstAndDesirabilityOrdersWithinAFrontOutsideTheTopList()
    {
        using var db = new DuckDb();
        var rows = db.Query($"SELECT rank, pareto_rank, desirability, in_top FROM read_parquet('{Ranked}') ORDER BY rank");
        var rest = rows.Where(r => !(bool)r[3]!).ToList();
        var top = rows.Where(r => (bool)r[3]!).ToList();
        Assert.Equal(12, top.Count);
        Assert.Equal(Enumerable.Range(1, 12), top.Select(r => Convert.ToInt32(r[0])));
        Assert.Equal(1, Convert.ToInt32(top[0][1]));
        // Within the top list and within the rest, the order is by front then desirability.
        foreach (var part in new[] { top, rest })
            for (int i = 1; i < part.Count; i++)
            {
                int fa = Convert.ToInt32(part[i - 1][1]), fb = Convert.ToInt32(part[i][1]);
                Assert.True(fa < fb || (fa == fb && (double)part[i - 1][2]! >= (double)part[i][2]!), $"rank {part[i][0]} out of order");
            }
    }

    [Fact]
    public void TheTopListHoldsAtMostTwoPerClusterAndTheAnaloguesMovedDownNotOut()
    {
        using var db = new DuckDb();
        var src = $"read_parquet('{Ranked}')";
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM (SELECT cluster FROM {src} WHERE in_top GROUP BY cluster HAVING count(*) > 2)"));
        var benzamides = $"SELECT id FROM read_parquet('{_run.Out}/ingest/*.parquet') WHERE name LIKE 'benzamide-%'";
        var docked = RankRun.Series.Length - db.Scalar($"SELECT count(*) FROM read_parquet('{_run.Out}/rejects.parquet') WHERE id IN ({benzamides})");
        Assert.Equal(docked, db.Scalar($"SELECT count(*) FROM {src} WHERE id IN ({benzamides})"));
        var series = db.Query($"SELECT cluster, count(*), count(*) FILTER (WHERE in_top) FROM {src} WHERE id IN ({benzamides}) GROUP BY cluster ORDER BY 2 DESC");
        Assert.True(Convert.ToInt64(series[0][1]) >= 6, $"largest benzamide cluster has {series[0][1]} of {docked}");
        Assert.True(Convert.ToInt64(series[0][2]) <= 2);
    }

    [Fact]
    public void RationaleSaysOnlyWhatTheCompoundHas()
    {
        using var db = new DuckDb();
        var rows = db.Query($"SELECT rank, rationale, dock_score, interface_occupancy, interface_contacts, logs_in_domain FROM read_parquet('{Ranked}') ORDER BY rank");
        foreach (var r in rows)
        {
            var text = (string)r[1]!;
            Assert.StartsWith($"rank {r[0]}: ", text);
            Assert.Contains(Rationale.Fmt((double)r[2]!, "0.0") + " kcal/mol", text);
            Assert.Contains($"covers {Rationale.Fmt(100 * (double)r[3]!, "0")}% of the RNA interface", text);
            Assert.Contains("logS ", text);
            Assert.Contains("hERG p ", text);
            Assert.Contains("Ro5", text);
            Assert.Contains("to the reference set", text);
            Assert.Equal((bool)r[5]! == false, text.Contains("outside the model's domain"));
            foreach (var res in ((string)r[4]!).Split(',', StringSplitOptions.RemoveEmptyEntries).Take(6)) Assert.Contains(res, text);
        }
    }

    [Fact]
    public void PosesFileHoldsTheTopListsDockedPosesWithScoresAsSdProperties()
    {
        var path = Path.Combine(_run.Out, "poses", "top-12.sdf");
        Assert.True(File.Exists(path));
        var records = File.ReadAllText(path).Split("$$$$\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, records.Length);
        using var db = new DuckDb();
        var top = db.Query($"SELECT r.id, d.pose_sdf, r.dock_score FROM read_parquet('{Ranked}') r JOIN read_parquet('{_run.Out}/dock/*.parquet') d USING (id) WHERE r.in_top ORDER BY r.rank");
        for (int i = 0; i < records.Length; i++)
        {
            var (id, pose) = ((string)top[i][0]!, (string)top[i][1]!);
            // The dock stage's molblock, titled with the id, then the properties.
            var body = pose[(pose.IndexOf('\n') + 1)..];
            Assert.StartsWith(id + "\n" + body, records[i]);
            Assert.Contains($">  <rank>\n{i + 1}\n", records[i]);
            Assert.Contains($">  <dock_score>\n{((double)top[i][2]!).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}\n", records[i]);
            Assert.Contains(">  <interface_occupancy>\n", records[i]);
        }
    }

    [Fact]
    public async Task RankBalancesAgainstItsInputStageInRunJson()
    {
        var totals = Workflow.Execution.RunFinalizer.Totals(_run.Out, Workflow.Planning.PlanSummary.TryLoad(_run.Out)!);
        var dock = totals.Single(t => t.Stage == "dock");
        var rank = totals.Single(t => t.Stage == "rank");
        Assert.Equal(dock.Out, rank.In);
        Assert.Equal(rank.In, rank.Out + rank.Rejected);
        await using var r = await TableReader.OpenAsync(Ranked);
        Assert.Equal(rank.Out, r.RowCount);
        Assert.True(File.Exists(_run.Plan["rank"].Layout.ManifestPath(0)));
    }
}
