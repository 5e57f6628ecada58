using MolScreen.Docking.Structure;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Scoring;

/// <summary>
/// Scores a ligand pose against the receptor atom by atom, without grids (Vina's --score_only path): intermolecular energy
/// with the piecewise-constant table, intramolecular energy over the ligand's pair list, the conformation-independent
/// division, and an unweighted per-term breakdown of the intermolecular part.
/// </summary>
public sealed class DirectScorer
{
    readonly Receptor _receptor;
    readonly CellList _cells;
    readonly int[] _heavy;
    readonly float[] _hx, _hy, _hz;
    readonly int[] _ht;

    public DirectScorer(Receptor receptor)
    {
        _receptor = receptor;
        _heavy = Enumerable.Range(0, receptor.Count).Where(i => receptor.Xs[i] >= 0).ToArray();
        _hx = _heavy.Select(i => receptor.X[i]).ToArray();
        _hy = _heavy.Select(i => receptor.Y[i]).ToArray();
        _hz = _heavy.Select(i => receptor.Z[i]).ToArray();
        _ht = _heavy.Select(i => receptor.Xs[i]).ToArray();
        _cells = new CellList(_hx, _hy, _hz, ScoringWeights.Cutoff);
    }

    /// <summary>Intermolecular energy of ligand atoms at the given coordinates with one table.</summary>
    public float Inter(LigandModel lig, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, PairTable table)
    {
        var near = new List<int>(512);
        float total = 0;
        for (int i = 0; i < lig.AtomCount; i++)
        {
            int t = lig.Xs[i];
            if (t < 0) continue;
            near.Clear();
            _cells.Within(x[i], y[i], z[i], ScoringWeights.Cutoff, near);
            float e = 0;
            foreach (int k in near)
            {
                float dx = x[i] - _hx[k], dy = y[i] - _hy[k], dz = z[i] - _hz[k];
                float r2 = dx * dx + dy * dy + dz * dz;
                if (r2 < PairTable.CutoffSqr) e += PairTable.EvalFast(table.Fast, XsType.PairIndex(t, _ht[k]), r2);
            }
            total += PairPotential.Curl(e, 1000f);
        }
        return total;
    }

    /// <summary>Intramolecular energy over the ligand's pair list (Vina caps each positive pair with v = 1000).</summary>
    public static float Intra(LigandModel lig, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, PairTable table)
    {
        float e = 0;
        var w = table.Weights;
        for (int p = 0; p < lig.PairA.Length; p++)
        {
            int a = lig.PairA[p], b = lig.PairB[p];
            float dx = x[a] - x[b], dy = y[a] - y[b], dz = z[a] - z[b];
            float r2 = dx * dx + dy * dy + dz * dz;
            float pe = r2 < PairTable.CutoffSqr ? PairTable.EvalFast(table.Fast, lig.PairType[p], r2) : 0f;
            if (lig.PairGlued[p] && r2 < PairPotential.GlueCutoff * PairPotential.GlueCutoff) pe += PairPotential.GlueFast(r2, w);
            e += PairPotential.Curl(pe, 1000f);
        }
        return e;
    }

    /// <summary>Full score of a pose as Vina reports it for --score_only (intra of this pose as the reference).</summary>
    public PoseScore Score(LigandModel lig, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, ScoringTables tables,
        float? intraReference = null)
    {
        float inter = Inter(lig, x, y, z, tables.Weighted);
        float intra = Intra(lig, x, y, z, tables.Weighted);
        var terms = new float[5];
        for (int k = 0; k < 5; k++) terms[k] = Inter(lig, x, y, z, tables.Term(k));
        float total = PairPotential.TorsionDivide(inter + intra - (intraReference ?? intra), lig.NumTors, tables.Weights);
        return new PoseScore(total, inter, intra, terms);
    }
}

/// <summary>A scored pose: total (kcal/mol), weighted inter and intra energies, unweighted intermolecular term sums.</summary>
public sealed record PoseScore(float Total, float Inter, float Intra, float[] Terms);
