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
        var codes = new int[rna.Length];
        for (int i = 0; i < codes.Length; i++) codes[i] = SequenceAlphabet.Nucleotides.IndexOf(rna.Letters[i]);
        int offset = 0;
        for (int k = 1; k <= MaxK; k++)
        {
            int size = 1 << (2 * k);
            var block = into.Slice(offset, size);
            block.Clear();
            int counted = 0;
            for (int start = 0; start + k <= codes.Length; start++)
            {
                int index = 0;
                bool ok = true;
                for (int j = 0; j < k && ok; j++)
                {
                    var c = codes[start + j];
                    ok = c >= 0;
                    index = (index << 2) | Math.Max(c, 0);
                }
                if (!ok) continue;
                block[index]++;
                counted++;
            }
            if (counted > 0)
                for (int i = 0; i < size; i++) block[i] /= counted;
            offset += size;
        }
    }
}
