using System.Runtime.CompilerServices;

namespace MolScreen.Chemistry.Fingerprints;

/// <summary>
/// RDKit's "portable" variant of boost::hash_combine (RDGeneral/hash): the seed and every hash are
/// 32-bit, so the same molecule hashes to the same identifiers on every platform. Morgan bit
/// positions are these hashes modulo the fingerprint size, so matching RDKit bit for bit means
/// reproducing this arithmetic exactly, including its uint32 wrap-around.
/// </summary>
internal static class RdkitHash
{
    private const uint GoldenRatio = 0x9e3779b9;

    /// <summary>One hash_combine step; <paramref name="valueHash"/> is the hash of the value, which
    /// for every integer type RDKit combines here is the value itself cast to uint32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Combine(uint seed, uint valueHash) =>
        seed ^ (valueHash + GoldenRatio + (seed << 6) + (seed >> 2));

    /// <summary>hash_value of a std::pair: the two members combined into a zero seed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Pair(uint first, uint second) => Combine(Combine(0, first), second);
}
