namespace MolScreen.Docking.Search;

/// <summary>
/// A reported pose: rank (1 = best), Vina-style score (kcal/mol), weighted inter and intra energies, unweighted
/// intermolecular term sums (gauss1, gauss2, repulsion, hydrophobic, hbond), RMSD lower/upper bound to the best pose,
/// and all atom coordinates in ligand order.
/// </summary>
public sealed record DockedPose(int Rank, float Score, float Inter, float Intra, float[] Terms, float RmsdLb, float RmsdUb,
    float[] X, float[] Y, float[] Z);

/// <summary>Result of docking one ligand.</summary>
public sealed record DockingResult(string LigandName, IReadOnlyList<DockedPose> Poses, int Evaluations, double Seconds)
{
    /// <summary>All clustered candidates the ranking chose from, in Vina order (empty for score-only and local-only).</summary>
    public IReadOnlyList<PoseCandidate> Candidates { get; init; } = [];
}
