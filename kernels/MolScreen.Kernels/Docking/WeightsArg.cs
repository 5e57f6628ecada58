using MolScreen.Docking.Scoring;

namespace MolScreen.Kernels.Docking;

/// <summary>
/// <see cref="ScoringWeights"/> as a blittable kernel argument (its bool field is not blittable); kernels rebuild the
/// weights with <see cref="ToWeights"/> and pass them to the shared code.
/// </summary>
public readonly struct WeightsArg(ScoringWeights w)
{
    public readonly float Gauss1 = w.Gauss1, Gauss2 = w.Gauss2, Repulsion = w.Repulsion, Hydrophobic = w.Hydrophobic, HBond = w.HBond,
        Rot = w.Rot, Glue = w.Glue;
    public readonly int Vinardo = w.Vinardo ? 1 : 0;

    public ScoringWeights ToWeights() => new(Gauss1, Gauss2, Repulsion, Hydrophobic, HBond, Rot, Vinardo != 0, Glue);
}
