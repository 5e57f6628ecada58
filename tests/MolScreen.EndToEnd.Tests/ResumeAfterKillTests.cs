namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// Issue 2's crash-safety claim: SIGKILL `molscreen run` at random points of a multi-shard run
/// (>= 20 shards, >= 4 workers); rerunning gives byte-identical outputs, no record lost or doubled,
/// no temp files left.
/// </summary>
public class ResumeAfterKillTests
{
    private const int Records = 120_000;

    private static string WriteWorkflow(TempDir dir, string lib) =>
        WriteFile(dir.Combine("wf.yaml"), $"name: killtest\nshard_size: 4000\nstages:\n  ingest:\n    inputs: [{lib}]\n");

    private static string WriteFile(string path, string text) { File.WriteAllText(path, text); return path; }

    [Fact]
    public async Task KilledRunsResumeToByteIdenticalOutputs()
    {
        using var dir = new TempDir();
        var lib = Library.Write(dir.Combine("lib.smi"), Records);
        var wf = WriteWorkflow(dir, lib);

        var clean = CliProcess.Run(dir.Path, "run", wf, "--out", dir.Combine("clean"), "--workers", "4");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Matches(@"ingest\s+30/30", clean.Stdout);
        var expected = ParquetFiles.Digests(dir.Combine("clean"));
        Assert.Equal(30 + 30 + 1, expected.Count);

        var rng = new Random(20261123);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var probe = CliProcess.Run(dir.Path, "run", wf, "--out", dir.Combine("probe"), "--workers", "4");
        var fullMs = Math.Max(300, sw.ElapsedMilliseconds);
        Assert.Equal(0, probe.ExitCode);

        var outDir = dir.Combine("killed");
        int killedMidway = 0;
        for (int attempt = 0; attempt < 4; attempt++)
        {
            using var p = CliProcess.Start(dir.Path, "run", wf, "--out", outDir, "--workers", "4");
            await Task.Delay((int)(fullMs * (0.15 + 0.7 * rng.NextDouble())));
            if (!p.HasExited) { p.Kill(entireProcessTree: false); killedMidway++; } // SIGKILL to the parent only
            p.WaitForExit();
        }
        Assert.True(killedMidway >= 2, $"only {killedMidway} of 4 runs were still going when killed (full run {fullMs} ms)");

        var resumed = CliProcess.Run(dir.Path, "run", wf, "--out", outDir, "--workers", "4");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains($"in = out + rejected: {Records} = {Records - Library.BrokenCount(Records)} + {Library.BrokenCount(Records)} ok", resumed.Stdout);
        Assert.Equal(expected, ParquetFiles.Digests(outDir));
        Assert.Empty(ParquetFiles.TempFiles(outDir));

        using var db = new DuckDb();
        var (rows, distinct) = db.Pair($"SELECT count(*), count(DISTINCT id) FROM read_parquet('{outDir}/ingest/part-*.parquet')");
        var rejects = db.Scalar($"SELECT count(*) FROM read_parquet('{outDir}/rejects.parquet')");
        Assert.Equal(rows, distinct);
        Assert.Equal(Records, rows + rejects);
    }

    /// <summary>The same guarantee with a map stage running native code (featurize) in the DAG.</summary>
    [Fact]
    public async Task KilledIngestFeaturizeRunResumesToByteIdenticalOutputs()
    {
        const string nci = "/usr/share/RDKit/Data/NCI/first_5K.smi";
        Assert.True(File.Exists(nci), "rdkit-data is needed (scripts/install-deps.sh)");
        using var dir = new TempDir();
        var wf = WriteFile(dir.Combine("wf.yaml"), $"name: kill2\nshard_size: 250\nstages:\n  ingest:\n    inputs: [{nci}]\n  featurize:\n    input: ingest\n");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var clean = CliProcess.Run(dir.Path, "run", wf, "--out", dir.Combine("clean"), "--workers", "4");
        var fullMs = Math.Max(500, sw.ElapsedMilliseconds);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Matches(@"featurize\s+20/20", clean.Stdout);

        var rng = new Random(4242);
        var outDir = dir.Combine("killed");
        int killedMidway = 0;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            using var p = CliProcess.Start(dir.Path, "run", wf, "--out", outDir, "--workers", "4");
            await Task.Delay((int)(fullMs * (0.15 + 0.3 * rng.NextDouble())));
            if (!p.HasExited) { p.Kill(entireProcessTree: false); killedMidway++; }
            p.WaitForExit();
        }
        Assert.True(killedMidway >= 2, $"only {killedMidway} of 3 runs were still going when killed (full run {fullMs} ms)");
        var resumed = CliProcess.Run(dir.Path, "run", wf, "--out", outDir, "--workers", "4");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(ParquetFiles.Digests(dir.Combine("clean")), ParquetFiles.Digests(outDir));
        Assert.Empty(ParquetFiles.TempFiles(outDir));
        Assert.Empty(Directory.GetFiles(Path.Combine(outDir, "featurize", "_shards"), "*.inflight"));
    }
}
