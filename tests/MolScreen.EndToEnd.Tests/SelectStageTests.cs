using MolScreen.Ranking;

namespace MolScreen.EndToEnd.Tests;

/// <summary>Issue 18's select stage: filter, top N by a column, re-sharding for the map stage after it, accounting.</summary>
public class SelectStageTests
{
    private const string Workflow = """
        name: sel
        shard_size: 40
        stages:
          ingest: { inputs: [lib.smi] }
          featurize: { input: ingest }
          pick:
            kind: select
            input: ingest
            join: [featurize]
            params: { filter: "FILTER", by: mw, top_n: 100 }
          again: { kind: featurize, input: pick }
        """;

    [Theory]
    [InlineData("mw < 200 and pass_ro5")]
    [InlineData("mw < 0")]
    public void SelectKeepsFiltersAndReshardsAndEveryRecordIsAccountedFor(string filter)
    {
        using var dir = new TempDir();
        Library.Write(dir.Combine("lib.smi"), 200);
        File.WriteAllText(dir.Combine("wf.yaml"), Workflow.Replace("FILTER", filter));
        var run = CliProcess.Run(dir.Path, "run", "wf.yaml", "--out", dir.Combine("out"), "--workers", "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        // K = ceil(min(top_n, 200 records) / shard_size) = 3 shards, for select and the featurize after it.
        Assert.Matches(@"pick\s+3/3", run.Stdout);
        Assert.Matches(@"again\s+3/3", run.Stdout);
        using var db = new DuckDb();
        // select's records in are ingest's rows out (ingest rejects the broken records).
        var ingested = db.Scalar($"SELECT count(*) FROM read_parquet('{dir.Combine("out", "ingest")}/part-*.parquet')");
        Assert.Matches($@"pick\s+3/3\s+{ingested}\s+\d+\s+\d+\s+in = out \+ rejected: {ingested} = \d+ \+ \d+ ok", run.Stdout);
        var kept = db.Scalar($"SELECT count(*) FROM read_parquet('{dir.Combine("out", "pick")}/part-*.parquet')");
        var reasons = db.Query($"SELECT reason FROM read_parquet('{dir.Combine("out", "rejects.parquet")}') WHERE stage = 'pick'").Select(r => (string)r[0]!).ToList();
        Assert.Equal(ingested, kept + reasons.Count);
        Assert.All(reasons, r => Assert.Matches("^(filter: mw (>= 200|>= 0|is missing)|filter: pass_ro5 is false|below top 100 by mw)$", r));
        if (filter == "mw < 0") Assert.Equal(0, kept);
        else
        {
            Assert.InRange(kept, 1, 100);
            Assert.Contains(reasons, r => r == "filter: mw >= 200");
            Assert.Equal(0, db.Scalar($"SELECT count(*) FROM read_parquet('{dir.Combine("out", "featurize")}/part-*.parquet') f JOIN read_parquet('{dir.Combine("out", "pick")}/part-*.parquet') p USING (id) WHERE f.mw >= 200"));
        }
        // A second run reuses every shard and writes the same bytes.
        var digests = ParquetFiles.Digests(dir.Combine("out"));
        var again = CliProcess.Run(dir.Path, "run", "wf.yaml", "--out", dir.Combine("out2"), "--workers", "1");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(digests, ParquetFiles.Digests(dir.Combine("out2")));
    }

    [Fact]
    public void FilterParsesEvaluatesAndExplains()
    {
        var f = SelectFilter.Parse("pass_ro5 and herg_pred < 5.5 and (logs_pred > -6 or not pass_pains)");
        var row = new Dictionary<string, object?> { ["pass_ro5"] = true, ["herg_pred"] = 6.0, ["logs_pred"] = -7.0, ["pass_pains"] = true };
        Assert.Equal("filter: herg_pred >= 5.5", f.Reject(c => row.GetValueOrDefault(c)));
        row["herg_pred"] = 5.0;
        Assert.Equal("filter: not (logs_pred > -6 or not pass_pains)", f.Reject(c => row.GetValueOrDefault(c)));
        row["logs_pred"] = -5.0;
        Assert.Null(f.Reject(c => row.GetValueOrDefault(c)));
        row["pass_ro5"] = null;
        Assert.Equal("filter: pass_ro5 is missing", f.Reject(c => row.GetValueOrDefault(c)));
        Assert.Equal(["pass_ro5", "herg_pred", "logs_pred", "pass_pains"], f.Columns);
    }

    [Theory]
    [InlineData("mw <", "ends where a column or number was expected")]
    [InlineData("mw = 3", "use == or !=")]
    [InlineData("mw < 3; rm -rf /", "unexpected character ';'")]
    [InlineData("(mw < 3", "missing ')'")]
    [InlineData("3", "is not a condition")]
    public void BadFiltersAreClearErrors(string text, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => SelectFilter.Parse(text));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void HostileFiltersHitTheLimitsNotTheStack()
    {
        Assert.Contains("deeper than", Assert.Throws<ArgumentException>(() => SelectFilter.Parse(new string('(', 100) + "a" + new string(')', 100))).Message);
        Assert.Contains("deeper than", Assert.Throws<ArgumentException>(() => SelectFilter.Parse(string.Concat(Enumerable.Repeat("not ", 100)) + "a")).Message);
        Assert.Contains("characters", Assert.Throws<ArgumentException>(() => SelectFilter.Parse(new string('a', 5000))).Message);
        Assert.Contains("tokens", Assert.Throws<ArgumentException>(() => SelectFilter.Parse(string.Join(" and ", Enumerable.Repeat("a", 300)))).Message);
    }
}
