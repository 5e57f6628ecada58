using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Features;

/// <summary>
/// RNA k-mer composition for k = 1..4 (4 + 16 + 64 + 256 = 340 values), each k normalized to frequencies so long
/// and short RNAs compare. K-mers spanning an ambiguous letter are not counted (they have no single identity).
/// </summary>
public static class RnaKmerFeatures
{
    public const int MaxK = 4;
    public static readonly int Length = Enumerable.Range(1, MaxK).Sum(k => 1 << (2 * k));

    public static void Write(BioSequence rna, Span<float> into)
    {
        if (rna.Kind != SequenceKind.Rna) throw new ArgumentException($"'{rna.Name}' is not an RNA sequence");
        int offset = 0;
        for (int k = 1; k <= MaxK; k++)
        {
            int size = 1 << (2 * k);
            CompositionFeatures.KmerFrequencies(rna.Letters, SequenceAlphabet.Nucleotides, k, into.Slice(offset, size));
            offset += size;
        }
    }
}
