using MolScreen.Core.Structures;
using MolScreen.Interactions.Features;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Interface;

/// <summary>
/// Per-residue structure features of a protein, for predicting which residues bind RNA when only the protein is known:
/// residue type (20), amino-acid composition within 8 and 12 Å (2 × 20, by residue centre) with contact numbers,
/// half-sphere exposure (13 Å, up/down along Cα→Cβ), Arg/Lys, Asp/Glu and net-charge counts within 8 and 12 Å, and
/// the conjoint-triad classes of the ±3 sequence window (6 × 7), and four whole-protein terms: heavy atoms within
/// 10 Å of the residue centre (burial), distance from the protein centroid over the radius of gyration (protrusion),
/// a Coulomb-like sum of +1 (Arg, Lys) and −1 (Asp, Glu) charges over distance within 15 Å, and the chain length
/// (log10). RNA binding favours exposed, positively charged patches, which these features see without the RNA.
/// </summary>
public static class ResidueEnvironment
{
    private const double Near = 8.0, Far = 12.0, HalfSphere = 13.0;
    private const int Window = 3;
    private const double Burial = 10.0, Coulomb = 15.0;
    public static readonly int Length = 20 + 40 + 2 + 2 + 6 + 2 * Window * 7 + 4;

    public static IReadOnlyList<float[]> Featurize(IReadOnlyList<StructureResidue> protein)
    {
        if (protein.Count == 0) throw new ArgumentException("no protein residues to featurize");
        foreach (var r in protein)
            if (r.Kind != ResidueKind.Protein) throw new ArgumentException($"residue {r.Label} {r.Name} is not a protein residue");
        var centre = protein.Select(Centre).ToArray();
        var ca = protein.Select(r => r.Atom("CA") is { } a ? (a.X, a.Y, a.Z) : Centre(r)).ToArray();
        var letters = protein.Select(r => r.OneLetter).ToArray();
        var heavy = protein.SelectMany(r => r.HeavyAtoms).Select(a => (a.X, a.Y, a.Z)).ToArray();
        var centroid = (X: centre.Average(c => c.X), Y: centre.Average(c => c.Y), Z: centre.Average(c => c.Z));
        var gyration = Math.Sqrt(centre.Average(c => Distance(c, centroid) * Distance(c, centroid)));
        var chainLength = protein.GroupBy(r => r.ChainId).ToDictionary(g => g.Key, g => g.Count());
        var rows = new float[protein.Count][];
        for (int i = 0; i < protein.Count; i++)
        {
            var v = new float[Length];
            int aa = SequenceAlphabet.Amino.IndexOf(letters[i]);
            if (aa >= 0) v[aa] = 1;
            var up = CbDirection(protein[i], ca[i], centre[i]);
            int near = 0, far = 0, hseUp = 0, hseDown = 0;
            float posNear = 0, posFar = 0, negNear = 0, negFar = 0;
            double coulomb = 0;
            for (int j = 0; j < protein.Count; j++)
            {
                if (j == i) continue;
                double d = Distance(centre[i], centre[j]);
                int bj = SequenceAlphabet.Amino.IndexOf(letters[j]);
                bool pos = letters[j] is 'R' or 'K', neg = letters[j] is 'D' or 'E';
                if (d <= Near) { near++; if (bj >= 0) v[20 + bj]++; if (pos) posNear++; if (neg) negNear++; }
                if (d <= Far) { far++; if (bj >= 0) v[40 + bj]++; if (pos) posFar++; if (neg) negFar++; }
                if (d <= Coulomb && (pos || neg)) coulomb += (pos ? 1 : -1) / Math.Max(d, 1.0);
                var (ox, oy, oz) = (ca[j].X - ca[i].X, ca[j].Y - ca[i].Y, ca[j].Z - ca[i].Z);
                if (ox * ox + oy * oy + oz * oz <= HalfSphere * HalfSphere)
                {
                    if (ox * up.X + oy * up.Y + oz * up.Z > 0) hseUp++; else hseDown++;
                }
            }
            for (int k = 0; k < 20; k++) { if (near > 0) v[20 + k] /= near; if (far > 0) v[40 + k] /= far; }
            v[60] = near; v[61] = far;
            v[62] = hseUp; v[63] = hseDown;
            v[64] = posNear; v[65] = posFar; v[66] = negNear; v[67] = negFar; v[68] = posNear - negNear; v[69] = posFar - negFar;
            int o = 70;
            for (int off = -Window; off <= Window; off++)
            {
                if (off == 0) continue;
                int j = i + off;
                // Window neighbours must be in the same chain; chain ends read as no residue.
                if (j >= 0 && j < protein.Count && protein[j].ChainId == protein[i].ChainId)
                {
                    int c = ProteinFeatures.TriadClass(letters[j]);
                    if (c >= 0) v[o + c] = 1;
                }
                o += 7;
            }
            int buried = 0;
            foreach (var a in heavy)
            {
                double dx = a.X - centre[i].X, dy = a.Y - centre[i].Y, dz = a.Z - centre[i].Z;
                if (dx * dx + dy * dy + dz * dz <= Burial * Burial) buried++;
            }
            v[o] = buried;
            v[o + 1] = gyration > 0 ? (float)(Distance(centre[i], centroid) / gyration) : 0;
            v[o + 2] = (float)coulomb;
            v[o + 3] = MathF.Log10(chainLength[protein[i].ChainId]);
            rows[i] = v;
        }
        return rows;
    }

    private static (double X, double Y, double Z) Centre(StructureResidue r)
    {
        var heavy = r.HeavyAtoms.ToList();
        if (heavy.Count == 0) throw new ArgumentException($"residue {r.Label} {r.Name} has no heavy atoms");
        return (heavy.Average(a => a.X), heavy.Average(a => a.Y), heavy.Average(a => a.Z));
    }

    /// <summary>Cα→Cβ, or Cα→side-chain centre for glycine and truncated residues (HSE's usual stand-in).</summary>
    private static (double X, double Y, double Z) CbDirection(StructureResidue r, (double X, double Y, double Z) ca, (double X, double Y, double Z) centre)
    {
        var cb = r.Atom("CB");
        var t = cb != null ? (cb.X, cb.Y, cb.Z) : centre;
        var v = (X: t.Item1 - ca.X, Y: t.Item2 - ca.Y, Z: t.Item3 - ca.Z);
        var n = Math.Sqrt(v.X * v.X + v.Y * v.Y + v.Z * v.Z);
        return n > 1e-6 ? (v.X / n, v.Y / n, v.Z / n) : (0, 0, 1);
    }

    private static double Distance((double X, double Y, double Z) a, (double X, double Y, double Z) b)
    {
        double dx = a.X - b.X, dy = a.Y - b.Y, dz = a.Z - b.Z;
        return Math.Sqrt(dx * dx + dy * dy + dz * dz);
    }
}
