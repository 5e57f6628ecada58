using System.Numerics;
using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Descriptors;

/// <summary>
/// Smallest set of smallest rings, symmetrized as RDKit reports it: the SSSR plus any other smallest
/// cycle that is a combination of SSSR rings no larger than itself (bicyclo[2.2.2]octane has three
/// six-rings, cubane six four-rings). Rings are returned as bond-index arrays.
/// </summary>
public static class RingPerception
{
    private const int MaxPathsPerBond = 64;

    public static List<int[]> SymmetrizedSssr(MolGraph g)
    {
        int words = (g.BondCount + 63) / 64;
        var candidates = new Dictionary<string, ulong[]>();
        for (int b = 0; b < g.BondCount; b++)
            if (g.BondInRing[b])
                foreach (var ring in SmallestCyclesThrough(g, b, words))
                    candidates.TryAdd(Key(ring), ring);
        var ordered = candidates.Values.OrderBy(Size).ThenBy(Key, StringComparer.Ordinal).ToList();

        int target = g.BondCount - g.AtomCount + Components(g);
        var basis = new List<(ulong[] Reduced, int Pivot)>();
        var sssr = new List<ulong[]>();
        var rest = new List<ulong[]>();
        foreach (var c in ordered)
        {
            if (sssr.Count < target && TryAddIndependent(basis, c)) sssr.Add(c);
            else rest.Add(c);
        }
        var result = new List<ulong[]>(sssr);
        int maxSize = sssr.Count == 0 ? 0 : sssr.Max(Size);
        foreach (var c in rest)
        {
            if (Size(c) > maxSize) continue;
            var smaller = new List<(ulong[], int)>();
            foreach (var r in sssr.Where(r => Size(r) <= Size(c))) TryAddIndependent(smaller, r);
            if (!TryAddIndependent(smaller, c)) result.Add(c);
        }
        return result.Select(r => Bonds(r)).ToList();
    }

    public static int RingCount(MolGraph g) => SymmetrizedSssr(g).Count;

    public static int AromaticRingCount(MolGraph g) =>
        SymmetrizedSssr(g).Count(r => r.All(b => g.BondKinds[b] == BondKind.Aromatic));

    /// <summary>Every shortest cycle through bond b: b plus each shortest path between its ends that avoids b.</summary>
    private static IEnumerable<ulong[]> SmallestCyclesThrough(MolGraph g, int bond, int words)
    {
        int from = g.BondBegin[bond], to = g.BondEnd[bond];
        var dist = Enumerable.Repeat(-1, g.AtomCount).ToArray();
        var queue = new Queue<int>();
        dist[from] = 0; queue.Enqueue(from);
        while (queue.Count > 0)
        {
            int a = queue.Dequeue();
            foreach (var (n, b) in g.Adjacency[a])
                if (b != bond && dist[n] < 0) { dist[n] = dist[a] + 1; queue.Enqueue(n); }
        }
        if (dist[to] < 0) yield break;
        // Walk back from `to` along strictly decreasing distances: each walk is one shortest path.
        var paths = new List<ulong[]>();
        void Walk(int a, ulong[] bits)
        {
            if (paths.Count >= MaxPathsPerBond) return;
            if (a == from) { paths.Add(bits); return; }
            foreach (var (n, b) in g.Adjacency[a])
            {
                if (b == bond || dist[n] != dist[a] - 1) continue;
                var next = (ulong[])bits.Clone();
                next[b >> 6] |= 1UL << (b & 63);
                Walk(n, next);
            }
        }
        var start = new ulong[words];
        start[bond >> 6] |= 1UL << (bond & 63);
        Walk(to, start);
        foreach (var p in paths) yield return p;
    }

    /// <summary>Gaussian elimination over GF(2): adds the ring to the basis if it is independent of it.</summary>
    private static bool TryAddIndependent(List<(ulong[] Reduced, int Pivot)> basis, ulong[] ring)
    {
        var v = (ulong[])ring.Clone();
        foreach (var (reduced, pivot) in basis)
            if ((v[pivot >> 6] & (1UL << (pivot & 63))) != 0)
                for (int w = 0; w < v.Length; w++) v[w] ^= reduced[w];
        int lead = -1;
        for (int w = 0; w < v.Length && lead < 0; w++)
            if (v[w] != 0) lead = w * 64 + BitOperations.TrailingZeroCount(v[w]);
        if (lead < 0) return false;
        // Keep the basis reduced at the new pivot so later eliminations stay single-pass.
        for (int i = 0; i < basis.Count; i++)
            if ((basis[i].Reduced[lead >> 6] & (1UL << (lead & 63))) != 0)
                for (int w = 0; w < v.Length; w++) basis[i].Reduced[w] ^= v[w];
        basis.Add((v, lead));
        return true;
    }

    private static int Size(ulong[] r) => r.Sum(w => BitOperations.PopCount(w));
    private static string Key(ulong[] r) => string.Join(',', r.Select(w => w.ToString("x16")));

    private static int[] Bonds(ulong[] r)
    {
        var list = new List<int>();
        for (int w = 0; w < r.Length; w++)
            for (ulong x = r[w]; x != 0; x &= x - 1) list.Add(w * 64 + BitOperations.TrailingZeroCount(x));
        return list.ToArray();
    }

    private static int Components(MolGraph g)
    {
        var parent = Enumerable.Range(0, g.AtomCount).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        for (int b = 0; b < g.BondCount; b++) parent[Find(g.BondBegin[b])] = Find(g.BondEnd[b]);
        return Enumerable.Range(0, g.AtomCount).Count(i => Find(i) == i);
    }
}
