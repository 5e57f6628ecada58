using MolScreen.Docking.Structure;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Search;

/// <summary>
/// Heavy-atom RMSD between two poses of the same ligand, minimised over the graph automorphisms of its heavy-atom bond
/// graph (so flipped phenyls or carboxylates are not counted as errors), without superposition.
/// </summary>
public static class SymmetricRmsd
{
    const int MaxMappings = 20000;

    public static float Compute(LigandModel lig, ReadOnlySpan<float> ax, ReadOnlySpan<float> ay, ReadOnlySpan<float> az,
        ReadOnlySpan<float> bx, ReadOnlySpan<float> by, ReadOnlySpan<float> bz)
    {
        var heavy = Enumerable.Range(0, lig.AtomCount).Where(i => !AdType.IsHydrogen(lig.Ad[i])).ToArray();
        int n = heavy.Length;
        if (n == 0) return 0;
        var local = new Dictionary<int, int>();
        for (int k = 0; k < n; k++) local[heavy[k]] = k;
        var adj = new List<int>[n];
        var label = new int[n];
        for (int k = 0; k < n; k++)
        {
            adj[k] = lig.Bonds[heavy[k]].Where(local.ContainsKey).Select(j => local[j]).ToList();
            int el = AdType.IsCarbon(lig.Ad[heavy[k]]) ? 0 : lig.Ad[heavy[k]] is AdType.NA ? AdType.N : lig.Ad[heavy[k]] is AdType.OA ? AdType.O : lig.Ad[heavy[k]];
            label[k] = el * 16 + adj[k].Count;
        }
        var d2 = new float[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                int a = heavy[i], b = heavy[j];
                float dx = ax[a] - bx[b], dy = ay[a] - by[b], dz = az[a] - bz[b];
                d2[i * n + j] = dx * dx + dy * dy + dz * dz;
            }
        float identity = 0;
        for (int i = 0; i < n; i++) identity += d2[i * n + i];
        float best = identity;
        var map = new int[n];
        Array.Fill(map, -1);
        var used = new bool[n];
        int count = 0;
        // atoms in BFS order so each new atom has an already mapped neighbour (keeps the search tight)
        var order = BfsOrder(adj, n);
        Search(0, 0f);
        return MathF.Sqrt(best / n);

        void Search(int depth, float acc)
        {
            if (acc >= best || count > MaxMappings) return;
            if (depth == n) { best = acc; count++; return; }
            int i = order[depth];
            for (int j = 0; j < n; j++)
            {
                if (used[j] || label[j] != label[i]) continue;
                bool ok = true;
                foreach (int nb in adj[i])
                    if (map[nb] >= 0 && !adj[j].Contains(map[nb])) { ok = false; break; }
                if (!ok) continue;
                map[i] = j; used[j] = true;
                Search(depth + 1, acc + d2[i * n + j]);
                map[i] = -1; used[j] = false;
            }
        }
    }

    static int[] BfsOrder(List<int>[] adj, int n)
    {
        var seen = new bool[n];
        var order = new List<int>(n);
        for (int s = 0; s < n; s++)
        {
            if (seen[s]) continue;
            var q = new Queue<int>();
            q.Enqueue(s); seen[s] = true;
            while (q.Count > 0)
            {
                int u = q.Dequeue();
                order.Add(u);
                foreach (int v in adj[u]) if (!seen[v]) { seen[v] = true; q.Enqueue(v); }
            }
        }
        return order.ToArray();
    }
}
