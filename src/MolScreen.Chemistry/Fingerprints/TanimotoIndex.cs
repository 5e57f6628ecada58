namespace MolScreen.Chemistry.Fingerprints;

/// <summary>
/// A fixed set of packed fingerprints ordered by bit count, for repeated exact maximum-similarity queries
/// (the applicability-domain check of every predicted compound, novelty against a reference set).
/// <para>
/// Two fingerprints with a and b bits have Tanimoto at most min(a, b) / max(a, b) (Swamidass and Baldi, 2007).
/// A query visits the count buckets nearest its own count first, so a good maximum is found early, and stops
/// once no unvisited bucket's bound can beat it. The answer is exactly the brute-force maximum: a bucket is
/// skipped only when none of its members can exceed the maximum already found. ECFP4 counts spread widely
/// (roughly 10 to 100 bits), so most of a set is never touched.
/// </para>
/// </summary>
public sealed class TanimotoIndex
{
    private const int Bytes = Tanimoto.FingerprintBytes;
    private readonly byte[] _sorted;
    private readonly ushort[] _counts;
    /// <summary>Bucket c holds members [_start[c], _start[c + 1]) of the sorted set; counts run 0..2048.</summary>
    private readonly int[] _start = new int[Bytes * 8 + 2];

    public int Count => _counts.Length;

    public TanimotoIndex(ReadOnlySpan<byte> fingerprints)
    {
        if (fingerprints.Length % Bytes != 0)
            throw new ArgumentException($"{fingerprints.Length} bytes is not a whole number of {Bytes}-byte fingerprints", nameof(fingerprints));
        int n = fingerprints.Length / Bytes;
        var counts = new ushort[n];
        Tanimoto.PopCounts(fingerprints, counts);
        foreach (var c in counts) _start[c + 1]++;
        for (int c = 1; c < _start.Length; c++) _start[c] += _start[c - 1];
        var next = (int[])_start.Clone();
        _sorted = new byte[fingerprints.Length];
        _counts = new ushort[n];
        for (int i = 0; i < n; i++)
        {
            int slot = next[counts[i]]++;
            fingerprints.Slice(i * Bytes, Bytes).CopyTo(_sorted.AsSpan(slot * Bytes, Bytes));
            _counts[slot] = counts[i];
        }
    }

    /// <summary>Highest similarity of <paramref name="fingerprint"/> to any member; 0 for an empty set.</summary>
    public float MaxSimilarity(ReadOnlySpan<byte> fingerprint) => Search(fingerprint, 0f, float.PositiveInfinity);

    /// <summary>
    /// Whether some member is at least <paramref name="threshold"/> similar (an applicability-domain test): the same
    /// walk, stopping at the first block holding such a member and skipping every bucket whose bound is below the
    /// threshold. Equal to <c>MaxSimilarity(fingerprint) &gt;= threshold</c>.
    /// </summary>
    public bool AnyAtLeast(ReadOnlySpan<byte> fingerprint, float threshold) =>
        threshold <= 0f || Search(fingerprint, threshold, threshold) >= threshold;  // every similarity is ≥ 0, even an empty set's 0

    /// <summary>
    /// The nearest-count-first walk: the maximum over the buckets that could hold a similarity ≥ <paramref name="floor"/>
    /// and above the maximum found so far, ending early once that maximum reaches <paramref name="enough"/>.
    /// </summary>
    private float Search(ReadOnlySpan<byte> fingerprint, float floor, float enough)
    {
        if (fingerprint.Length != Bytes) throw new ArgumentException($"a packed fingerprint is {Bytes} bytes, got {fingerprint.Length}", nameof(fingerprint));
        if (Count == 0) return 0f;
        int a = TanimotoKernel.PopCount(fingerprint);
        Span<float> block = stackalloc float[64];
        float max = 0f;
        int below = a, above = a + 1, top = Bytes * 8;
        while (max < enough)
        {
            float boundBelow = below >= 0 ? Bound(a, below) : -1f;
            float boundAbove = above <= top ? Bound(a, above) : -1f;
            bool down = boundBelow >= boundAbove;
            float bound = down ? boundBelow : boundAbove;
            // nothing left can beat the maximum (ties leave it unchanged) or reach the floor; -1: no buckets left
            if (bound < 0f || bound <= max || bound < floor) break;
            int bucket = down ? below-- : above++;
            for (int start = _start[bucket], end = _start[bucket + 1]; start < end && max < enough; start += block.Length)
            {
                int len = Math.Min(block.Length, end - start);
                var scores = block[..len];
                TanimotoKernel.Similarities(fingerprint, _sorted.AsSpan(start * Bytes, len * Bytes), _counts.AsSpan(start, len), scores);
                foreach (float s in scores) if (s > max) max = s;  // similarities are never NaN; MathF.Max's NaN handling slowed this loop ~15%
            }
        }
        return max;
    }

    /// <summary>For each fingerprint of a packed set, its <see cref="MaxSimilarity(ReadOnlySpan{byte})"/>.</summary>
    public void MaxSimilarity(ReadOnlySpan<byte> fingerprints, Span<float> maxima)
    {
        if (fingerprints.Length % Bytes != 0)
            throw new ArgumentException($"{fingerprints.Length} bytes is not a whole number of {Bytes}-byte fingerprints", nameof(fingerprints));
        if (maxima.Length != fingerprints.Length / Bytes)
            throw new ArgumentException($"{fingerprints.Length / Bytes} fingerprints but room for {maxima.Length} maxima", nameof(maxima));
        for (int i = 0; i < maxima.Length; i++) maxima[i] = MaxSimilarity(fingerprints.Slice(i * Bytes, Bytes));
    }

    /// <summary>The largest Tanimoto any fingerprint with <paramref name="b"/> bits can have with one of
    /// <paramref name="a"/> bits; two empty fingerprints are identical (similarity 1, RDKit's convention).</summary>
    private static float Bound(int a, int b) => a == 0 && b == 0 ? 1f : Math.Min(a, b) / (float)Math.Max(a, b);
}
