namespace MolScreen.Docking.Search;

/// <summary>How the final poses are ordered. Reported scores stay Vina scores whatever the order.</summary>
public enum PoseRanking
{
    /// <summary>Vina's order: inter + intra.</summary>
    Vina,
}

/// <summary>Orders clustered candidates for reporting; one function shared by the engine and the benchmarks.</summary>
public static class PoseRanker
{
    /// <summary>Radius (Å, in-order heavy-atom RMSD) within which a chain's minimum counts towards a pose's population.</summary>
    public const float PopulationRadius = 2f;

    /// <summary>Candidate indices, best first. Ties keep Vina's order (the candidates arrive sorted by Vina energy).</summary>
    public static int[] Order(IReadOnlyList<PoseCandidate> candidates, PoseRanking ranking)
    {
        var keys = new double[candidates.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = Key(candidates, i, ranking);
        var order = Enumerable.Range(0, candidates.Count).ToArray();
        // a stable sort so equal keys keep Vina's order
        return order.OrderBy(i => keys[i]).ThenBy(i => i).ToArray();
    }

    static double Key(IReadOnlyList<PoseCandidate> c, int i, PoseRanking ranking) => ranking switch
    {
        PoseRanking.Vina => c[i].Energy,
        _ => throw new DockingException($"ranking {ranking} is not known"),
    };
}
