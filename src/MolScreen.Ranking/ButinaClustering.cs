using MolScreen.Chemistry.Fingerprints;

namespace MolScreen.Ranking;

/// <summary>
/// Butina (1999) sphere-exclusion clustering on ECFP4 Tanimoto similarity, as RDKit's
/// Butina.ClusterData without reordering: the compound with the most neighbours (similarity at or
/// above the cutoff) not yet clustered becomes a centroid and takes its unclustered neighbours.
/// Ties go to the earlier compound, so passing compounds best-first makes the best one the centroid.
/// </summary>
public static class ButinaClustering
{
    /// <param name="fingerprints">n packed 2048-bit fingerprints, contiguous (n × 256 bytes).</param>
    /// <returns>1-based cluster of each compound; clusters numbered in creation order (largest first).</returns>
    public static int[] Cluster(byte[] fingerprints, double similarityCutoff)
    {
        if (similarityCutoff is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(similarityCutoff), "the Tanimoto cutoff must be in (0, 1]");
        int n = fingerprints.Length / Tanimoto.FingerprintBytes;
        var counts = new ushort[n];
        Tanimoto.PopCounts(fingerprints, counts);
        var neighbours = new List<int>[n];
        var sims = new float[n];
        for (int i = 0; i < n; i++)
        {
            Tanimoto.Bulk(fingerprints.AsSpan(i * Tanimoto.FingerprintBytes, Tanimoto.FingerprintBytes), fingerprints, counts, sims);
            var list = neighbours[i] = new List<int>();
            for (int j = 0; j < n; j++)
                if (j != i && sims[j] >= similarityCutoff) list.Add(j);
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => neighbours[i].Count).ThenBy(i => i).ToArray();
        var cluster = new int[n];
        int next = 0;
        foreach (var c in order)
        {
            if (cluster[c] != 0) continue;
            cluster[c] = ++next;
            foreach (var j in neighbours[c])
                if (cluster[j] == 0) cluster[j] = next;
        }
        return cluster;
    }
}

/// <summary>
/// The diversity pick: walking the list best-first, a compound enters the top list only while its
/// cluster has fewer than maxPerCluster members there; the others keep their relative order right
/// after the top list, so analogues move down, not out.
/// </summary>
public static class DiversityPick
{
    /// <returns>The new order and how many of it form the top list (fewer than topN when clusters run out).</returns>
    public static (int[] Order, int TopCount) Order(IReadOnlyList<int> sorted, IReadOnlyList<int> cluster, int topN, int maxPerCluster)
    {
        var top = new List<int>();
        var rest = new List<int>();
        var inTop = new Dictionary<int, int>();
        foreach (var i in sorted)
        {
            var c = cluster[i];
            if (top.Count < topN && inTop.GetValueOrDefault(c) < maxPerCluster)
            {
                top.Add(i);
                inTop[c] = inTop.GetValueOrDefault(c) + 1;
            }
            else rest.Add(i);
        }
        return ([.. top, .. rest], top.Count);
    }
}
