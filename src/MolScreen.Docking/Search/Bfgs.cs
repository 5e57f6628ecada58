namespace MolScreen.Docking.Search;

/// <summary>
/// Vina's quasi-Newton local optimiser (bfgs.h): BFGS on the conformation with a backtracking Armijo line search
/// (c = 1e-4, halving, at most 10 trials), Hessian scaled after the first step, and a fall-back to the start if the energy
/// did not improve. Buffers are owned per chain; nothing is allocated per call.
/// </summary>
public sealed class Bfgs
{
    readonly int _n, _c;
    readonly float[] _h, _g, _gNew, _p, _y, _mhy, _x, _xNew, _xOrig, _gOrig;
    public int Evaluations;

    public Bfgs(int confSize, int gradSize)
    {
        _c = confSize; _n = gradSize;
        _h = new float[_n * _n];
        _g = new float[_n]; _gNew = new float[_n]; _p = new float[_n]; _y = new float[_n]; _mhy = new float[_n]; _gOrig = new float[_n];
        _x = new float[_c]; _xNew = new float[_c]; _xOrig = new float[_c];
    }

    /// <summary>Minimises in place; returns the final energy (inter + intra under the given caps).</summary>
    public float Minimize(Span<float> conf, PoseEnergy energy, ChainWork work, int maxSteps, float vIntra, float vInter)
    {
        int n = _n;
        conf.CopyTo(_x);
        Array.Clear(_h);
        for (int i = 0; i < n; i++) _h[i * n + i] = 1f;
        float f0 = energy.Eval(_x, _g, work, vIntra, vInter, out _);
        Evaluations++;
        float fOrig = f0;
        _x.CopyTo(_xOrig, 0);
        _g.CopyTo(_gOrig, 0);
        for (int step = 0; step < maxSteps; step++)
        {
            MinusMatVec(_h, _g, _p, n);
            float alpha = LineSearch(energy, work, f0, vIntra, vInter, out float f1);
            for (int i = 0; i < n; i++) _y[i] = _gNew[i] - _g[i];
            f0 = f1;
            _xNew.CopyTo(_x, 0);
            if (!(MathF.Sqrt(Dot(_g, _g, n)) >= 1e-5f)) break; // also stops on NaN
            _gNew.CopyTo(_g, 0);
            if (step == 0)
            {
                float yy = Dot(_y, _y, n);
                if (MathF.Abs(yy) > 1e-9f)
                {
                    float d = alpha * Dot(_y, _p, n) / yy;
                    for (int i = 0; i < n; i++) _h[i * n + i] = d;
                }
            }
            Update(alpha);
        }
        if (!(f0 <= fOrig)) { f0 = fOrig; _xOrig.CopyTo(_x, 0); }
        _x.AsSpan().CopyTo(conf);
        return f0;
    }

    float LineSearch(PoseEnergy energy, ChainWork work, float f0, float vIntra, float vInter, out float f1)
    {
        float pg = Dot(_p, _g, _n);
        float alpha = 1f;
        f1 = f0;
        for (int trial = 0; trial < 10; trial++)
        {
            _x.CopyTo(_xNew, 0);
            LigandKinematics.Increment(_xNew, _p, alpha);
            f1 = energy.Eval(_xNew, _gNew, work, vIntra, vInter, out _);
            Evaluations++;
            if (f1 - f0 < 1e-4f * alpha * pg) break;
            alpha *= 0.5f;
        }
        return alpha;
    }

    void Update(float alpha)
    {
        int n = _n;
        float yp = Dot(_y, _p, n);
        if (alpha * yp < 1e-9f) return;
        MinusMatVec(_h, _y, _mhy, n);
        float yhy = -Dot(_y, _mhy, n);
        float r = 1f / (alpha * yp);
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                float v = alpha * r * (_mhy[i] * _p[j] + _mhy[j] * _p[i]) + alpha * alpha * (r * r * yhy + r) * _p[i] * _p[j];
                _h[i * n + j] += v;
                if (j != i) _h[j * n + i] += v;
            }
    }

    static void MinusMatVec(float[] h, float[] v, float[] o, int n)
    {
        for (int i = 0; i < n; i++)
        {
            float s = 0;
            for (int j = 0; j < n; j++) s += h[i * n + j] * v[j];
            o[i] = -s;
        }
    }

    static float Dot(float[] a, float[] b, int n)
    {
        float s = 0;
        for (int i = 0; i < n; i++) s += a[i] * b[i];
        return s;
    }
}
