using System.Security.Cryptography;
using System.Text;
using MolScreen.Chemistry.Molecules;

namespace MolScreen.Prediction.Data;

/// <summary>
/// Bemis–Murcko scaffold: ring systems plus the chains that link them, with side chains pruned; atoms
/// double-bonded to the scaffold (ring C=O) are kept, as RDKit's MurckoScaffold keeps them. The key is a
/// canonical hash of the scaffold graph (iterated neighbour refinement over element, aromaticity and bond
/// order), so equal scaffolds get equal keys whatever the atom order; acyclic compounds share the key "".
/// </summary>
public static class MurckoScaffold
{
    public static bool[] Atoms(MolGraph g)
    {
        int n = g.AtomCount;
        var keep = new bool[n];
        var degree = new int[n];
        for (int a = 0; a < n; a++) { keep[a] = true; degree[a] = g.Adjacency[a].Length; }
        var queue = new Queue<int>();
        for (int a = 0; a < n; a++) if (!g.InRing[a] && degree[a] <= 1) queue.Enqueue(a);
        while (queue.Count > 0)
        {
            int a = queue.Dequeue();
            if (!keep[a]) continue;
            keep[a] = false;
            foreach (var (nb, _) in g.Adjacency[a])
                if (keep[nb] && --degree[nb] <= 1 && !g.InRing[nb]) queue.Enqueue(nb);
        }
        if (!keep.Any(k => k)) return keep;
        var result = (bool[])keep.Clone();
        for (int a = 0; a < n; a++)
            if (!keep[a] && g.Adjacency[a].Length == 1)
            {
                var (nb, bond) = g.Adjacency[a][0];
                if (keep[nb] && g.BondKinds[bond] == BondKind.Double) result[a] = true;
            }
        return result;
    }

    public static string Key(MolGraph g)
    {
        var keep = Atoms(g);
        var atoms = Enumerable.Range(0, g.AtomCount).Where(a => keep[a]).ToArray();
        if (atoms.Length == 0) return "";
        var label = new ulong[g.AtomCount];
        foreach (int a in atoms) label[a] = (ulong)(g.AtomicNumber[a] * 2 + (g.Aromatic[a] ? 1 : 0));
        // Refinement converges within the graph diameter; the atom count bounds it.
        var next = new ulong[g.AtomCount];
        for (int round = 0; round < Math.Min(atoms.Length, 12); round++)
        {
            foreach (int a in atoms)
            {
                var around = g.Adjacency[a].Where(x => keep[x.Neighbor])
                    .Select(x => Mix((ulong)g.BondKinds[x.Bond], label[x.Neighbor])).Order().ToArray();
                ulong h = Mix(label[a], (ulong)around.Length);
                foreach (var v in around) h = Mix(h, v);
                next[a] = h;
            }
            foreach (int a in atoms) label[a] = next[a];
        }
        var text = new StringBuilder();
        foreach (var v in atoms.Select(a => label[a]).Order()) text.Append(v.ToString("x16"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text.ToString())))[..16];
    }

    private static ulong Mix(ulong h, ulong v)
    {
        // splitmix64 finalizer over the combined value: cheap and well spread.
        ulong z = h * 0x9E3779B97F4A7C15UL ^ (v + 0x632BE59BD9B4E5CCUL + (h << 6) + (h >> 2));
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
