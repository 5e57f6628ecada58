using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MolScreen.Core.Stages;

/// <summary>
/// The seed of one record's random work: a function of the workflow seed and the record's content (its
/// structure, not its id or position), so a molecule gets the same draws whichever shard, worker, process
/// or machine handles it, and duplicates of one structure get the same result. SHA-256 rather than
/// <see cref="string.GetHashCode()"/>, which .NET randomizes per process.
/// </summary>
public static class RecordSeed
{
    /// <summary>The first four bytes (little-endian) of SHA-256 over "molscreen-record-seed\n{seed}\n{key}" in UTF-8.</summary>
    public static uint Of(int workflowSeed, string contentKey)
    {
        ArgumentNullException.ThrowIfNull(contentKey);
        var text = $"molscreen-record-seed\n{workflowSeed.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n{contentKey}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadUInt32LittleEndian(hash);
    }

    /// <summary>
    /// The seed of attempt <paramref name="attempt"/> (1 = first) of a record seeded with <paramref name="recordSeed"/>:
    /// splitmix-style mixing, so consecutive attempts get unrelated seeds.
    /// </summary>
    public static uint Attempt(uint recordSeed, int attempt)
    {
        ulong z = recordSeed + 0x9E3779B97F4A7C15ul * (ulong)attempt;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ul;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBul;
        return (uint)(z ^ (z >> 31));
    }
}
