using System.Security.Cryptography;
using MolScreen.Core.IO;

namespace MolScreen.Prediction.Model;

/// <summary>
/// The envelope of MolScreen's weight files: the body (which starts with a magic) followed by a SHA-256 of it, written
/// atomically. Reading checks the magic and the checksum before anything is parsed, so a truncated or corrupt file
/// fails with a message naming it instead of deep inside a parser.
/// </summary>
internal static class ChecksummedFile
{
    private const int HashBytes = 32;
    /// <summary>Largest weight file read (checked before it is loaded into memory).</summary>
    public const long MaxBytes = 1L << 30;

    public static void Write(string path, byte[] body)
    {
        var tmp = AtomicFile.TempPathFor(path);
        using (var f = File.Create(tmp)) { f.Write(body); f.Write(SHA256.HashData(body)); }
        AtomicFile.Commit(tmp, path);
    }

    /// <summary>The verified body, magic included. <paramref name="kind"/> names the file type in the errors.</summary>
    public static byte[] Read(string path, ReadOnlySpan<byte> magic, string kind)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: weight file missing");
        if (new FileInfo(path).Length > MaxBytes) throw new InvalidDataException($"{path}: larger than {MaxBytes} bytes, not a {kind}");
        var all = File.ReadAllBytes(path);
        if (all.Length < magic.Length + HashBytes || !all.AsSpan(0, magic.Length).SequenceEqual(magic))
            throw new InvalidDataException($"{path}: not a {kind} (bad magic or too short)");
        var body = all.AsSpan(0, all.Length - HashBytes);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(all.AsSpan(all.Length - HashBytes)))
            throw new InvalidDataException($"{path}: checksum mismatch: the weight file is truncated or corrupt");
        return body.ToArray();
    }
}
