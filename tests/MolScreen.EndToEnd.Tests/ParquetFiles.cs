using System.Security.Cryptography;

namespace MolScreen.EndToEnd.Tests;

public static class ParquetFiles
{
    /// <summary>Every Parquet file of a run directory (stage shards, rejects), by relative path, with its SHA-256.</summary>
    public static SortedDictionary<string, string> Digests(string runDir) => new(
        Directory.EnumerateFiles(runDir, "*.parquet", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(runDir, p), p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p)))),
        StringComparer.Ordinal);

    public static IEnumerable<string> TempFiles(string runDir) =>
        Directory.EnumerateFiles(runDir, ".*", SearchOption.AllDirectories).Where(f => f.Contains(".tmp."));
}
