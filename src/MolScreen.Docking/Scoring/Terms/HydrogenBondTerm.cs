using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Scoring.Terms;

/// <summary>Non-directional H-bond between a donor and an acceptor: 1 for d ≤ good, 0 for d ≥ 0 (Vina good −0.7, Vinardo −0.6).</summary>
public static class HydrogenBondTerm
{
    public static float Eval(int t1, int t2, float d, float good, float bad) =>
        XsType.HBondPossible(t1, t2) ? SlopeStep.Eval(bad, good, d) : 0f;
}
