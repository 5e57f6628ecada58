using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Features;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Tests;

public class PartnerProfileTests
{
    private static List<LabelledPair> Synthetic(int count, int seed) => SyntheticPairs.Generate(count, seed);

    [Fact]
    public void Seen_protein_gets_its_smoothed_rate_and_an_unseen_one_the_prior()
    {
        var a = SequenceAlphabet.Protein("a", "MKRKRGSLEEAAKRLGV");
        var r = SequenceAlphabet.Rna("r", "GGACUUCGGUCC");
        var training = new List<LabelledPair> { new(a, r, true), new(a, r, true), new(a, r, false) };
        var profiles = PartnerProfiles.Fit(training, new ProfileOptions());
        var unseen = SequenceAlphabet.Protein("u", "WWWWCCCCHHHHPPPPYYYY");
        var rows = profiles.Describe([(a, r), (unseen, r)]);
        Assert.Equal((2 + 0.5) / (3 + 1), rows[0][0], 5);
        Assert.Equal(Math.Log(4), rows[0][1], 5);
        Assert.Equal(PartnerProfiles.Prior, rows[1][0], 5);
        Assert.Equal(0, rows[1][1]);
        // The neighbour rate leaves the identical protein out: with no other protein it stays at the prior.
        Assert.Equal(PartnerProfiles.Prior, rows[0][2], 5);
    }

    [Fact]
    public void Neighbour_rate_follows_a_similar_protein()
    {
        var binder = SequenceAlphabet.Protein("b", "MKRKRGSLEEAAKRLGVKKRRSGSTEEAIKRLG");
        var other = SequenceAlphabet.Protein("o", "WCHPYWCHPYFFMMTTNNQQWCHPYWCHPYFF");
        var r = SequenceAlphabet.Rna("r", "GGACUUCGGUCC");
        var training = Enumerable.Range(0, 10).Select(_ => new LabelledPair(binder, r, true))
            .Concat(Enumerable.Range(0, 10).Select(_ => new LabelledPair(other, r, false))).ToList();
        var profiles = PartnerProfiles.Fit(training, new ProfileOptions());
        var mutant = SequenceAlphabet.Protein("m", "MKRKRGSLEEAAKRLGVKKRRSGSTEEAIKRLA");
        var row = profiles.Describe([(mutant, r)])[0];
        Assert.Equal(PartnerProfiles.Prior, row[0], 5);
        Assert.True(row[2] > 0.9, $"neighbour rate of a one-residue mutant of a binder: {row[2]:F3}");
    }

    [Fact]
    public void A_training_rows_profile_never_sees_its_own_label()
    {
        var pairs = Synthetic(80, 1);
        var options = new ProfileOptions { PairNeighbours = true };
        var before = PartnerProfiles.OutOfFold(pairs, options);
        for (int i = 0; i < pairs.Count; i += 7)
        {
            var flipped = pairs.ToList();
            flipped[i] = flipped[i] with { Interacts = !flipped[i].Interacts };
            Assert.Equal(before[i], PartnerProfiles.OutOfFold(flipped, options)[i]);
        }
    }

    [Fact]
    public void Permuting_test_fold_labels_cannot_change_test_predictions()
    {
        var pairs = Synthetic(120, 2);
        var assignment = CrossValidation.StratifiedFolds(pairs.Select(p => p.Interacts).ToList(), 3, 5);
        var options = new MlpOptions { Hidden = [8], Epochs = 3, Seed = 4 };
        var profiles = new ProfileOptions { PairNeighbours = true };
        var scores = PairModel.OutOfFoldScores(pairs, assignment, 3, options, profiles);
        var fold0 = Enumerable.Range(0, pairs.Count).Where(i => assignment[i] == 0).ToArray();
        var permuted = pairs.ToList();
        var labels = fold0.Select(i => !pairs[i].Interacts).ToArray(); // inverted: certainly a different labelling
        for (int k = 0; k < fold0.Length; k++) permuted[fold0[k]] = pairs[fold0[k]] with { Interacts = labels[k] };
        var again = PairModel.OutOfFoldScores(permuted, assignment, 3, options, profiles);
        // Equal up to float rounding: libtorch's matrix kernels may round the last bit differently from one call to
        // the next (seen with the 2,197-wide layout), while a leaked label moves a probability by far more than 1e-5.
        Assert.All(fold0, i => Assert.True(Math.Abs(scores[i] - again[i]) <= 1e-5, $"pair {i}: {scores[i]} vs {again[i]}"));
        // The other folds trained on the changed labels, so their scores move: the comparison above can fail.
        var moved = Enumerable.Range(0, pairs.Count).Where(i => assignment[i] != 0).Max(i => Math.Abs(scores[i] - again[i]));
        Assert.True(moved > 1e-3, $"training folds' scores moved by at most {moved}");
    }

