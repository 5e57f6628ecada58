using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Features;

/// <summary>The pair vector fed to the interaction model: protein descriptors, then RNA k-mers and log10 RNA length.</summary>
public static class PairFeaturizer
{
    public static readonly int Length = ProteinFeatures.Length + RnaKmerFeatures.Length + 1;

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
            if (!proteinCache.TryGetValue(p, out var pv)) { pv = new float[ProteinFeatures.Length]; ProteinFeatures.Write(p, pv); proteinCache[p] = pv; }
            if (!rnaCache.TryGetValue(r, out var rv)) { rv = new float[RnaKmerFeatures.Length + 1]; RnaKmerFeatures.Write(r, rv); rv[^1] = MathF.Log10(r.Length); rnaCache[r] = rv; }
            var row = new float[Length];
            pv.CopyTo(row, 0);
            rv.CopyTo(row, ProteinFeatures.Length);
            rows[i] = row;
        }
        return rows;
    }
}
