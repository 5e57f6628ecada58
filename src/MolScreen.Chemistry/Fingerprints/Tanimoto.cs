namespace MolScreen.Chemistry.Fingerprints;

/// <summary>
/// Tanimoto (Jaccard) similarity on packed 2048-bit fingerprints (256 bytes each, the layout of
/// <see cref="MorganFingerprint.Ecfp4Packed(Molecules.MolGraph)"/>); a set of N fingerprints is one
/// contiguous span of N*256 bytes. Two empty fingerprints have similarity 1, RDKit's convention
/// (DataStructs.TanimotoSimilarity), so scores agree with RDKit exactly up to float rounding.
/// <para>
/// Nothing here allocates per comparison. For repeated searches of the same library, compute
/// <see cref="PopCounts"/> once and pass them: the kernel then counts only the intersection, about
/// twice as fast.
/// </para>
/// </summary>
public static class Tanimoto
{
    /// <summary>
    /// RDKit's TanimotoSimilarity from bit counts: intersection over union, and 1 when both are empty.
    /// The one formula: the CPU kernels and the ILGPU kernel (kernels/MolScreen.Kernels) both call it.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static float Ratio(int intersection, int union) => union == 0 ? 1f : intersection / (float)union;

    public const int FingerprintBytes = TanimotoKernel.Bytes;

    /// <summary>Similarities are computed this many at a time into a stack buffer by the searches
    /// that only keep a summary (top k, maximum).</summary>
    private const int Block = 256;

    /// <summary>Library fingerprints per tile of the many-against-many searches: 512 × 256 B = 128 KB,
    /// which stays in a core's L2 while every query passes over it.</summary>
    private const int Tile = 512;

    public static float Similarity(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        CheckOne(a, nameof(a));
        CheckOne(b, nameof(b));
        Span<float> result = stackalloc float[1];
        TanimotoKernel.Similarities(a, b, default, result);
        return result[0];
    }

    public static int PopCount(ReadOnlySpan<byte> fingerprint)
    {
        CheckOne(fingerprint, nameof(fingerprint));
        return TanimotoKernel.PopCount(fingerprint);
    }

    /// <summary>Bit count of each fingerprint, for the overloads that take precomputed counts.</summary>
    public static void PopCounts(ReadOnlySpan<byte> fingerprints, Span<ushort> counts)
    {
        int n = Count(fingerprints, nameof(fingerprints));
        if (counts.Length != n) throw new ArgumentException($"{n} fingerprints but {counts.Length} counts", nameof(counts));
        for (int i = 0; i < n; i++) counts[i] = (ushort)TanimotoKernel.PopCount(fingerprints.Slice(i * FingerprintBytes, FingerprintBytes));
    }

    /// <summary>Similarity of <paramref name="query"/> to each fingerprint, written in order.</summary>
    public static void Bulk(ReadOnlySpan<byte> query, ReadOnlySpan<byte> fingerprints, Span<float> similarities) =>
        Bulk(query, fingerprints, default, similarities);

    /// <summary><see cref="Bulk(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{float})"/> with the
    /// fingerprints' <see cref="PopCounts"/> (empty: count on the fly).</summary>
    public static void Bulk(ReadOnlySpan<byte> query, ReadOnlySpan<byte> fingerprints, ReadOnlySpan<ushort> popCounts, Span<float> similarities)
    {
        CheckOne(query, nameof(query));
        int n = Count(fingerprints, nameof(fingerprints));
        CheckCounts(popCounts, n);
        if (similarities.Length != n) throw new ArgumentException($"{n} fingerprints but room for {similarities.Length} similarities", nameof(similarities));
        TanimotoKernel.Similarities(query, fingerprints, popCounts, similarities);
    }

    /// <summary>
    /// The k = <c>indices.Length</c> fingerprints most similar to <paramref name="query"/>, best first;
    /// equal similarities are ordered by index, lower first. Returns how many were written,
    /// min(k, N). <paramref name="similarities"/> must be as long as <paramref name="indices"/>.
    /// </summary>
    public static int NearestNeighbors(ReadOnlySpan<byte> query, ReadOnlySpan<byte> fingerprints, Span<int> indices, Span<float> similarities) =>
        NearestNeighbors(query, fingerprints, default, indices, similarities);

    /// <summary>NearestNeighbors with the fingerprints' precomputed <see cref="PopCounts"/>.</summary>
    public static int NearestNeighbors(ReadOnlySpan<byte> query, ReadOnlySpan<byte> fingerprints, ReadOnlySpan<ushort> popCounts,
        Span<int> indices, Span<float> similarities)
    {
        CheckOne(query, nameof(query));
        int n = Count(fingerprints, nameof(fingerprints));
        CheckCounts(popCounts, n);
        if (similarities.Length != indices.Length)
            throw new ArgumentException($"{indices.Length} index slots but {similarities.Length} similarity slots", nameof(similarities));
        int k = Math.Min(indices.Length, n);
        var heap = new NeighborHeap(indices[..k], similarities[..k]);
        Span<float> block = stackalloc float[Block];
        for (int start = 0; start < n; start += Block)
        {
            int len = Math.Min(Block, n - start);
            TanimotoKernel.Similarities(query, fingerprints.Slice(start * FingerprintBytes, len * FingerprintBytes),
                popCounts.IsEmpty ? default : popCounts.Slice(start, len), block[..len]);
            for (int j = 0; j < len; j++) heap.Offer(start + j, block[j]);
        }
        heap.SortBestFirst();
        return k;
    }

