using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Scoring.Terms;

/// <summary>Hydrophobic contact between two hydrophobic types: 1 for d ≤ good, 0 for d ≥ bad (Vina 0.5/1.5, Vinardo 0/2.5).</summary>
public static class HydrophobicTerm
{
    public static float Eval(int t1, int t2, float d, float good, float bad) =>
        XsType.IsHydrophobic(t1) && XsType.IsHydrophobic(t2) ? SlopeStep.Eval(bad, good, d) : 0f;
}
