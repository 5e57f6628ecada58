namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// Issue 3's crash rule: when a record kills the worker process (native crash), the worker is
/// restarted, that record is rejected as "native crash", and the rest of the shard completes.
/// The crash is real: MOLSCREEN_CRASH_ON_STRUCTURE makes the worker FailFast on that record.
/// </summary>
public class NativeCrashTests
{
    [Fact]
    public void CrashingRecordsAreRejectedAndTheShardCompletes()
    {
        using var dir = new TempDir();
        var smiles = new[] { "CCO", "c1ccccc1", "CCCCCCCCCCO", "CC(=O)O", "CCN", "CCCCCCCCCCCCO", "OCC(O)CO", "c1ccncc1" };
        File.WriteAllText(dir.Combine("lib.smi"), string.Concat(smiles.Select((s, i) => $"{s} m{i}\n")));
        File.WriteAllText(dir.Combine("wf.yaml"), "name: crash\nshard_size: 8\nstages:\n  ingest:\n    inputs: [lib.smi]\n  featurize:\n    input: ingest\n");
        var env = new Dictionary<string, string> { ["MOLSCREEN_CRASH_ON_STRUCTURE"] = "CCCCCCCCCCO" };
        var run = CliProcess.Run(dir.Path, env, "run", "wf.yaml", "--out", dir.Combine("out"), "--workers", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("worker crashed, retrying", run.Stdout);
        Assert.Contains("featurize", run.Stdout);
        Assert.Contains("in = out + rejected: 8 = 7 + 1 ok", run.Stdout);

        using var db = new DuckDb();
        var reject = db.Query($"SELECT id, stage, reason FROM read_parquet('{dir.Combine("out")}/rejects.parquet')")[0];
        Assert.Equal(("lib:2", "featurize"), ((string)reject[0]!, (string)reject[1]!));
        Assert.StartsWith("native crash", (string)reject[2]!);
        Assert.Equal(7, db.Scalar($"SELECT count(*) FROM read_parquet('{dir.Combine("out")}/featurize/*.parquet')"));
        Assert.Empty(Directory.GetFiles(dir.Combine("out", "featurize", "_shards"), "*.inflight"));
        Assert.Empty(Directory.GetFiles(dir.Combine("out", "featurize", "_shards"), "*.crashes"));
    }

    /// <summary>The same through `molscreen stage`, which is what an HPC array task runs.</summary>
    [Fact]
    public void StageTasksSurviveNativeCrashesToo()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("lib.smi"), "CCO a\nCCCCCCCCCCO b\nc1ccccc1 c\nCCN d\n");
        File.WriteAllText(dir.Combine("wf.yaml"), "name: crash2\nshard_size: 2\nstages:\n  ingest:\n    inputs: [lib.smi]\n  featurize:\n    input: ingest\n");
        var env = new Dictionary<string, string> { ["MOLSCREEN_CRASH_ON_STRUCTURE"] = "CCCCCCCCCCO" };
        Assert.Equal(0, CliProcess.Run(dir.Path, env, "stage", "wf.yaml", "--stage", "ingest", "--shard", "0/1").ExitCode);
        var task = CliProcess.Run(dir.Path, env, "stage", "wf.yaml", "--stage", "featurize", "--shard", "0/1");
        Assert.True(task.ExitCode == 0, task.ToString());
        Assert.Contains("worker crashed, retrying", task.Stdout);
        var fin = CliProcess.Run(dir.Path, "finalize", "wf.yaml");
        Assert.True(fin.ExitCode == 0, fin.ToString());
        Assert.Contains("in = out + rejected: 4 = 3 + 1 ok", fin.Stdout);
    }
}
