using System.Security.Cryptography;
using System.Text;

namespace MolScreen.Core.IO;

/// <summary>SHA-256 helpers; every hash in manifests and plans is lower-case hex SHA-256.</summary>
public static class ContentHash
{
    public static string OfFile(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(fs));
    }

    /// <summary>
    /// The content of a file or a folder: a file's SHA-256; for a folder, the SHA-256 over its files' relative paths
    /// (ordinal order, '/' separators) and their SHA-256s, so renaming, adding, removing or editing a member changes it.
    /// A path that does not exist hashes to a fixed marker (the reader reports it).
    /// </summary>
    public static string OfPath(string path)
    {
        if (File.Exists(path)) return OfFile(path);
        if (!Directory.Exists(path)) return "missing";
        var parts = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(path, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .Select(rel => rel + "\u001e" + OfFile(Path.Combine(path, rel)));
        return OfParts(["folder", .. parts]);
    }

    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string OfParts(params string[] parts) => OfText(string.Join('\u001f', parts));
}
