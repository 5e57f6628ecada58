using MolScreen.Docking.Scoring.Terms;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Scoring;

/// <summary>
/// The weighted pair energy of two X-Score typed atoms at centre distance r: the one formula behind the tables, the grid maps
/// and the per-term breakdown. Surface distance d = r − R1 − R2.
/// </summary>
public static class PairPotential
{
    public static float Eval(int t1, int t2, float r, in ScoringWeights w)
    {
        if (r >= ScoringWeights.Cutoff) return 0f;
        if (w.Vinardo)
        {
            float d = r - XsType.OptimalDistance(t1, t2, true);
            return w.Gauss1 * GaussTerm.Eval(d, 0f, 0.8f)
                + w.Repulsion * RepulsionTerm.Eval(d)
                + w.Hydrophobic * HydrophobicTerm.Eval(t1, t2, d, 0f, 2.5f)
                + w.HBond * HydrogenBondTerm.Eval(t1, t2, d, -0.6f, 0f);
        }
        float s = r - XsType.OptimalDistance(t1, t2, false);
        return w.Gauss1 * GaussTerm.Eval(s, 0f, 0.5f)
            + w.Gauss2 * GaussTerm.Eval(s, 3f, 2f)
            + w.Repulsion * RepulsionTerm.Eval(s)
            + w.Hydrophobic * HydrophobicTerm.Eval(t1, t2, s, 0.5f, 1.5f)
            + w.HBond * HydrogenBondTerm.Eval(t1, t2, s, -0.7f, 0f);
    }

    /// <summary>Glue cut-off (Å): the macrocycle closure term acts up to 20 Å, all others stop at 8 Å.</summary>
    public const float GlueCutoff = 20f;

    /// <summary>
    /// Macrocycle glue energy of a glued pair at r2 exactly as Vina's r²-table returns it (mean of the samples at
    /// √(i/32) and √((i+1)/32)), computed in closed form because the term is linear in r.
    /// </summary>
    public static float GlueFast(float r2, in ScoringWeights w)
    {
        int i = (int)(32f * r2);
        return w.Glue * 0.5f * (MathF.Sqrt(i / 32f) + MathF.Sqrt((i + 1) / 32f));
    }

    /// <summary>Glue energy linearly interpolated on r² like Vina's eval_deriv, and its (dE/dr)/r.</summary>
    public static float GlueDeriv(float r2, in ScoringWeights w, out float dor) => GlueDeriv(r2, w.Glue, out dor);

    /// <summary>The same given only the glue weight (what the energy core passes).</summary>
    public static float GlueDeriv(float r2, float glueWeight, out float dor)
    {
        float r = MathF.Sqrt(r2);
        dor = r > 1e-6f ? glueWeight / r : 0f;
        float rf = 32f * r2;
        int i = (int)rf;
        float r1 = MathF.Sqrt(i / 32f), rr2 = MathF.Sqrt((i + 1) / 32f);
        return glueWeight * (r1 + (rf - i) * (rr2 - r1));
    }

    /// <summary>
    /// Vina's cap on positive energies during search ("curl"): e·v/(v+e) for e &gt; 0, so a clash cannot dominate the
    /// gradient. v = 1000 when scoring, smaller caps in the first local optimisation of a Monte Carlo step.
    /// </summary>
    public static float Curl(float e, float v) => e > 0f ? e * (v / (v + e)) : e;

    /// <summary>
    /// <see cref="Curl(float, float)"/> and <see cref="CurlGradientFactor"/> together, sharing their one division (same values as
    /// calling both).
    /// </summary>
    public static float Curl(float e, float v, out float gradientFactor)
    {
        if (e <= 0f) { gradientFactor = 1f; return e; }
        float t = v / (v + e);
        gradientFactor = t * t;
        return e * t;
    }

    /// <summary>Curl factor applied to a gradient together with <see cref="Curl"/> (derivative of e·v/(v+e)).</summary>
    public static float CurlGradientFactor(float e, float v)
    {
        if (e <= 0f) return 1f;
        float t = v / (v + e);
        return t * t;
    }

    /// <summary>Conformation-independent division: (inter + intra − intra_ref) / (1 + w_rot·N_rot).</summary>
    public static float TorsionDivide(float e, float numTors, in ScoringWeights w) => e / (1f + w.Rot * numTors);
}
