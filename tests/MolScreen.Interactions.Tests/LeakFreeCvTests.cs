using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Tests;

/// <summary>Deduplicated pairs and protein-grouped folds: no test pair may have an identical twin, or its protein, in training.</summary>
public class LeakFreeCvTests
{
    private static readonly BioSequence P1 = SequenceAlphabet.Protein("p1", "MKTAYIAKQR");
    private static readonly BioSequence P1Renamed = SequenceAlphabet.Protein("p1-chainB", "MKTAYIAKQR");
    private static readonly BioSequence P2 = SequenceAlphabet.Protein("p2", "GSHMLEDPVV");
    private static readonly BioSequence R1 = SequenceAlphabet.Rna("r1", "GGCUAGCC");
    private static readonly BioSequence R2 = SequenceAlphabet.Rna("r2", "ACGUACGUAA");

    [Fact]
    public void Identical_sequence_pairs_collapse_and_label_conflicts_are_dropped_whole()
    {
        var pairs = new List<LabelledPair>
        {
            new(P1, R1, true), new(P1Renamed, R1, true), // same sequences under another chain name: one pair
            new(P1, R2, true), new(P1, R2, false), new(P1Renamed, R2, true), // both labels: dropped, 3 rows
            new(P2, R1, false), new(P2, R2, true),
        };
        var d = PairDeduplication.Collapse(pairs);
        Assert.Equal(3, d.Pairs.Count);
        Assert.Equal(7, d.Input);
        Assert.Equal(1, d.SameLabelCopies);
        Assert.Equal(1, d.ConflictingDistinct);
        Assert.Equal(3, d.ConflictingRows);
        Assert.Equal(d.Input, d.Pairs.Count + d.SameLabelCopies + d.ConflictingRows);
        Assert.DoesNotContain(d.Pairs, p => p.Rna == R2 && p.Protein.Letters == P1.Letters);
    }

    [Fact]
    public void Grouped_folds_keep_every_protein_in_one_fold_and_balance_fold_sizes()
    {
        var pairs = SyntheticPairs.Generate(400, 3);
        var assignment = CrossValidation.Folds(pairs, CvProtocol.ProteinGrouped, 5, 11);
        foreach (var group in pairs.Select((p, i) => (p.Protein.Letters, Fold: assignment[i])).GroupBy(x => x.Letters))
            Assert.Single(group.Select(x => x.Fold).Distinct());
        // 10 proteins over 5 folds: every fold gets some, none gets more than half the pairs.
        var sizes = Enumerable.Range(0, 5).Select(f => assignment.Count(a => a == f)).ToArray();
        Assert.All(sizes, n => Assert.InRange(n, 1, 200));
        Assert.Equal(assignment, CrossValidation.Folds(pairs, CvProtocol.ProteinGrouped, 5, 11));
        Assert.NotEqual(assignment, CrossValidation.Folds(pairs, CvProtocol.ProteinGrouped, 5, 12));
    }

    [Fact]
    public void Grouped_folds_refuse_fewer_proteins_than_folds()
    {
        var pairs = new List<LabelledPair> { new(P1, R1, true), new(P2, R2, false) };
        Assert.Contains("at least 5 groups", Assert.Throws<ArgumentException>(() => CrossValidation.Folds(pairs, CvProtocol.ProteinGrouped, 5, 1)).Message);
    }

    /// <summary>Test pairs of fold f whose sequence pair, or whose protein, also occurs in the other folds.</summary>
    public static (int SharedPairs, int SharedProteins) Leaks(IReadOnlyList<LabelledPair> pairs, int[] assignment, int fold)
    {
        var trainPairs = new HashSet<(string, string)>();
        var trainProteins = new HashSet<string>();
        for (int i = 0; i < pairs.Count; i++)
            if (assignment[i] != fold) { trainPairs.Add((pairs[i].Protein.Letters, pairs[i].Rna.Letters)); trainProteins.Add(pairs[i].Protein.Letters); }
        var test = Enumerable.Range(0, pairs.Count).Where(i => assignment[i] == fold).ToList();
        return (test.Count(i => trainPairs.Contains((pairs[i].Protein.Letters, pairs[i].Rna.Letters))), test.Count(i => trainProteins.Contains(pairs[i].Protein.Letters)));
    }

    [Fact]
    public void The_leak_check_sees_duplicates_that_raw_pair_level_folds_leak()
    {
        // The check the CI slice relies on must be able to fail: raw pairs with a renamed twin, split pair-level, leak.
        var pairs = SyntheticPairs.Generate(300, 5);
        var withTwins = pairs.Concat(pairs.Take(100).Select(p => p with { Protein = p.Protein with { Name = p.Protein.Name + "-twin" } })).ToList();
        var pairLevel = CrossValidation.Folds(withTwins, CvProtocol.Pair, 5, 7);
        Assert.True(Enumerable.Range(0, 5).Sum(f => Leaks(withTwins, pairLevel, f).SharedPairs) > 0);
        var distinct = PairDeduplication.Collapse(withTwins).Pairs;
        var grouped = CrossValidation.Folds(distinct, CvProtocol.ProteinGrouped, 5, 7);
        Assert.All(Enumerable.Range(0, 5), f => Assert.Equal((0, 0), Leaks(distinct, grouped, f)));
    }
}
