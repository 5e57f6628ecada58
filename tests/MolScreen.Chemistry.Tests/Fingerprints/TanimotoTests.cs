using System.Runtime.Intrinsics.X86;
using MolScreen.Chemistry.Fingerprints;

namespace MolScreen.Chemistry.Tests.Fingerprints;

public sealed class TanimotoTests
{
    private const int Bytes = Tanimoto.FingerprintBytes;

    /// <summary>Bit-by-bit Tanimoto, the definition the vector kernels must reproduce exactly.</summary>
    internal static float Reference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int both = 0, either = 0;
        for (int bit = 0; bit < Bytes * 8; bit++)
        {
            bool x = (a[bit >> 3] & (1 << (bit & 7))) != 0, y = (b[bit >> 3] & (1 << (bit & 7))) != 0;
            if (x && y) both++;
            if (x || y) either++;
        }
        return either == 0 ? 1f : both / (float)either;
    }

    /// <summary>N fingerprints whose densities run from empty through ECFP-like sparse to full, with
    /// exact duplicates so that equal similarities (ties) are common.</summary>
    internal static byte[] RandomSet(int n, int seed)
    {
        var random = new Random(seed);
        var set = new byte[n * Bytes];
        for (int i = 0; i < n; i++)
        {
            var fp = set.AsSpan(i * Bytes, Bytes);
            int kind = i % 7;
            if (kind == 0 && i % 21 == 0) continue;
            if (kind == 1) fp.Fill(0xFF);
            else if (kind == 2) random.NextBytes(fp);
            else if (kind == 3 && i >= 7) Row(set, i - 3).CopyTo(fp);
            else
                for (int k = 0, bits = random.Next(1, 120); k < bits; k++)
                {
                    int bit = random.Next(Bytes * 8);
                    fp[bit >> 3] |= (byte)(1 << (bit & 7));
                }
        }
        return set;
    }

    private static ReadOnlySpan<byte> Row(byte[] set, int i) => set.AsSpan(i * Bytes, Bytes);

    [Fact]
    public void IdentityIsOneAndDisjointIsZero()
    {
        var set = RandomSet(50, 1);
        for (int i = 0; i < 50; i++)
            if (Tanimoto.PopCount(Row(set, i)) > 0) Assert.Equal(1f, Tanimoto.Similarity(Row(set, i), Row(set, i)));

        var evens = new byte[Bytes];
        var odds = new byte[Bytes];
        evens.AsSpan().Fill(0x55);
        odds.AsSpan().Fill(0xAA);
        Assert.Equal(0f, Tanimoto.Similarity(evens, odds));
    }

    [Fact]
    public void EmptyAgainstEmptyIsOneAsInRdkit()
    {
        var empty = new byte[Bytes];
        var one = new byte[Bytes];
        one[17] = 4;
        Assert.Equal(1f, Tanimoto.Similarity(empty, empty));
        Assert.Equal(0f, Tanimoto.Similarity(empty, one));
    }

    [Fact]
    public void BulkEqualsTheBitByBitDefinitionWithAndWithoutCounts()
    {
        // 1,003 rows: not a multiple of the internal block size, so ragged ends are covered too.
        var set = RandomSet(1003, 2);
        var counts = new ushort[1003];
        Tanimoto.PopCounts(set, counts);
        var plain = new float[1003];
        var counted = new float[1003];
        foreach (int q in new[] { 0, 1, 2, 4, 5, 500 })
        {
            Tanimoto.Bulk(Row(set, q), set, plain);
            Tanimoto.Bulk(Row(set, q), set, counts, counted);
            for (int i = 0; i < 1003; i++)
            {
                float expected = Reference(Row(set, q), Row(set, i));
                Assert.Equal(expected, plain[i]);
                Assert.Equal(expected, counted[i]);
            }
        }
    }

    [Fact]
    public void ScalarAndVectorKernelsAgreeExactly()
    {
        var set = RandomSet(300, 3);
        var counts = new ushort[300];
        Tanimoto.PopCounts(set, counts);
        var scalar = new float[300];
        var vector = new float[300];
        for (int q = 0; q < 20; q++)
        {
            int queryCount = Tanimoto.PopCount(Row(set, q));
            TanimotoKernel.Scalar(Row(set, q), set, default, scalar, queryCount);
            for (int i = 0; i < 300; i++) Assert.Equal(Reference(Row(set, q), Row(set, i)), scalar[i]);
            TanimotoKernel.Scalar(Row(set, q), set, counts, vector, queryCount);
            Assert.Equal(scalar, vector);
            if (!Avx2.IsSupported) continue;
            TanimotoKernel.Nibbles(Row(set, q), set, default, vector, queryCount);
            Assert.Equal(scalar, vector);
            TanimotoKernel.Nibbles(Row(set, q), set, counts, vector, queryCount);
            Assert.Equal(scalar, vector);
            if (!Avx512BW.IsSupported) continue;
            TanimotoKernel.Nibbles512(Row(set, q), set, default, vector, queryCount);
            Assert.Equal(scalar, vector);
            TanimotoKernel.Nibbles512(Row(set, q), set, counts, vector, queryCount);
            Assert.Equal(scalar, vector);
        }
    }

    [Fact]
    public void NearestNeighborsAreBestFirstWithTiesByIndex()
    {
        var set = RandomSet(700, 4);
        var counts = new ushort[700];
        Tanimoto.PopCounts(set, counts);
        foreach (int q in new[] { 0, 3, 4, 9 })
        {
            var expected = Enumerable.Range(0, 700)
                .Select(i => (Index: i, Score: Reference(Row(set, q), Row(set, i))))
                .OrderByDescending(p => p.Score).ThenBy(p => p.Index).ToList();
            Assert.True(expected.Zip(expected.Skip(1)).Count(p => p.First.Score == p.Second.Score) > 10, "test data must contain ties");
            foreach (int k in new[] { 1, 5, 64, 700, 900 })
            {
                var indices = new int[k];
                var scores = new float[k];
                int found = Tanimoto.NearestNeighbors(Row(set, q), set, indices, scores);
                Assert.Equal(Math.Min(k, 700), found);
                Assert.Equal(expected.Take(found).Select(p => p.Index), indices.Take(found));
                Assert.Equal(expected.Take(found).Select(p => p.Score), scores.Take(found));

                Tanimoto.NearestNeighbors(Row(set, q), set, counts, indices, scores);
                Assert.Equal(expected.Take(found).Select(p => p.Index), indices.Take(found));
            }
        }
        Assert.Equal(0, Tanimoto.NearestNeighbors(Row(set, 0), set, [], []));
        Assert.Equal(0, Tanimoto.NearestNeighbors(Row(set, 0), [], new int[3], new float[3]));
    }

    [Fact]
    public void MaxSimilarityToSet()
    {
        var set = RandomSet(600, 5);
        var probes = RandomSet(40, 6);
        var maxima = new float[40];
        Tanimoto.MaxSimilarity(probes, set, maxima);
        for (int p = 0; p < 40; p++)
        {
            float expected = Enumerable.Range(0, 600).Max(i => Reference(Row(probes, p), Row(set, i)));
            Assert.Equal(expected, maxima[p]);
            Assert.Equal(expected, Tanimoto.MaxSimilarity(Row(probes, p), set));
        }
        Assert.Equal(1f, Tanimoto.MaxSimilarity(Row(set, 10), set));
        Assert.Equal(0f, Tanimoto.MaxSimilarity(Row(set, 10), []));
        Tanimoto.MaxSimilarity(probes, [], maxima);
        Assert.All(maxima, m => Assert.Equal(0f, m));
    }

    [Fact]
    public void ManyQueriesEqualOneQueryAtATimeAcrossTiles()
    {
        var library = RandomSet(1100, 8); // three library tiles, the last one partial
        var queries = RandomSet(5, 9);
        var counts = new ushort[1100];
        Tanimoto.PopCounts(library, counts);
        foreach (var withCounts in new[] { false, true })
        {
            var many = new float[5 * 1100];
            Tanimoto.BulkMany(queries, library, withCounts ? counts : default, many);
            var one = new float[1100];
            for (int q = 0; q < 5; q++)
            {
                Tanimoto.Bulk(Row(queries, q), library, one);
                Assert.Equal(one, many.AsSpan(q * 1100, 1100).ToArray());
            }
            Assert.Equal(Reference(Row(queries, 4), Row(library, 1099)), many[5 * 1100 - 1]);
        }
        Assert.Throws<ArgumentException>(() => Tanimoto.BulkMany(queries, library, default, new float[10]));
    }

    [Fact]
    public void SearchesAllocateNothing()
    {
        var set = RandomSet(2000, 7);
        var counts = new ushort[2000];
        Tanimoto.PopCounts(set, counts);
        var scores = new float[2000];
        var indices = new int[10];
        var top = new float[10];
        Tanimoto.Bulk(Row(set, 5), set, scores);
        Tanimoto.NearestNeighbors(Row(set, 5), set, counts, indices, top);
        Tanimoto.MaxSimilarity(Row(set, 5), set);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < 10; r++)
        {
            Tanimoto.Bulk(Row(set, r), set, scores);
            Tanimoto.Bulk(Row(set, r), set, counts, scores);
            Tanimoto.NearestNeighbors(Row(set, r), set, indices, top);
            Tanimoto.MaxSimilarity(Row(set, r), set);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void RejectsMisshapenInput()
    {
        var set = RandomSet(4, 8);
        Assert.Throws<ArgumentException>(() => Tanimoto.Similarity(new byte[255], Row(set, 0)));
        Assert.Throws<ArgumentException>(() => Tanimoto.Bulk(Row(set, 0), set.AsSpan(0, 3 * Bytes + 1), new float[3]));
        Assert.Throws<ArgumentException>(() => Tanimoto.Bulk(Row(set, 0), set, new float[3]));
        Assert.Throws<ArgumentException>(() => Tanimoto.Bulk(Row(set, 0), set, new ushort[3], new float[4]));
        Assert.Throws<ArgumentException>(() => Tanimoto.NearestNeighbors(Row(set, 0), set, new int[2], new float[3]));
        Assert.Throws<ArgumentException>(() => Tanimoto.MaxSimilarity(set, set, new float[3]));
        Assert.Throws<ArgumentException>(() => Tanimoto.PopCounts(set, new ushort[5]));
    }
}
