namespace MolScreen.EndToEnd.Tests.Slurm;

/// <summary>
/// Issue 6 against a real slurmctld/slurmd (not a mock): `molscreen submit` runs the example as job
/// arrays with the same bytes as `molscreen run`; an injected shard failure stops its dependants and
/// a second submit redoes only that shard; scancel mid-way then submit completes with nothing lost.
/// </summary>
public sealed class SlurmSubmitTests(SlurmCluster cluster) : IClassFixture<SlurmCluster>
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private static string Example => Path.Combine(SchemaDocsTests.RepoRoot(), "workflows", "nci-library.yaml");

    private CliProcess.Result Molscreen(string workDir, params string[] args) => CliProcess.Run(workDir, cluster.Env, args);

    private CliProcess.Result MolscreenWith(string workDir, string key, string value, params string[] args) =>
        CliProcess.Run(workDir, new Dictionary<string, string>(cluster.Env) { [key] = value }, args);

    private static bool Finalized(string outDir) => File.Exists(Path.Combine(outDir, "run.json"));

    private string Status(string dir, string outDir) => Molscreen(dir, "status", "--out", outDir).Stdout;

    [SlurmFact]
    public void ExampleOnSlurmMatchesLocalRunByteForByte()
    {
        cluster.EnsureStarted();
        using var dir = new TempDir();
        var local = Molscreen(dir.Path, "run", Example, "--out", dir.Combine("local"));
        Assert.True(local.ExitCode == 0, local.ToString());

        var outDir = dir.Combine("slurm");
        var submit = Molscreen(dir.Path, "submit", Example, "--scheduler", "slurm", "--out", outDir, "--max-parallel", "4");
        Assert.True(submit.ExitCode == 0, submit.ToString());
        Assert.Matches(@"ingest: job \d+, 11 of 11 shard\(s\) \[0-10\]", submit.Stdout);
        SlurmCluster.WaitFor(() => Finalized(outDir), Bound, () => Status(dir.Path, outDir));

        Assert.Equal(ParquetFiles.Digests(dir.Combine("local")), ParquetFiles.Digests(outDir));
        var script = File.ReadAllText(Path.Combine(outDir, "slurm", "ingest.sbatch"));
        Assert.Contains("#SBATCH --array=0-10%4", script);
        Assert.Contains("--shard \"$SLURM_ARRAY_TASK_ID/11\"", script);
        Assert.DoesNotContain("--gpus", script);
        Assert.Equal(11, Directory.GetFiles(Path.Combine(outDir, "slurm", "logs"), "ingest-*_*.log").Length);
        Assert.Contains("complete", Status(dir.Path, outDir));
        Assert.Contains("nothing to submit", Molscreen(dir.Path, "submit", Example, "--scheduler", "slurm", "--out", outDir).Stdout);
    }

    /// <summary>
    /// Issue 16: the whole chain (<see cref="MiniChain"/>: ingest → featurize → predict → prepare → dock → rank) as job
    /// arrays gives the same bytes as `molscreen run`, every Parquet file, pose file and the plan (<see cref="RunFiles"/>).
    /// </summary>
    [SlurmChainFact]
    public void WholeChainOnSlurmMatchesLocalRunByteForByte()
    {
        cluster.EnsureStarted();
        using var dir = new TempDir();
        var wf = MiniChain.Write(dir.Path);
        var local = Molscreen(dir.Path, "run", wf, "--out", dir.Combine("local"), "--workers", "2");
        Assert.True(local.ExitCode == 0, local.ToString());

        var outDir = dir.Combine("slurm");
        var submit = Molscreen(dir.Path, "submit", wf, "--scheduler", "slurm", "--out", outDir, "--max-parallel", "2");
        Assert.True(submit.ExitCode == 0, submit.ToString());
        Assert.Matches(@"dock: job \d+, 3 of 3 shard\(s\)", submit.Stdout);
        SlurmCluster.WaitFor(() => Finalized(outDir), TimeSpan.FromMinutes(6), () => Status(dir.Path, outDir));

        RunFiles.AssertSame(RunFiles.Digests(dir.Combine("local")), outDir, "SLURM against a local run");
        Assert.Contains("complete", Status(dir.Path, outDir));
    }

    [SlurmFact]
    public void FailedShardStopsDependantsAndResubmitRedoesOnlyIt()
    {
        cluster.EnsureStarted();
        using var dir = new TempDir();
        var outDir = dir.Combine("out");
        var first = MolscreenWith(dir.Path, "MOLSCREEN_FAIL_SHARDS", "ingest/3", "submit", Example, "--scheduler", "slurm", "--out", outDir);
        Assert.True(first.ExitCode == 0, first.ToString());
        SlurmCluster.WaitFor(() => Status(dir.Path, outDir).Contains("DependencyNeverSatisfied"), Bound, () => Status(dir.Path, outDir));

        var status = Status(dir.Path, outDir);
        Assert.Matches(@"ingest\s+10/11 \(1 failed\)", status);
        Assert.Contains("failed 1", status);
        Assert.Matches(@"shard 3: FAILED .*log .*ingest-\d+_3\.log", status);
        Assert.Contains("injected fault", status);
        Assert.False(Finalized(outDir));
        Assert.False(File.Exists(Path.Combine(outDir, "rejects.parquet")));

        var second = Molscreen(dir.Path, "submit", Example, "--scheduler", "slurm", "--out", outDir);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches(@"ingest: job \d+, 1 of 11 shard\(s\) \[3\]", second.Stdout);
        SlurmCluster.WaitFor(() => Finalized(outDir), Bound, () => Status(dir.Path, outDir));

        var local = Molscreen(dir.Path, "run", Example, "--out", dir.Combine("local"));
        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Equal(ParquetFiles.Digests(dir.Combine("local")), ParquetFiles.Digests(outDir));
    }

    [SlurmFact]
    public void CancelledArrayCompletesOnResubmitWithNothingLostOrDoubled()
    {
        cluster.EnsureStarted();
        using var dir = new TempDir();
        Library.Write(dir.Combine("lib.smi"), 24_000);
        File.WriteAllText(dir.Combine("wf.yaml"), "name: cancel\nshard_size: 1000\nstages:\n  ingest:\n    inputs: [lib.smi]\n");
        var outDir = dir.Combine("out");
        var submit = Molscreen(dir.Path, "submit", "wf.yaml", "--scheduler", "slurm", "--out", outDir, "--max-parallel", "1");
        Assert.True(submit.ExitCode == 0, submit.ToString());
        var job = System.Text.RegularExpressions.Regex.Match(submit.Stdout, @"ingest: job (\d+)").Groups[1].Value;

        bool SomeDone() => Directory.Exists(Path.Combine(outDir, "ingest", "_shards"))
                           && Directory.GetFiles(Path.Combine(outDir, "ingest", "_shards"), "*.manifest.json").Length >= 3;
        SlurmCluster.WaitFor(SomeDone, Bound, () => Status(dir.Path, outDir));
        var busy = Molscreen(dir.Path, "submit", "wf.yaml", "--scheduler", "slurm", "--out", outDir);
        Assert.Equal(2, busy.ExitCode); // refuses while tasks of the first submission are active
        Assert.Contains("still pending or running", busy.Stderr);

        var cancel = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("scancel", job) { Environment = { ["SLURM_CONF"] = cluster.Conf } })!;
        cancel.WaitForExit();
        Assert.Equal(0, cancel.ExitCode);
        SlurmCluster.WaitFor(() => !Status(dir.Path, outDir).Contains("PENDING") && !Status(dir.Path, outDir).Contains("running 1"), Bound, () => Status(dir.Path, outDir));
        var done = Directory.GetFiles(Path.Combine(outDir, "ingest", "_shards"), "*.manifest.json").Length;
        Assert.InRange(done, 3, 23); // cancelled mid-way

        var again = Molscreen(dir.Path, "submit", "wf.yaml", "--scheduler", "slurm", "--out", outDir, "--max-parallel", "4");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Matches($@"ingest: job \d+, {24 - done} of 24 shard\(s\)", again.Stdout);
        SlurmCluster.WaitFor(() => Finalized(outDir), Bound, () => Status(dir.Path, outDir));

        Assert.Empty(ParquetFiles.TempFiles(outDir));
        using var db = new DuckDb();
        var (rows, distinct) = db.Pair($"SELECT count(*), count(DISTINCT id) FROM read_parquet('{outDir}/ingest/*.parquet')");
        var rejects = db.Scalar($"SELECT count(*) FROM read_parquet('{outDir}/rejects.parquet')");
        Assert.Equal(rows, distinct);
        Assert.Equal(24_000, rows + rejects);
        var local = Molscreen(dir.Path, "run", "wf.yaml", "--out", dir.Combine("local"));
        Assert.Equal(ParquetFiles.Digests(dir.Combine("local")), ParquetFiles.Digests(outDir));
    }
}

