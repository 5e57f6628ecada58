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

    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string OfParts(params string[] parts) => OfText(string.Join('\u001f', parts));
}
