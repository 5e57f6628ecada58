using MolScreen.Docking.Compute;

namespace MolScreen.Docking.Search;

/// <summary>The energy a local optimisation minimises, evaluated on conformations held in the optimiser's own state buffer.</summary>
public interface IConformationObjective
{
    /// <summary>Energy of the conformation at state[confOffset…]; its gradient to state[gradOffset…] unless gradOffset &lt; 0.</summary>
    float Eval(int confOffset, int gradOffset, float vIntra, float vInter);

    /// <summary>Heavy-atom coordinate k (x, y, z interleaved) of the last evaluated conformation.</summary>
    float Heavy(int k);
}

/// <summary>Where each BFGS vector lives in one flat state buffer: H (n×n), then g, g', p, y, −Hy, g₀ (n each), x, x', x₀ (c each).</summary>
public readonly struct BfgsLayout
{
    public readonly int C, N, H, G, GNew, P, Y, Mhy, GOrig, X, XNew, XOrig, Size;

    public BfgsLayout(int confSize, int gradSize, int offset)
    {
        C = confSize; N = gradSize;
        H = offset; G = H + N * N; GNew = G + N; P = GNew + N; Y = P + N; Mhy = Y + N; GOrig = Mhy + N;
        X = GOrig + N; XNew = X + C; XOrig = XNew + C; Size = XOrig + C - offset;
    }
}

/// <summary>
/// Vina's quasi-Newton local optimiser (bfgs.h) over one flat state buffer, generic so the CPU (<see cref="Bfgs"/>) and the
/// GPU docking kernel run this code: BFGS with a backtracking Armijo line search (c = 1e-4, halving, at most 10 trials),
/// Hessian scaled after the first step, and a fall-back to the start if the energy did not improve. With a history
/// (<see cref="VisitedHistory"/>) a start point in an already descended basin is not minimised, and the points passed
/// through are remembered.
/// </summary>
public static class BfgsCore
{
    /// <summary>Minimises the conformation at state[L.X…] in place; returns its energy under the given caps.</summary>
    public static float Minimize<TS, TE>(TS s, BfgsLayout L, TE objective, int maxSteps, float vIntra, float vInter, ref int evaluations)
        where TS : struct, IFloatBuffer where TE : struct, IConformationObjective =>
        Minimize(s, L, default, objective, maxSteps, vIntra, vInter, ref evaluations);

    /// <summary>The same, consulting and feeding the history H (Capacity 0 = none): a start point found uninteresting is
    /// returned as is, with its energy.</summary>
    public static float Minimize<TS, TE>(TS s, BfgsLayout L, HistoryLayout H, TE objective, int maxSteps, float vIntra, float vInter,
        ref int evaluations)
        where TS : struct, IFloatBuffer where TE : struct, IConformationObjective
    {
        int n = L.N;
        for (int i = 0; i < n * n; i++) s[L.H + i] = 0f;
        for (int i = 0; i < n; i++) s[L.H + i * n + i] = 1f;
        float f0 = objective.Eval(L.X, L.G, vIntra, vInter);
        evaluations++;
        if (H.Capacity > 0)
        {
            VisitedHistory.SetProbe(s, H, L.X);
            if (!VisitedHistory.Interesting(s, H, f0, L.G)) return f0;
            VisitedHistory.Add(s, H, f0, L.G);
        }
        float fOrig = f0;
        Copy(s, L.X, L.XOrig, L.C);
        Copy(s, L.G, L.GOrig, n);
        for (int step = 0; step < maxSteps; step++)
        {
            MinusMatVec(s, L.H, L.G, L.P, n);
            float alpha = LineSearch(s, L, objective, f0, vIntra, vInter, ref evaluations, out float f1);
            for (int i = 0; i < n; i++) s[L.Y + i] = s[L.GNew + i] - s[L.G + i];
            f0 = f1;
            Copy(s, L.XNew, L.X, L.C);
            if (!(MathF.Sqrt(Dot(s, L.G, L.G, n)) >= 1e-5f)) break; // also stops on NaN
            Copy(s, L.GNew, L.G, n);
            if (H.Capacity > 0)
            {
                VisitedHistory.SetProbe(s, H, L.X);
                VisitedHistory.Add(s, H, f0, L.G);
            }
            if (step == 0)
            {
                float yy = Dot(s, L.Y, L.Y, n);
                if (MathF.Abs(yy) > 1e-9f)
                {
                    float d = alpha * Dot(s, L.Y, L.P, n) / yy;
                    for (int i = 0; i < n; i++) s[L.H + i * n + i] = d;
                }
            }
            Update(s, L, alpha);
        }
        if (!(f0 <= fOrig)) { f0 = fOrig; Copy(s, L.XOrig, L.X, L.C); }
        return f0;
    }

    static float LineSearch<TS, TE>(TS s, BfgsLayout L, TE objective, float f0, float vIntra, float vInter, ref int evaluations, out float f1)
        where TS : struct, IFloatBuffer where TE : struct, IConformationObjective
    {
        float pg = Dot(s, L.P, L.G, L.N);
        float alpha = 1f;
        f1 = f0;
        for (int trial = 0; trial < 10; trial++)
        {
            Copy(s, L.X, L.XNew, L.C);
            KinematicsCore.Increment(new Window<TS>(s, L.XNew), L.C, new Window<TS>(s, L.P), alpha);
            f1 = objective.Eval(L.XNew, L.GNew, vIntra, vInter);
            evaluations++;
            if (f1 - f0 < 1e-4f * alpha * pg) break;
            alpha *= 0.5f;
        }
        return alpha;
    }

    static void Update<TS>(TS s, BfgsLayout L, float alpha) where TS : struct, IFloatBuffer
    {
        int n = L.N;
        float yp = Dot(s, L.Y, L.P, n);
        if (alpha * yp < 1e-9f) return;
        MinusMatVec(s, L.H, L.Y, L.Mhy, n);
        float yhy = -Dot(s, L.Y, L.Mhy, n);
        float r = 1f / (alpha * yp);
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                float v = alpha * r * (s[L.Mhy + i] * s[L.P + j] + s[L.Mhy + j] * s[L.P + i])
                    + alpha * alpha * (r * r * yhy + r) * s[L.P + i] * s[L.P + j];
                s[L.H + i * n + j] += v;
                if (j != i) s[L.H + j * n + i] += v;
            }
    }

    static void MinusMatVec<TS>(TS s, int h, int v, int o, int n) where TS : struct, IFloatBuffer
    {
        for (int i = 0; i < n; i++)
        {
            float sum = 0;
            for (int j = 0; j < n; j++) sum += s[h + i * n + j] * s[v + j];
            s[o + i] = -sum;
        }
    }

    static float Dot<TS>(TS s, int a, int b, int n) where TS : struct, IFloatBuffer
    {
        float sum = 0;
        for (int i = 0; i < n; i++) sum += s[a + i] * s[b + i];
        return sum;
    }

    public static void Copy<TS>(TS s, int from, int to, int n) where TS : struct, IFloatBuffer
    {
        for (int i = 0; i < n; i++) s[to + i] = s[from + i];
    }
}