/// <summary>--dry-run needs no cluster: it writes and prints the scripts and the sbatch commands.</summary>
public class SlurmDryRunTests
{
    [Fact]
    public void DryRunWritesReadableScriptsAndSubmitsNothing()
    {
        using var dir = new TempDir();
        Library.Write(dir.Combine("lib.smi"), 50);
        File.WriteAllText(dir.Combine("wf.yaml"),
            "name: dry\nshard_size: 10\nstages:\n  ingest:\n    inputs: [lib.smi]\n    resources: { cpus: 2, mem: 3G, time: \"00:10:00\", partition: short }\n");
        var r = CliProcess.Run(dir.Path, "submit", "wf.yaml", "--scheduler", "slurm", "--out", dir.Combine("out"), "--dry-run", "--max-parallel", "3", "--mem", "5G", "--gpus-per-task", "2");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("#SBATCH --array=0-4%3", r.Stdout);
        Assert.Contains("#SBATCH --cpus-per-task=2", r.Stdout);
        Assert.Contains("#SBATCH --mem=5G", r.Stdout);          // command line overrides the workflow
        Assert.Contains("#SBATCH --time=00:10:00", r.Stdout);
        Assert.Contains("#SBATCH --partition=short", r.Stdout);
        Assert.DoesNotContain("--gpus-per-task=2", r.Stdout);   // a CPU stage never gets GPUs
        Assert.Contains("export OMP_NUM_THREADS=1", r.Stdout);
        Assert.Matches(@"sbatch --parsable --array=0-4%3 \S+ingest\.sbatch", r.Stdout);
        Assert.Matches(@"sbatch --parsable --dependency=afterok:<ingest> --kill-on-invalid-dep=yes \S+finalize\.sbatch", r.Stdout);
        Assert.False(File.Exists(dir.Combine("out", "slurm", "jobs.json")));

        File.WriteAllText(dir.Combine("gpu.yaml"), "name: gpu\nshard_size: 10\nstages:\n  ingest:\n    inputs: [lib.smi]\n    resources: { gpus: 1 }\n");
        var gpu = CliProcess.Run(dir.Path, "submit", "gpu.yaml", "--scheduler", "slurm", "--out", dir.Combine("gpu"), "--dry-run", "--gpus-per-task", "2");
        Assert.Contains("#SBATCH --gpus-per-task=2", gpu.Stdout);   // a stage configured for GPUs gets the requested count
        Assert.Equal(2, CliProcess.Run(dir.Path, "submit", "wf.yaml", "--scheduler", "pbs", "--dry-run").ExitCode);
    }
}
