using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Tests;

/// <summary>Random sequences and labelled pairs for the pair-model tests (one generator, seeded).</summary>
internal static class SyntheticPairs
{
    public static string Sequence(Random rng, string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());

    /// <summary>Random members; proteins 0–4 bind (label 1 with probability 0.85), the rest rarely (0.15).</summary>
    public static List<LabelledPair> Generate(int count, int seed)
    {
        var rng = new Random(seed);
        var proteins = Enumerable.Range(0, 10).Select(i => SequenceAlphabet.Protein($"p{i}", Sequence(rng, SequenceAlphabet.Amino, 60 + 5 * i))).ToArray();
        var rnas = Enumerable.Range(0, 12).Select(i => SequenceAlphabet.Rna($"r{i}", Sequence(rng, "ACGU", 30 + 3 * i))).ToArray();
        return Enumerable.Range(0, count).Select(_ =>
        {
            int p = rng.Next(proteins.Length);
            return new LabelledPair(proteins[p], rnas[rng.Next(rnas.Length)], rng.NextDouble() < (p < 5 ? 0.85 : 0.15));
        }).ToList();
    }
}
