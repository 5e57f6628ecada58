namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// What an HPC array does: separate `molscreen stage --shard I/N` processes started at the same
/// time on one output directory. The result must equal `molscreen run`.
/// </summary>
public class ShardConcurrencyTests
{
    [Fact]
    public async Task ConcurrentStageProcessesMatchRun()
    {
        using var dir = new TempDir();
        Library.Write(dir.Combine("lib.smi"), 20_000);
        File.WriteAllText(dir.Combine("wf.yaml"), "name: conc\nshard_size: 2500\nstages:\n  ingest:\n    inputs: [lib.smi]\n");

        var run = CliProcess.Run(dir.Path, "run", "wf.yaml", "--out", dir.Combine("run"));
        Assert.True(run.ExitCode == 0, run.ToString());

        var a = CliProcess.Start(dir.Path, "stage", "wf.yaml", "--stage", "ingest", "--shard", "0/2", "--out", dir.Combine("array"));
        var b = CliProcess.Start(dir.Path, "stage", "wf.yaml", "--stage", "ingest", "--shard", "1/2", "--out", dir.Combine("array"));
        var outA = a.StandardOutput.ReadToEndAsync();
        var outB = b.StandardOutput.ReadToEndAsync();
        Assert.True(a.WaitForExit(TimeSpan.FromMinutes(3)) && b.WaitForExit(TimeSpan.FromMinutes(3)));
        Assert.Equal((0, 0), (a.ExitCode, b.ExitCode));
        Assert.Equal(4, (await outA).Split('\n').Count(l => l.Contains(" done ")));
        Assert.Equal(4, (await outB).Split('\n').Count(l => l.Contains(" done ")));

        var status = CliProcess.Run(dir.Path, "status", "--out", dir.Combine("array"));
        Assert.Contains("all shards done", status.Stdout);
        var fin = CliProcess.Run(dir.Path, "finalize", "wf.yaml", "--out", dir.Combine("array"));
        Assert.True(fin.ExitCode == 0, fin.ToString());
        Assert.Equal(ParquetFiles.Digests(dir.Combine("run")), ParquetFiles.Digests(dir.Combine("array")));
    }

    [Fact]
    public void StageRefusesToRunBeforeItsUpstream()
    {
        // Map stages arrive with later issues; the rule is enforced by the engine (see Workflow.Tests).
        // Here: a shard slice that is out of range is a usage error.
        using var dir = new TempDir();
        Library.Write(dir.Combine("lib.smi"), 10);
        File.WriteAllText(dir.Combine("wf.yaml"), "name: u\nstages:\n  ingest:\n    inputs: [lib.smi]\n");
        Assert.Equal(2, CliProcess.Run(dir.Path, "stage", "wf.yaml", "--stage", "ingest", "--shard", "2/2").ExitCode);
        Assert.Equal(2, CliProcess.Run(dir.Path, "stage", "wf.yaml", "--stage", "nope", "--shard", "0/1").ExitCode);
    }
}