    /// <summary>Highest similarity of <paramref name="fingerprint"/> to any member of
    /// <paramref name="set"/>; 0 for an empty set (nothing is similar).</summary>
    public static float MaxSimilarity(ReadOnlySpan<byte> fingerprint, ReadOnlySpan<byte> set)
    {
        CheckOne(fingerprint, nameof(fingerprint));
        return MaxOverSet(fingerprint, set, Count(set, nameof(set)), default);
    }

    /// <summary>For each fingerprint, its highest similarity to any member of <paramref name="set"/>
    /// (0 for an empty set). The set's bit counts are computed once, and the set is walked in
    /// cache-sized tiles with every fingerprint compared against a tile while it is in cache, so a set
    /// too large for the cache is read from memory once, not once per fingerprint.</summary>
    public static void MaxSimilarity(ReadOnlySpan<byte> fingerprints, ReadOnlySpan<byte> set, Span<float> maxima)
    {
        int n = Count(fingerprints, nameof(fingerprints));
        int m = Count(set, nameof(set));
        if (maxima.Length != n) throw new ArgumentException($"{n} fingerprints but room for {maxima.Length} maxima", nameof(maxima));
        maxima.Clear();
        var rented = System.Buffers.ArrayPool<ushort>.Shared.Rent(m);
        try
        {
            var setCounts = rented.AsSpan(0, m);
            PopCounts(set, setCounts);
            Span<float> block = stackalloc float[Block];
            for (int tile = 0; tile < m; tile += Tile)
            {
                int tileLen = Math.Min(Tile, m - tile);
                for (int i = 0; i < n; i++)
                {
                    var fp = fingerprints.Slice(i * FingerprintBytes, FingerprintBytes);
                    float max = maxima[i];
                    for (int start = tile; start < tile + tileLen; start += Block)
                    {
                        int len = Math.Min(Block, tile + tileLen - start);
                        var scores = block[..len];
                        TanimotoKernel.Similarities(fp, set.Slice(start * FingerprintBytes, len * FingerprintBytes), setCounts.Slice(start, len), scores);
                        foreach (float s in scores) if (s > max) max = s;  // similarities are never NaN; MathF.Max's NaN handling slowed this loop ~15%
                    }
                    maxima[i] = max;
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<ushort>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Similarity of each of Q <paramref name="queries"/> to each of N <paramref name="fingerprints"/>:
    /// row q of <paramref name="similarities"/> (Q×N, row-major) is <see cref="Bulk(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{ushort}, Span{float})"/>
    /// of query q. One query at a time is bound by memory bandwidth once the library outgrows the cache
    /// (256 bytes read per comparison); here each cache-sized tile of the library is read once and
    /// compared with all queries, so many queries run at the in-cache rate.
    /// </summary>
    public static void BulkMany(ReadOnlySpan<byte> queries, ReadOnlySpan<byte> fingerprints, ReadOnlySpan<ushort> popCounts, Span<float> similarities)
    {
        int q = Count(queries, nameof(queries));
        int n = Count(fingerprints, nameof(fingerprints));
        CheckCounts(popCounts, n);
        if (similarities.Length != (long)q * n) throw new ArgumentException($"{q} queries × {n} fingerprints but room for {similarities.Length} similarities", nameof(similarities));
        for (int tile = 0; tile < n; tile += Tile)
        {
            int len = Math.Min(Tile, n - tile);
            var tileBytes = fingerprints.Slice(tile * FingerprintBytes, len * FingerprintBytes);
            var tileCounts = popCounts.IsEmpty ? default : popCounts.Slice(tile, len);
            for (int j = 0; j < q; j++)
                TanimotoKernel.Similarities(queries.Slice(j * FingerprintBytes, FingerprintBytes), tileBytes, tileCounts, similarities.Slice(j * n + tile, len));
        }
    }

    private static float MaxOverSet(ReadOnlySpan<byte> fingerprint, ReadOnlySpan<byte> set, int m, ReadOnlySpan<ushort> setCounts)
    {
        float max = 0f;
        Span<float> block = stackalloc float[Block];
        for (int start = 0; start < m; start += Block)
        {
            int len = Math.Min(Block, m - start);
            var scores = block[..len];
            TanimotoKernel.Similarities(fingerprint, set.Slice(start * FingerprintBytes, len * FingerprintBytes),
                setCounts.IsEmpty ? default : setCounts.Slice(start, len), scores);
            foreach (float s in scores) if (s > max) max = s;  // similarities are never NaN; MathF.Max's NaN handling slowed this loop ~15%
        }
        return max;
    }

    private static void CheckOne(ReadOnlySpan<byte> fingerprint, string name)
    {
        if (fingerprint.Length != FingerprintBytes)
            throw new ArgumentException($"a packed fingerprint is {FingerprintBytes} bytes, got {fingerprint.Length}", name);
    }

    private static int Count(ReadOnlySpan<byte> fingerprints, string name)
    {
        if (fingerprints.Length % FingerprintBytes != 0)
            throw new ArgumentException($"{fingerprints.Length} bytes is not a whole number of {FingerprintBytes}-byte fingerprints", name);
        return fingerprints.Length / FingerprintBytes;
    }

    private static void CheckCounts(ReadOnlySpan<ushort> popCounts, int n)
    {
        if (!popCounts.IsEmpty && popCounts.Length != n)
            throw new ArgumentException($"{n} fingerprints but {popCounts.Length} bit counts", nameof(popCounts));
    }
}
