using MolScreen.Core.IO;
using MolScreen.Prediction.Model;

namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// Reuse by content through the real CLI: a model member swapped (with its manifest updated, as a retrain does) reruns
/// exactly predict; a truncated shard is `invalid` to `status`, refused by `finalize`, and redone by `run`; a run
/// whose new work fails leaves only `.stale` run products.
/// </summary>
public class ContentReuseTests
{
    private static string Workflow(string models) =>
        $"name: reuse\nshard_size: 3\nstages:\n  ingest:\n    inputs: [lib.smi]\n  featurize:\n    input: ingest\n  predict:\n    input: featurize\n    params: {{ models: [{models}] }}\n";

    private static TempDir Setup()
    {
        var dir = new TempDir();
        File.WriteAllText(dir.Combine("lib.smi"), "CCO a\nc1ccccc1O b\nCC(=O)Nc1ccc(O)cc1 c\nCCN(CC)CC d\nOC(=O)c1ccccc1 e\n");
        var model = dir.Combine("models", "herg");
        Directory.CreateDirectory(model);
        foreach (var f in Directory.GetFiles(Path.Combine(SharedData.RepoRoot(), "datasets", "models", "herg")))
            File.Copy(f, Path.Combine(model, Path.GetFileName(f)));
        File.WriteAllText(dir.Combine("wf.yaml"), Workflow(dir.Combine("models", "herg")));
        return dir;
    }

    private static CliProcess.Result Run(TempDir dir)
    {
        var r = CliProcess.Run(dir.Path, "run", "wf.yaml", "--out", dir.Combine("out"), "--workers", "1");
        return r;
    }

    [Fact]
    public void SwappedModelMemberRerunsExactlyPredict()
    {
        using var dir = Setup();
        var first = Run(dir);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = ParquetFiles.Digests(dir.Combine("out"));

        // A retrain of one member: new bytes, manifest updated to match (a swap without that fails to load).
        var model = dir.Combine("models", "herg");
        File.Copy(Path.Combine(model, "member-0.mlp"), Path.Combine(model, "member-1.mlp"), overwrite: true);
        var manifestPath = Path.Combine(model, ModelManifest.FileName);
        var m = JsonFile.TryLoad<ModelManifest>(manifestPath)!;
        JsonFile.Save(manifestPath, m with { Files = ModelFiles.Checksums(model, m) });

        var rerun = Run(dir);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("done: 6 shard(s), 4 reused", rerun.Stdout);
        var after = ParquetFiles.Digests(dir.Combine("out"));
        var changed = before.Keys.Where(k => after.TryGetValue(k, out var v) && v != before[k]).Select(k => k.Split('/', '\\')[0]).Distinct().ToList();
        Assert.Equal(["predict"], changed);
    }

    [Fact]
    public void TruncatedShardIsInvalidThenRedoneAndAFailedRerunLeavesOnlyStaleProducts()
    {
        using var dir = Setup();
        Assert.Equal(0, Run(dir).ExitCode);
        var victim = dir.Combine("out", "featurize", "part-00001.parquet");
        var bytes = File.ReadAllBytes(victim);
        File.WriteAllBytes(victim, bytes[..(bytes.Length - 10)]);

        var status = CliProcess.Run(dir.Path, "status", "--out", dir.Combine("out"));
        Assert.Contains("featurize shard 1 invalid", status.Stdout);
        Assert.Contains("incomplete", status.Stdout);
        var fin = CliProcess.Run(dir.Path, "finalize", "wf.yaml", "--out", dir.Combine("out"));
        Assert.NotEqual(0, fin.ExitCode);

        var rerun = Run(dir);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("done: 6 shard(s), 5 reused", rerun.Stdout);
        Assert.Equal(bytes, File.ReadAllBytes(victim));

        // Now break the model for real: predict must rerun (its parameter hash changed) and fails to load.
        File.AppendAllText(dir.Combine("models", "herg", "domain.fps.gz"), "x");
        var failed = Run(dir);
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("domain.fps.gz", failed.Stderr + failed.Stdout);
        Assert.False(File.Exists(dir.Combine("out", "run.json")));
        Assert.False(File.Exists(dir.Combine("out", "rejects.parquet")));
        Assert.True(File.Exists(dir.Combine("out", "run.json.stale")));
        Assert.Contains("incomplete", CliProcess.Run(dir.Path, "status", "--out", dir.Combine("out")).Stdout);
    }
}
