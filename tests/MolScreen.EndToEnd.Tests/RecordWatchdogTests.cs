namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// Bounded work per record: a record that hangs its worker is stopped by the supervisor's watchdog after the
/// workflow's `record_timeout` and rejected as a timeout; a huge structure is rejected by the heavy-atom cap before
/// Open Babel sees it. The run finishes either way and the books balance. The hang is real:
/// MOLSCREEN_HANG_ON_STRUCTURE makes the worker block forever on that record.
/// </summary>
public class RecordWatchdogTests
{
    [Fact]
    public void HangingRecordIsRejectedAsTimeoutAndHugeOneByTheCap()
    {
        using var dir = new TempDir();
        var huge = string.Concat(Enumerable.Repeat("C", 12_000));
        var smiles = new[] { "CCO", "c1ccccc1", "CCCCCCCCCCO", "CC(=O)O", huge, "OCC(O)CO" };
        File.WriteAllText(dir.Combine("lib.smi"), string.Concat(smiles.Select((s, i) => $"{s} m{i}\n")));
        File.WriteAllText(dir.Combine("wf.yaml"),
            "name: hang\nshard_size: 3\nrecord_timeout: 3\nstages:\n  ingest:\n    inputs: [lib.smi]\n  featurize:\n    input: ingest\n");
        var env = new Dictionary<string, string> { ["MOLSCREEN_HANG_ON_STRUCTURE"] = "CCCCCCCCCCO" };
        var started = DateTime.UtcNow;
        var run = CliProcess.Run(dir.Path, env, "run", "wf.yaml", "--out", dir.Combine("out"), "--workers", "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(2), "the watchdog should stop the hung worker within seconds");
        Assert.Contains("ran past record_timeout (3 s)", run.Stdout);
        Assert.Contains("in = out + rejected: 6 = 4 + 2 ok", run.Stdout);

        using var db = new DuckDb();
        var rejects = db.Query($"SELECT id, reason FROM read_parquet('{dir.Combine("out")}/rejects.parquet') ORDER BY id");
        Assert.Equal(["lib:2", "lib:4"], rejects.Select(r => (string)r[0]!));
        Assert.StartsWith("timeout after 3 s", (string)rejects[0][1]!);
        Assert.Equal("12000 heavy atoms > max_heavy_atoms 1000", (string)rejects[1][1]!);
        Assert.Empty(Directory.GetFiles(dir.Combine("out", "featurize", "_shards"), "*.crashes"));
    }

    /// <summary>A direct stage command runs supervised too: a crashing and a hanging record are rejected, the rest is written, nothing half-written stays.</summary>
    [Fact]
    public void DirectFeaturizeSurvivesACrashingAndAHangingRecord()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("lib.smi"), "CCO a\nCCCCCCCCCCO b\nc1ccccc1 c\nCCCCCCCCCCCCO d\nCCN e\n");
        var ingest = CliProcess.Run(dir.Path, "ingest", "lib.smi", "--out", "lib.parquet");
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        var env = new Dictionary<string, string>
        {
            ["MOLSCREEN_CRASH_ON_STRUCTURE"] = "CCCCCCCCCCO", ["MOLSCREEN_HANG_ON_STRUCTURE"] = "CCCCCCCCCCCCO",
        };
        var run = CliProcess.Run(dir.Path, env, "featurize", "lib.parquet", "--out", "feat.parquet", "--record-timeout", "3");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("in 5 = out 3 + rejected 2", run.Stdout);
        Assert.Contains("ran past --record-timeout (3 s)", run.Stderr);

        using var db = new DuckDb();
        var rejects = db.Query($"SELECT id, reason FROM read_parquet('{dir.Combine("feat.rejects.parquet")}') ORDER BY id");
        Assert.Equal(["lib:1", "lib:3"], rejects.Select(r => (string)r[0]!));
        Assert.StartsWith("native crash", (string)rejects[0][1]!);
        Assert.StartsWith("timeout after 3 s", (string)rejects[1][1]!);
        Assert.Equal(["feat.parquet", "feat.rejects.parquet", "lib.parquet", "lib.rejects.parquet", "lib.smi"],
            Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
