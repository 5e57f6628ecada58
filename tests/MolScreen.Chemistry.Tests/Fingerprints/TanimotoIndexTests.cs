using MolScreen.Chemistry.Fingerprints;

namespace MolScreen.Chemistry.Tests.Fingerprints;

public class TanimotoIndexTests
{
    private const int Bytes = Tanimoto.FingerprintBytes;

    [Fact]
    public void MaximaEqualTheBruteForceSearchExactly()
    {
        // densities from empty to full with duplicates: every pruning branch and the empty-fingerprint rule
        var set = TanimotoTests.RandomSet(900, 21);
        var queries = TanimotoTests.RandomSet(400, 22);
        var index = new TanimotoIndex(set);
        var brute = new float[400];
        var pruned = new float[400];
        Tanimoto.MaxSimilarity(queries, set, brute);
        index.MaxSimilarity(queries, pruned);
        Assert.Equal(brute, pruned);
        for (int q = 0; q < 400; q += 37)
        {
            float expected = 0f;
            for (int i = 0; i < 900; i++) expected = MathF.Max(expected, TanimotoTests.Reference(queries.AsSpan(q * Bytes, Bytes), set.AsSpan(i * Bytes, Bytes)));
            Assert.Equal(expected, pruned[q]);
        }
    }

    [Fact]
    public void EcfpLikeSetsAreExactAndMembersFindThemselves()
    {
        var random = new Random(5);
        var set = new byte[3000 * Bytes];
        for (int i = 0; i < 3000; i++)
            for (int k = 0, bits = random.Next(15, 90); k < bits; k++)
            {
                int bit = random.Next(Bytes * 8);
                set[i * Bytes + (bit >> 3)] |= (byte)(1 << (bit & 7));
            }
        var index = new TanimotoIndex(set);
        var brute = new float[3000];
        var pruned = new float[3000];
        // a query against itself: the maximum is 1 wherever the query is a member
        index.MaxSimilarity(set, pruned);
        Assert.All(pruned, v => Assert.Equal(1f, v));
        var others = TanimotoTests.RandomSet(300, 6);
        Tanimoto.MaxSimilarity(others, set, brute.AsSpan(0, 300));
        index.MaxSimilarity(others, pruned.AsSpan(0, 300));
        Assert.Equal(brute.AsSpan(0, 300).ToArray(), pruned.AsSpan(0, 300).ToArray());
    }

    [Fact]
    public void EmptySetsAndEmptyFingerprintsFollowRdkit()
    {
        var empty = new byte[Bytes];
        Assert.Equal(0f, new TanimotoIndex([]).MaxSimilarity(empty));
        var set = new byte[2 * Bytes];
        set[Bytes] = 1;
        var index = new TanimotoIndex(set);
        Assert.Equal(1f, index.MaxSimilarity(empty));       // two empty fingerprints are identical
        Assert.Equal(0f, new TanimotoIndex(set.AsSpan(Bytes)).MaxSimilarity(empty));
        Assert.Throws<ArgumentException>(() => new TanimotoIndex(new byte[Bytes + 1]));
        Assert.Throws<ArgumentException>(() => index.MaxSimilarity(new byte[10]));
    }

    [Fact]
    public void AnyAtLeastIsTheThresholdOnTheExactMaximum()
    {
        var set = TanimotoTests.RandomSet(700, 31);
        var queries = TanimotoTests.RandomSet(250, 32);
        var index = new TanimotoIndex(set);
        var maxima = new float[250];
        index.MaxSimilarity(queries, maxima);
        foreach (float threshold in new[] { 0f, 0.05f, 0.2f, 0.25f, 0.5f, 0.9f, 1f })
            for (int q = 0; q < 250; q++)
                Assert.True(maxima[q] >= threshold == index.AnyAtLeast(queries.AsSpan(q * Bytes, Bytes), threshold), $"query {q}, threshold {threshold}");
        Assert.False(new TanimotoIndex([]).AnyAtLeast(new byte[Bytes], 0.1f));
    }
}
