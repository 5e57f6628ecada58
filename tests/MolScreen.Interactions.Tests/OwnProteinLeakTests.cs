using MolScreen.Interactions.Features;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Tests;

/// <summary>
/// RPI369 / RPI2241-style sets pair every protein with as many negatives as positives, so a protein's rate over its
/// other training pairs gives away a held-out pair's label. The own-protein values must then not depend on those labels.
/// </summary>
public class OwnProteinLeakTests
{

    private static (BioSequence[] Proteins, BioSequence[] Rnas) Members(int seed)
    {
        var rng = new Random(seed);
        return (Enumerable.Range(0, 12).Select(i => SequenceAlphabet.Protein($"p{i}", SyntheticPairs.Sequence(rng, SequenceAlphabet.Amino, 60 + 5 * i))).ToArray(),
                Enumerable.Range(0, 15).Select(i => SequenceAlphabet.Rna($"r{i}", SyntheticPairs.Sequence(rng, "ACGU", 30 + 3 * i))).ToArray());
    }

    /// <summary>Every protein with 6 pairs: balanced (3 + / 3 −) or, when not, protein i binds with rate (i mod 3) / 2.</summary>
    private static List<LabelledPair> Set(bool balanced, int seed)
    {
        var (proteins, rnas) = Members(seed);
        var rng = new Random(seed + 1);
        return proteins.SelectMany((p, i) => Enumerable.Range(0, 6).Select(k =>
            new LabelledPair(p, rnas[(i + 2 * k) % rnas.Length], balanced ? k % 2 == 0 : rng.NextDouble() < (i % 3) / 2.0))).ToList();
    }

    /// <summary>The query (protein 0's first pair) held out, and the rest with protein 0's labels flipped or not.</summary>
    private static (List<LabelledPair> Training, (BioSequence, BioSequence) Query) HoldOut(List<LabelledPair> set, bool flipOwn)
    {
        var query = set[0];
        var training = set.Skip(1).Select(t => flipOwn && t.Protein.Letters == query.Protein.Letters ? t with { Interacts = !t.Interacts } : t).ToList();
        return (training, (query.Protein, query.Rna));
    }

    [Fact]
    public void Rule_fires_on_per_protein_balanced_sets_and_their_training_folds_only()
    {
        var balanced = Set(balanced: true, 1);
        Assert.True(ProteinBalance.Of(balanced.Select(t => (t.Protein.Letters, t.Interacts))).BalancedByConstruction);
        // A training fold loses one pair in five and with it exact balance, but not the low dispersion.
        var fold = balanced.Where((_, i) => i % 5 != 0).Select(t => (t.Protein.Letters, t.Interacts)).ToList();
        var foldBalance = ProteinBalance.Of(fold);
        Assert.True(foldBalance.BalancedShare < 0.9, $"balanced share {foldBalance.BalancedShare}");
        Assert.True(foldBalance.BalancedByConstruction, foldBalance.ToString());
        Assert.False(ProteinBalance.Of(Set(balanced: false, 1).Select(t => (t.Protein.Letters, t.Interacts))).BalancedByConstruction);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void On_a_balanced_set_flipping_the_query_proteins_other_labels_leaves_its_profile_unchanged(bool pairBlockOldLayout)
    {
        var options = PairModel.DefaultProfiles with { ExcludeOwnRna = !pairBlockOldLayout };
        var set = Set(balanced: true, 2);
        float[] Profile(bool flip)
        {
            var (training, query) = HoldOut(set, flip);
            var fitted = PartnerProfiles.Fit(training, options);
            Assert.True(fitted.Options.NeutralizeOwnProtein);
            return fitted.Describe([query])[0];
        }
        var (plain, flipped) = (Profile(false), Profile(true));
        Assert.Equal(plain, flipped);
        Assert.Equal(PartnerProfiles.Prior, plain[0], 5);
        Assert.Equal(0, plain[1]);

        // The training rows' own profiles (inner folds) are neutralized too, by the same decision.
        var (t0, _) = HoldOut(set, false);
        var (t1, _) = HoldOut(set, true);
        var (rows0, rows1) = (PartnerProfiles.OutOfFold(t0, options), PartnerProfiles.OutOfFold(t1, options));
        for (int i = 0; i < t0.Count; i++) Assert.Equal(PartnerProfiles.Prior, rows0[i][0], 5);
        // Rows of other proteins may see protein 0's labels through the similar-protein terms; protein 0's own rows may not.
        for (int i = 0; i < t0.Count; i++)
            if (t0[i].Protein.Letters == set[0].Protein.Letters) Assert.Equal(rows0[i], rows1[i]);
    }

    [Fact]
    public void On_an_unbalanced_set_the_own_rate_follows_the_labels()
    {
        var set = Set(balanced: false, 3);
        // Protein 0 binds with rate 0: give it two positives so flipping moves its rate either way.
        set = set.Select((t, i) => i is 1 or 2 ? t with { Interacts = true } : t).ToList();
        var rows = new[] { false, true }.Select(flip =>
        {
            var (training, query) = HoldOut(set, flip);
            var fitted = PartnerProfiles.Fit(training, PairModel.DefaultProfiles);
            Assert.False(fitted.Options.NeutralizeOwnProtein);
            return fitted.Describe([query])[0];
        }).ToArray();
        Assert.NotEqual(rows[0][0], rows[1][0]);
        Assert.Equal(Math.Log(6), rows[0][1], 5);
    }

    [Fact]
    public void The_decision_is_stored_in_the_model_file_and_marks_the_layout()
    {
        var set = Set(balanced: true, 4);
        var model = PairModel.Train(set, new MlpOptions { Hidden = [8], Epochs = 2, Seed = 4 }, PairModel.DefaultProfiles, members: 1);
        Assert.True(model.Profiles!.Options.NeutralizeOwnProtein);
        Assert.EndsWith("+no-own-protein:6", model.FeatureLayout);
        var dir = Path.Combine(Path.GetTempPath(), $"rpi-own-{Guid.NewGuid():N}");
        try
        {
            var path = Path.Combine(dir, "model.json");
            model.Save(path);
            var back = PairPredictor.Load(path);
            Assert.True(back.Profiles!.Options.NeutralizeOwnProtein);
            var queries = set.Take(8).Select(t => (t.Protein, t.Rna)).ToList();
            var (a, b) = (model.Predict(queries), back.Predict(queries));
            for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(a[i] - b[i]) <= 1e-5, $"query {i}: {a[i]} vs {b[i]}");
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
