using System.Runtime.CompilerServices;
using MolScreen.Docking.Compute;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Scoring;

/// <summary>
/// Pair energies tabulated on r² the way Vina 1.2 does (precalculate.h): samples at r = √(i/32) Å up to the 8 Å cut-off;
/// <see cref="EvalFast"/> returns the mean of the two samples bracketing r² (what Vina uses for scores and grid maps),
/// <see cref="EvalDeriv"/> interpolates energy and (dE/dr)/r linearly (what Vina uses for intramolecular gradients).
/// Using the same table as Vina is what makes --score_only agree to 1e-3 kcal/mol. Flat arrays indexed by
/// <see cref="XsType.PairIndex"/> × <see cref="Samples"/>.
/// </summary>
public sealed class PairTable
{
    public const float Factor = 32f;
    public const float CutoffSqr = ScoringWeights.Cutoff * ScoringWeights.Cutoff;
    public const int Samples = (int)(Factor * CutoffSqr) + 3;

    public float[] Fast { get; }
    public float[] Energy { get; }
    public float[] Dor { get; }
    /// <summary>
    /// <see cref="Energy"/> and <see cref="Dor"/> interleaved, sample i of a row at 2i (energy) and 2i + 1 (dor): the four
    /// values one <see cref="EvalDeriv{TF}"/> reads lie in 16 consecutive bytes, one cache line instead of two.
    /// </summary>
    public float[] EnergyDor { get; }
    public ScoringWeights Weights { get; }

    public PairTable(in ScoringWeights w)
    {
        Weights = w;
        int n = Samples;
        Fast = new float[XsType.PairCount * n];
        Energy = new float[XsType.PairCount * n];
        Dor = new float[XsType.PairCount * n];
        var rs = new double[n];
        for (int i = 0; i < n; i++) rs[i] = Math.Sqrt(i / (double)Factor);
        for (int t1 = 0; t1 < XsType.Count; t1++)
            for (int t2 = t1; t2 < XsType.Count; t2++)
            {
                int b = XsType.PairIndex(t1, t2) * n;
                for (int i = 0; i < n; i++) Energy[b + i] = PairPotential.Eval(t1, t2, (float)rs[i], w);
                for (int i = 0; i < n; i++)
                {
                    Dor[b + i] = i == 0 || i == n - 1 ? 0f
                        : (float)((Energy[b + i + 1] - Energy[b + i - 1]) / ((rs[i + 1] - rs[i - 1]) * rs[i]));
                    float f2 = i + 1 >= n ? 0f : Energy[b + i + 1];
                    Fast[b + i] = (Energy[b + i] + f2) / 2f;
                }
            }
        EnergyDor = new float[2 * Energy.Length];
        for (int i = 0; i < Energy.Length; i++) { EnergyDor[2 * i] = Energy[i]; EnergyDor[2 * i + 1] = Dor[i]; }
    }

    /// <summary>Energy of a type pair at squared distance r2 (&lt; 64 Å²), piecewise constant like Vina's eval_fast.</summary>
    public static float EvalFast(ReadOnlySpan<float> fast, int pairIndex, float r2) => fast[pairIndex * Samples + (int)(Factor * r2)];

    /// <summary>Energy and (dE/dr)/r at r2, linearly interpolated; the force on the second atom is dor × (r_b − r_a).</summary>
    public static float EvalDeriv(ReadOnlySpan<float> energyDor, int pairIndex, float r2, out float dorOut) =>
        EvalDeriv(new SpanTable(energyDor), pairIndex, r2, out dorOut);

    /// <summary>The same over any table accessor on <see cref="EnergyDor"/> (what GPU kernels call).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float EvalDeriv<TF>(TF energyDor, int pairIndex, float r2, out float dorOut) where TF : struct, IFloatTable, allows ref struct
    {
        float rf = Factor * r2;
        int i1 = (int)rf;
        float rem = rf - i1;
        int b = 2 * (pairIndex * Samples + i1);
        float e0 = energyDor[b], d0 = energyDor[b + 1], e1 = energyDor[b + 2], d1 = energyDor[b + 3];
        dorOut = d0 + rem * (d1 - d0);
        return e0 + rem * (e1 - e0);
    }
}
