namespace MolScreen.Docking.Search;

/// <summary>How the final poses are ordered. Reported scores stay Vina scores whatever the order.</summary>
public enum PoseRanking
{
    /// <summary>Vina's order: inter + intra.</summary>
    Vina,
}

/// <summary>
/// A linear re-ranking key over a candidate's features: inter + (1 + Strain) × intra + Vinardo × Vinardo inter
/// − Population × (fraction of chains that found the pose). All zero is Vina's order.
/// </summary>
public readonly record struct RankingWeights(float Strain, float Vinardo, float Population)
{
    public static RankingWeights For(PoseRanking ranking) => ranking switch
    {
        PoseRanking.Vina => default,
        _ => throw new DockingException($"ranking {ranking} is not known"),
    };

    public override string ToString() => FormattableString.Invariant($"strain {Strain:0.##}, vinardo {Vinardo:0.##}, population {Population:0.##}");
}

/// <summary>Orders clustered candidates for reporting; the one function the engine and the benchmarks share.</summary>
public static class PoseRanker
{
    /// <summary>Radius (Å, in-order heavy-atom RMSD) within which a chain's minimum counts towards a pose's population.</summary>
    public const float PopulationRadius = 2f;

    /// <summary>The option value of a ranking (`vina`, ...), as the CLI and the dock stage spell it.</summary>
    public static string Name(PoseRanking ranking) => ranking.ToString().ToLowerInvariant();

    public static string[] Names => Enum.GetValues<PoseRanking>().Select(Name).ToArray();

    public static PoseRanking Parse(string name)
    {
        foreach (var r in Enum.GetValues<PoseRanking>())
            if (Name(r) == name.ToLowerInvariant()) return r;
        throw new DockingException($"ranking {name}: expected {string.Join(", ", Names)}");
    }

    public static int[] Order(IReadOnlyList<PoseCandidate> candidates, PoseRanking ranking) => Order(candidates, RankingWeights.For(ranking));

    /// <summary>Candidate indices, best first. Ties keep the input order (the engine passes candidates in Vina order).</summary>
    public static int[] Order(IReadOnlyList<PoseCandidate> candidates, RankingWeights w)
    {
        var keys = new double[candidates.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = Key(candidates[i], w);
        return Enumerable.Range(0, candidates.Count).OrderBy(i => keys[i]).ThenBy(i => i).ToArray();
    }

    public static double Key(PoseCandidate c, RankingWeights w) =>
        (double)c.Inter + (1 + w.Strain) * (double)c.Intra + w.Vinardo * (double)c.VinardoInter - w.Population * c.ChainFraction;
}