    [Fact]
    public void Saved_pair_model_predicts_the_same_and_format_1_files_are_refused()
    {
        var pairs = Synthetic(100, 3);
        var model = PairModel.Train(pairs, new MlpOptions { Hidden = [8], Epochs = 3, Seed = 4 }, new ProfileOptions(), members: 2);
        var queries = Synthetic(20, 4).Select(p => (p.Protein, p.Rna)).ToList();
        var dir = Path.Combine(Path.GetTempPath(), $"rpi-pair-{Guid.NewGuid():N}");
        try
        {
            var path = Path.Combine(dir, "model.json");
            model.Save(path);
            var back = PairPredictor.Load(path);
            var (before, after) = (model.Predict(queries), back.Predict(queries));
            // Up to float rounding (see the permutation test); a wrong weight or profile moves scores far more.
            Assert.All(Enumerable.Range(0, before.Length), i => Assert.True(Math.Abs(before[i] - after[i]) <= 1e-5, $"query {i}: {before[i]} vs {after[i]}"));
            Assert.Equal(2, back.Members.Count);

            var old = Path.Combine(dir, "old.json");
            model.Members[0].Save(old); // what format 1 shipped: one bare network file
            var e = Assert.Throws<InvalidDataException>(() => PairPredictor.Load(old));
            Assert.Contains("format 1", e.Message);
            Assert.Contains("retrain", e.Message);

            // A format-2 file trained on sequence layout v1 (before dipeptides and RNA 5-mers) is refused by its layout.
            var v1 = Path.Combine(dir, "v1.json");
            // The JSON writer escapes '+' as \u002B, so the layout is replaced in that spelling too.
            string Escaped(string layout) => layout.Replace("+", "\\u002B");
            var text = File.ReadAllText(path);
            File.WriteAllText(v1, text.Replace(PairModel.SequenceLayout, "protein-ct-aac-phys+rna-kmer1-4-v1:767")
                .Replace(Escaped(PairModel.SequenceLayout), Escaped("protein-ct-aac-phys+rna-kmer1-4-v1:767")));
            var v1Error = Assert.Throws<InvalidDataException>(() => PairPredictor.Load(v1));
            Assert.Contains("protein-ct-aac-phys+rna-kmer1-4-v1:767", v1Error.Message);
            Assert.Contains("retrain", v1Error.Message);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Shipped_pair_model_loads_and_ranks_its_own_training_pairs()
    {
        var model = PairPredictor.Load(Path.Combine(SharedData.RepoRoot(), "datasets", "models", "rpi-pair", "model.json"));
        var pr = model.Profiles!;
        Assert.Equal(PairModel.Layout(PairModel.DefaultProfiles), model.FeatureLayout);
        Assert.Equal(PairModel.DefaultMembers, model.Members.Count);
        Assert.Equal(PairModel.DefaultBlend?.Weight ?? 0, model.TreeWeight);
        Assert.Equal(PairModel.DefaultBlend?.Options.Trees ?? 0, model.Trees?.Trees.Count ?? 0);
        var sample = Enumerable.Range(0, pr.Pairs.Count).Where(i => i % 40 == 0).Select(i => pr.Pairs[i]).ToList();
        var queries = sample.Select(t => (SequenceAlphabet.Protein("p", pr.Proteins[t.Protein], lenient: true), SequenceAlphabet.Rna("r", pr.Rnas[t.Rna], lenient: true))).ToList();
        var p = model.Predict(queries);
        // Training pairs: a working model separates them almost perfectly; a broken file or feature mismatch does not.
        var auc = BinaryMetrics.ComputeRocAuc(p, sample.Select(t => t.Interacts).ToList());
        Assert.True(auc > 0.9, $"training-pair AUC of the shipped model {auc:F3}");
    }
}
