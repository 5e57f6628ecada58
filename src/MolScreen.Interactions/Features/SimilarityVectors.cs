using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Features;

/// <summary>
/// The k-mer profiles partner similarity is measured on, cut from the model's own descriptors so there is one
/// definition of each: protein conjoint-triad 3-mers (343) and RNA 4-mers (256). Longest k-mers, because they are
/// the ones that tell related sequences from merely similar compositions.
/// </summary>
public static class SimilarityVectors
{
    private const int ProteinTriadOffset = 7 + 49, ProteinTriadLength = 343;
    private static readonly int RnaFourMerOffset = RnaKmerFeatures.Length - 256;

    public static float[] Protein(BioSequence protein)
    {
        var all = new float[ProteinFeatures.Length];
        ProteinFeatures.Write(protein, all);
        return all.AsSpan(ProteinTriadOffset, ProteinTriadLength).ToArray();
    }

    public static float[] Rna(BioSequence rna)
    {
        var all = new float[RnaKmerFeatures.Length];
        RnaKmerFeatures.Write(rna, all);
        return all.AsSpan(RnaFourMerOffset, 256).ToArray();
    }

    /// <summary>Cosine of two profiles; 0 when either is empty (a sequence too short for one k-mer).</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Length; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
        return aa > 0 && bb > 0 ? ab / Math.Sqrt(aa * bb) : 0;
    }
}
