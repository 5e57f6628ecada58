namespace MolScreen.Docking.Search;

/// <summary>
/// A clustered pose before the final ordering: weighted Vina inter and intra energies, the Vinardo intermolecular energy
/// of the same coordinates (a second opinion from a differently fitted function), unweighted Vina inter terms, and the
/// cluster population: how many chains, and how many of their minima, fell within the population radius of this pose
/// (independent searches converging on a pose is evidence the funnel is broad, not a single lucky well).
/// </summary>
public sealed record PoseCandidate(float Inter, float Intra, float VinardoInter, float[] Terms, int Chains, int ChainTotal, int Minima,
    float[] Heavy, float[] X, float[] Y, float[] Z)
{
    /// <summary>Fraction of the search's chains that found this pose (0..1), so weights do not depend on exhaustiveness.</summary>
    public float ChainFraction => ChainTotal > 0 ? (float)Chains / ChainTotal : 0f;

    /// <summary>Vina's ordering energy (inter + intra).</summary>
    public float Energy => Inter + Intra;

    /// <summary>
    /// Chains (and their minima) whose saved minima lie within <paramref name="radius"/> Å (in-order heavy-atom RMSD) of
    /// <paramref name="heavy"/>.
    /// </summary>
    public static (int Chains, int Minima) Population(float[] heavy, IReadOnlyList<List<Minimum>> perChain, float radius)
    {
        int chains = 0, minima = 0;
        foreach (var list in perChain)
        {
            int hits = 0;
            foreach (var m in list)
                if (PoseRmsd.InOrder(heavy, m.Heavy) < radius) hits++;
            if (hits > 0) chains++;
            minima += hits;
        }
        return (chains, minima);
    }
}
