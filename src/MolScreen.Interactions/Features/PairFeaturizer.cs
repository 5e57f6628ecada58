using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Features;

/// <summary>The pair vector fed to the interaction model: protein descriptors and dipeptides, then RNA k-mers 1–4, log10 RNA length and 5-mers.</summary>
public static class PairFeaturizer
{
    private static readonly int ProteinBlock = ProteinFeatures.Length + CompositionFeatures.ProteinLength;
    private static readonly int RnaBlock = RnaKmerFeatures.Length + 1 + CompositionFeatures.RnaLength;
    public static readonly int Length = ProteinBlock + RnaBlock;

    public static float[] Featurize(BioSequence protein, BioSequence rna) => Featurize([(protein, rna)])[0];

    /// <summary>Row-major matrix for many pairs; the same protein or RNA block is computed once (benchmarks reuse members).</summary>
    public static float[][] Featurize(IReadOnlyList<(BioSequence Protein, BioSequence Rna)> pairs)
    {
        var proteinCache = new Dictionary<BioSequence, float[]>(ReferenceEqualityComparer.Instance);
        var rnaCache = new Dictionary<BioSequence, float[]>(ReferenceEqualityComparer.Instance);
        var rows = new float[pairs.Count][];
        for (int i = 0; i < pairs.Count; i++)
        {
            var (p, r) = pairs[i];
            if (!proteinCache.TryGetValue(p, out var pv))
            {
                pv = new float[ProteinBlock];
                ProteinFeatures.Write(p, pv);
                CompositionFeatures.WriteProtein(p, pv.AsSpan(ProteinFeatures.Length));
                proteinCache[p] = pv;
            }
            if (!rnaCache.TryGetValue(r, out var rv))
            {
                rv = new float[RnaBlock];
                RnaKmerFeatures.Write(r, rv);
                rv[RnaKmerFeatures.Length] = MathF.Log10(r.Length);
                CompositionFeatures.WriteRna(r, rv.AsSpan(RnaKmerFeatures.Length + 1));
                rnaCache[r] = rv;
            }
            var row = new float[Length];
            pv.CopyTo(row, 0);
            rv.CopyTo(row, ProteinBlock);
            rows[i] = row;
        }
        return rows;
    }
}
