using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Descriptors;

/// <summary>Small-ring tests that need no ring enumeration.</summary>
public static class RingSizes
{
    /// <summary>An atom is in a 3-ring when two of its ring neighbours are bonded to each other.</summary>
    public static bool InThreeMemberedRing(MolGraph g, int atom)
    {
        var nbrs = g.Adjacency[atom];
        for (int i = 0; i < nbrs.Length; i++)
            for (int j = i + 1; j < nbrs.Length; j++)
                foreach (var (k, _) in g.Adjacency[nbrs[i].Neighbor])
                    if (k == nbrs[j].Neighbor) return true;
        return false;
    }
}
