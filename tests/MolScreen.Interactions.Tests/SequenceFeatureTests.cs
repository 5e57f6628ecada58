using MolScreen.Interactions.Features;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Tests;

public class SequenceFeatureTests
{
    [Fact]
    public void Unknown_letters_and_empty_sequences_are_clear_errors()
    {
        var e = Assert.Throws<FormatException>(() => SequenceAlphabet.Rna("r1", "ACGUZ"));
        Assert.Contains("r1", e.Message);
        Assert.Contains("'Z'", e.Message);
        Assert.Contains("position 5", e.Message);
        Assert.Contains("empty", Assert.Throws<FormatException>(() => SequenceAlphabet.Protein("p1", "  \n")).Message);
        Assert.Throws<FormatException>(() => SequenceAlphabet.Protein("p2", "MKV1L"));
    }

    [Fact]
    public void Lenient_parsing_maps_pdb_letters_to_the_wildcard_and_counts_them()
    {
        var s = SequenceAlphabet.Parse("r", "acgtF", SequenceKind.Rna, lenient: true, out var replaced);
        Assert.Equal("ACGUN", s.Letters);
        Assert.Equal(1, replaced);
    }

    [Fact]
    public void Rna_kmers_are_frequencies_per_k_and_skip_ambiguous_letters()
    {
        var v = new float[RnaKmerFeatures.Length];
        RnaKmerFeatures.Write(SequenceAlphabet.Rna("r", "AACN"), v);
        // k=1 over A,A,C (N skipped): A 2/3, C 1/3.
        Assert.Equal(2f / 3, v[0], 5);
        Assert.Equal(1f / 3, v[1], 5);
        // k=2 block starts at 4: AA (index 0) and AC (index 1), each 1/2; "CN" is not counted.
        Assert.Equal(0.5f, v[4 + 0], 5);
        Assert.Equal(0.5f, v[4 + 1], 5);
        // k=3 block at 20: AAC = (0*4+0)*4+1 = 1, the only complete 3-mer.
        Assert.Equal(1f, v[20 + 1], 5);
        Assert.Equal(340, RnaKmerFeatures.Length);
    }

    [Fact]
    public void Conjoint_triads_use_the_seven_dipole_volume_classes()
    {
        var v = new float[ProteinFeatures.Length];
        // R,K are class 4; D class 5: triads RKD = (4*7+4)*7+5 = 229, KDR = (4*7+5)*7+4 = 235.
        ProteinFeatures.Write(SequenceAlphabet.Protein("p", "RKDR"), v);
        Assert.Equal(0.5f, v[56 + 229], 5);
        Assert.Equal(0.5f, v[56 + 235], 5);
        Assert.Equal(0.75f, v[4], 5); // class-4 share of residues
        Assert.Equal(0.75f - 0.25f, v[419 + 4], 5); // net charge per residue
    }
}
