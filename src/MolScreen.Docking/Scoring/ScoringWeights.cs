namespace MolScreen.Docking.Scoring;

/// <summary>
/// Weights of a Vina-family scoring function. A plain struct of floats so CPU and GPU code take it by value.
/// For Vinardo, Gauss2 is unused and Gauss1 is its single gaussian.
/// Glue (50 in Vina 1.2) pulls macrocycle closure atoms G0-G3 onto their CG partner (intramolecular only).
/// </summary>
public readonly record struct ScoringWeights(float Gauss1, float Gauss2, float Repulsion, float Hydrophobic, float HBond, float Rot, bool Vinardo, float Glue = 50f)
{
    /// <summary>AutoDock Vina 1.2 defaults.</summary>
    public static ScoringWeights Vina => new(-0.035579f, -0.005156f, 0.840245f, -0.035069f, -0.587439f, 0.05846f, false);

    /// <summary>Vinardo defaults (Quiroga and Villarreal 2016, as in Vina 1.2).</summary>
    public static ScoringWeights VinardoDefault => new(-0.045f, 0f, 0.8f, -0.035f, -0.6f, 0.05846f, true);

    /// <summary>Unit weight on one term (0 gauss1, 1 gauss2, 2 repulsion, 3 hydrophobic, 4 hbond), for per-term breakdowns.</summary>
    public ScoringWeights Only(int term) => new(term == 0 ? 1 : 0, term == 1 ? 1 : 0, term == 2 ? 1 : 0, term == 3 ? 1 : 0, term == 4 ? 1 : 0, Rot, Vinardo, 0f);

    public static readonly string[] TermNames = ["gauss1", "gauss2", "repulsion", "hydrophobic", "hbond"];

    /// <summary>Interaction cut-off on the centre-centre distance (Å), shared by every term.</summary>
    public const float Cutoff = 8f;
}
