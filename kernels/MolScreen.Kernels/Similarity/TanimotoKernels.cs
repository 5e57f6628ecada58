using ILGPU;
using MolScreen.Chemistry.Fingerprints;

namespace MolScreen.Kernels.Similarity;

/// <summary>
/// Bulk Tanimoto on packed ECFP4 (256 bytes = 32 ulongs per fingerprint): one thread per library
/// fingerprint, the query shared. The similarity itself is <see cref="Tanimoto.Ratio"/>, the same
/// method the CPU path calls.
/// </summary>
public static class TanimotoKernels
{
    public const int Words = 32;

    /// <param name="index">library fingerprint handled by this thread</param>
    /// <param name="query">the query fingerprint, 32 words</param>
    /// <param name="library">N fingerprints, 32 words each, contiguous</param>
    /// <param name="queryCount">bits set in the query</param>
    /// <param name="similarities">one output per library fingerprint</param>
    public static void Bulk(Index1D index, ArrayView<ulong> query, ArrayView<ulong> library, int queryCount, ArrayView<float> similarities)
    {
        long start = (long)index.X * Words;
        int both = 0, other = 0;
        for (int w = 0; w < Words; w++)
        {
            ulong f = library[start + w];
            both += IntrinsicMath.PopCount(query[w] & f);
            other += IntrinsicMath.PopCount(f);
        }
        similarities[index] = Tanimoto.Ratio(both, queryCount + other - both);
    }
}
