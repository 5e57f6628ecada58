using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// Every file of a finished run directory that must be the same bytes in every run of the same workflow, by
/// relative path, with its SHA-256: every Parquet file (stage shards, shard rejects, rejects.parquet,
/// ranked.parquet), the pose SD files and the plan. Left out, and only these, because they record how the run
/// went rather than what it computed: shard manifests (wall seconds, finish time, host), run.json (the same,
/// per stage), report.html (when and on which host it was written), the run lock, and SLURM's scripts, job book
/// and logs.
/// </summary>
public static partial class RunFiles
{
    [GeneratedRegex(@"^(.*/)?_shards/[^/]+\.manifest\.json$|^run\.json$|^report\.html$|^\.lock$|^slurm/")]
    private static partial Regex RunRecord();

    public static bool Excluded(string relativePath) => RunRecord().IsMatch(relativePath.Replace('\\', '/'));

    public static SortedDictionary<string, string> Digests(string runDir) => new(
        Directory.EnumerateFiles(runDir, "*", SearchOption.AllDirectories)
            .Select(p => (Path: p, Relative: Path.GetRelativePath(runDir, p).Replace('\\', '/')))
            .Where(f => !Excluded(f.Relative))
            .ToDictionary(f => f.Relative, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f.Path)))),
        StringComparer.Ordinal);

    /// <summary>Fails with the differing files' names when two runs differ.</summary>
    public static void AssertSame(SortedDictionary<string, string> expected, string runDir, string what)
    {
        var actual = Digests(runDir);
        var differ = expected.Keys.Union(actual.Keys)
            .Where(k => !expected.TryGetValue(k, out var a) || !actual.TryGetValue(k, out var b) || a != b).ToList();
        Assert.True(differ.Count == 0, $"{what}: {differ.Count} of {expected.Count} files differ: {string.Join(", ", differ)}");
    }
}
