namespace MolScreen.EndToEnd.Tests;

/// <summary>Command surface: help on every command, exit codes 0/1/2, direct stage command, inspect, status.</summary>
public class CliTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("stage")]
    [InlineData("finalize")]
    [InlineData("status")]
    [InlineData("inspect")]
    [InlineData("validate")]
    [InlineData("ingest")]
    [InlineData("featurize")]
    [InlineData("predict")]
    [InlineData("prepare")]
    [InlineData("dock")]
    [InlineData("rank")]
    [InlineData("train")]
    [InlineData("rpi-train")]
    [InlineData("submit")]
    [InlineData("target")]
    public void EveryCommandHasHelp(string command)
    {
        var r = CliProcess.Run(AppContext.BaseDirectory, command, "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage:", r.Stdout);
    }

    [Fact]
    public void ShippedExampleWorkflowValidates()
    {
        var r = CliProcess.Run(SchemaDocsTests.RepoRoot(), "validate", "workflows/example.yaml");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("ingest (ingest) <- ", r.Stdout);
        Assert.Contains("featurize (featurize) <- ingest", r.Stdout);
    }

    [Fact]
    public void ExitCodesSeparateUsageErrorsFromFailures()
    {
        using var dir = new TempDir();
        Assert.Equal(2, CliProcess.Run(dir.Path, "run").ExitCode);                       // missing argument
        Assert.Equal(2, CliProcess.Run(dir.Path, "run", "missing.yaml").ExitCode);       // no such workflow
        Assert.Equal(2, CliProcess.Run(dir.Path, "frobnicate").ExitCode);                // unknown command
        File.WriteAllText(dir.Combine("a.smi"), "CCO\n");
        File.WriteAllText(dir.Combine("bad.yaml"), "name: x\nstages:\n  ingest:\n    inputs: [a.smi]\n    params: {shard: 1}\n");
        var bad = CliProcess.Run(dir.Path, "run", "bad.yaml");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad.yaml:5:14: stage 'ingest': unknown parameter 'shard'", bad.Stderr);
        Assert.Equal(2, CliProcess.Run(dir.Path, "inspect", "nothing.parquet").ExitCode);
        File.WriteAllText(dir.Combine("junk.parquet"), "not parquet at all");
        var junk = CliProcess.Run(dir.Path, "inspect", "junk.parquet");
        Assert.Equal(1, junk.ExitCode);
        Assert.Contains("not a readable Parquet file", junk.Stderr);
    }

    [Fact]
    public void DockGpuLanesMustBeAPowerOfTwo()
    {
        using var dir = new TempDir();
        var r = CliProcess.Run(dir.Path, "dock", "--receptor", "r.pdbqt", "--ligands", "l.pdbqt", "--center", "0", "0", "0",
            "--size", "20", "20", "20", "--device", "ilgpu-cpu", "--gpu-lanes", "3", "--out", "out");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("gpu lanes 3: expected a power of two from 1 to 32", r.Stderr);
    }

    [Fact]
    public void DirectIngestWritesOutputAndRejectsWithStageOptions()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("in.tsv"), "ID\tSMILES\nx1\tCCO\nx2\tC1CC\n");
        var ok = CliProcess.Run(dir.Path, "ingest", "in.tsv", "--out", "lib.parquet", "--smiles-column", "SMILES", "--name-column", "ID");
        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Contains("in 2 = out 1 + rejected 1", ok.Stdout);
        Assert.True(File.Exists(dir.Combine("lib.rejects.parquet")));
        var inspect = CliProcess.Run(dir.Path, "inspect", "lib.parquet");
        Assert.Contains("in:0\tin.tsv\t0\tx1\tsmiles\tCCO", inspect.Stdout);
        Assert.Equal(2, CliProcess.Run(dir.Path, "ingest", "in.tsv", "--out", "x.parquet", "--format", "pdf").ExitCode);
    }

    [Fact]
    public void StatusReportsProgressOfARun()
    {
        using var dir = new TempDir();
        Library.Write(dir.Combine("lib.smi"), 1000);
        File.WriteAllText(dir.Combine("wf.yaml"), "name: st\nshard_size: 300\nstages:\n  ingest:\n    inputs: [lib.smi]\n");
        Assert.Equal(0, CliProcess.Run(dir.Path, "stage", "wf.yaml", "--stage", "ingest", "--shard", "0/4").ExitCode);
        var partial = CliProcess.Run(dir.Path, "status");
        Assert.Equal(0, partial.ExitCode);
        Assert.Matches(@"ingest\s+1/4\s+300\s+297\s+3", partial.Stdout);
        Assert.Contains("incomplete", partial.Stdout);
        Assert.Equal(0, CliProcess.Run(dir.Path, "run", "wf.yaml").ExitCode);
        var full = CliProcess.Run(dir.Path, "status");
        Assert.Matches(@"ingest\s+4/4\s+1000\s+989\s+11", full.Stdout);
        Assert.Contains("complete", full.Stdout);
    }
}
