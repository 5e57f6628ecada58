using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Features;

/// <summary>
/// Full-alphabet compositions the reduced descriptors blur: protein dipeptide frequencies (20 × 20) and RNA 5-mer
/// frequencies (4^5). Pairs of residues and 5-nt motifs carry sequence identity that the 7-class triads and 4-mers
/// merge. Letters outside the alphabet break a window (they have no single identity).
/// </summary>
public static class CompositionFeatures
{
    public const int ProteinLength = 400;
    public const int RnaLength = 1024;

    public static void WriteProtein(BioSequence protein, Span<float> into) =>
        KmerFrequencies(protein.Letters, SequenceAlphabet.Amino, 2, into[..ProteinLength]);

    public static void WriteRna(BioSequence rna, Span<float> into) =>
        KmerFrequencies(rna.Letters, SequenceAlphabet.Nucleotides, 5, into[..RnaLength]);

    /// <summary>Frequencies of the k-letter windows of <paramref name="letters"/> (index: the window read as a number in
    /// base |alphabet|); windows holding a letter outside the alphabet are skipped. Shared with <see cref="RnaKmerFeatures"/>.</summary>
    internal static void KmerFrequencies(string letters, string alphabet, int k, Span<float> into)
    {
        into.Clear();
        int counted = 0;
        for (int start = 0; start + k <= letters.Length; start++)
        {
            int index = 0;
            bool ok = true;
            for (int j = 0; j < k && ok; j++)
            {
                var c = alphabet.IndexOf(letters[start + j]);
                ok = c >= 0;
                index = index * alphabet.Length + c;
            }
            if (!ok) continue;
            into[index]++;
            counted++;
        }
        if (counted > 0)
            for (int i = 0; i < into.Length; i++) into[i] /= counted;
    }
}
