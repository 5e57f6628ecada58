namespace MolScreen.Docking.Search;

/// <summary>How the final poses are ordered. Reported scores stay Vina scores whatever the order.</summary>
public enum PoseRanking
{
    /// <summary>Vina's order: inter + intra.</summary>
    Vina,
}

/// <summary>
/// A linear re-ranking key over a candidate's features, in kcal/mol-like units (lower is better):
/// inter + (1 + Strain) × intra + Vinardo × (Vinardo inter) − Population × (fraction of chains that found the pose)
/// − HBond × hbond − Contact × gauss1 − Hydrophobic × hydrophobic, where hbond, gauss1 and hydrophobic are Vina's
/// unweighted intermolecular term sums (≥ 0; larger = more hydrogen bonds, more close contacts, more apolar contact).
/// All zero is Vina's order.
/// </summary>
public readonly record struct RankingWeights(float Strain, float Vinardo, float Population, float HBond = 0, float Contact = 0, float Hydrophobic = 0)
{
    public static RankingWeights For(PoseRanking ranking) => ranking switch
    {
        PoseRanking.Vina => default,
        _ => throw new DockingException($"ranking {ranking} is not known"),
    };

    public float[] AsArray() => [Strain, Vinardo, Population, HBond, Contact, Hydrophobic];

    public static readonly string[] Names = ["strain", "vinardo", "population", "hbond", "contact", "hydrophobic"];

    public static RankingWeights FromArray(float[] w) => new(w[0], w[1], w[2], w[3], w[4], w[5]);

    public override string ToString()
    {
        var w = AsArray();
        var parts = Enumerable.Range(0, w.Length).Where(i => w[i] != 0).Select(i => FormattableString.Invariant($"{Names[i]} {w[i]:0.###}")).ToList();
        return parts.Count == 0 ? "Vina order" : string.Join(", ", parts);
    }
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
        (double)c.Inter + (1 + w.Strain) * (double)c.Intra + w.Vinardo * (double)c.VinardoInter - w.Population * c.ChainFraction
        - w.HBond * (double)c.Terms[4] - w.Contact * (double)c.Terms[0] - w.Hydrophobic * (double)c.Terms[3];
}
