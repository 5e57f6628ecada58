using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Interface;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Tests;

public class ModelTests
{
    private static (List<float[]> Rows, List<bool> Labels) Blobs(int n, int seed)
    {
        var rng = new Random(seed);
        var rows = new List<float[]>();
        var labels = new List<bool>();
        for (int i = 0; i < n; i++)
        {
            bool y = i % 2 == 0;
            rows.Add(Enumerable.Range(0, 8).Select(j => (float)(rng.NextDouble() * 2 - 1 + (y && j < 2 ? 1.5 : 0))).ToArray());
            labels.Add(y);
        }
        return (rows, labels);
    }

    [Fact]
    public void Mlp_learns_a_separable_problem_and_a_saved_model_predicts_the_same()
    {
        var (rows, labels) = Blobs(400, 1);
        var options = new MlpOptions { Hidden = [16], Epochs = 30, Seed = 3 };
        var scaler = Standardizer.Fit(rows);
        var net = MlpClassifier.Train(rows.Select(scaler.Apply).ToList(), labels, options);
        var model = new ScoringModel("test", "blobs:8", scaler, net, 0.5f);
        var (testRows, testLabels) = Blobs(200, 2);
        var p = model.Predict(testRows);
        Assert.True(BinaryMetrics.Compute(p, testLabels).RocAuc > 0.95);
        var path = Path.Combine(Path.GetTempPath(), $"rpi-model-{Guid.NewGuid():N}.json");
        try
        {
            model.Save(path);
            var back = ScoringModel.Load(path, "test", "blobs:8");
            Assert.Equal(p, back.Predict(testRows));
            Assert.Contains("retrain", Assert.Throws<InvalidDataException>(() => ScoringModel.Load(path, "test", "blobs:9")).Message);
        }
        finally { File.Delete(path); }
        // Same seed, same data → same weights: the CV figures are reproducible.
        var again = MlpClassifier.Train(rows.Select(scaler.Apply).ToList(), labels, options);
        Assert.Equal(net.Layers[0].Weight, again.Layers[0].Weight);
    }

    [Fact]
    public void Nan_features_are_rejected_before_the_network()
    {
        var scaler = new Standardizer([0f, 0f], [1f, 1f]);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => scaler.Apply([1f, float.NaN])).Message);
    }

    [SharedDataFact]
    public void Shipped_pair_pipeline_on_distinct_RPI488_pairs_grouped_by_protein_learns_with_no_leak()
    {
        // CI slice of `MolScreen.Bench rpi-cv --sets RPI488 --protocol protein`: the shipped pipeline (partner profiles,
        // networks, boosted-tree blend) on the distinct pairs, folds grouped by protein, at half the epochs.
        var raw = PairDataset.Load(SharedData.Require("rpi-benchmarks"), "RPI488");
        var distinct = PairDeduplication.Collapse(raw.Pairs);
        Assert.Equal(488, distinct.Input);
        Assert.Equal(486, distinct.Pairs.Count);
        var assignment = CrossValidation.Folds(distinct.Pairs, CvProtocol.ProteinGrouped, 5, 7);
        // No test pair has an identical sequence pair, or its protein sequence, anywhere in its training folds.
        Assert.All(Enumerable.Range(0, 5), f => Assert.Equal((0, 0), LeakFreeCvTests.Leaks(distinct.Pairs, assignment, f)));
        var run = PairModel.CrossValidateRun(distinct.Pairs, 5, 7, PairModel.DefaultOptions with { Epochs = 10 }, PairModel.DefaultProfiles,
            PairModel.DefaultMembers, null, PairModel.DefaultBlend, CvProtocol.ProteinGrouped);
        var cv = run.Summary;
        Assert.Equal(5, cv.Folds.Count);
        // Below the bench's 20-epoch figures (docs/benchmarks.md), far above what shuffled labels give (about 0.5).
        Assert.True(cv.Of(m => m.Accuracy).Mean > 0.82, $"accuracy {cv.Of(m => m.Accuracy).Mean:F3}");
        Assert.True(cv.Of(m => m.RocAuc).Mean > 0.87, $"auc {cv.Of(m => m.RocAuc).Mean:F3}");
    }
}

public class InterfaceModelTests
{
    [SharedDataFact]
    public void Interface_model_held_out_by_complex_beats_the_charge_heuristic()
    {
        // CI slice of `MolScreen.Bench rpi-interface`: the full protocol (46 complexes, 5 folds over complexes).
        var (complexes, skipped) = Interface.InterfaceComplex.LoadDirectory(SharedData.Require("prdbv3-subset", "bound"));
        Assert.Equal(46, complexes.Count);
        Assert.Equal(2, skipped.Count); // 1U0B_full.pdb lacks the protein, 5ELS_full.pdb the RNA
        var cv = Interface.InterfaceTraining.CrossValidate(complexes, 5, 7, Interface.InterfaceTraining.DefaultOptions);
        var labels = complexes.SelectMany(c => c.Residues.Select(r => r.Contacts)).ToList();
        var charge = complexes.SelectMany(c => c.Features.Select(f => f[69])).ToList();
        var baseline = Evaluation.BinaryMetrics.ComputeRocAuc(charge, labels);
        // Measured: model 0.736 pooled, net-charge-within-12-Å baseline 0.653.
        Assert.True(cv.Pooled.RocAuc > baseline + 0.03, $"model {cv.Pooled.RocAuc:F3} vs baseline {baseline:F3}");
        Assert.True(cv.Pooled.Mcc > 0.15, $"MCC {cv.Pooled.Mcc:F3}");
    }
}
