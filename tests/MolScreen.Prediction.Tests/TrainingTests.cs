using MolScreen.Core.IO;
using MolScreen.Prediction.Data;
using MolScreen.Prediction.Model;
using MolScreen.Prediction.Training;

namespace MolScreen.Prediction.Tests;

public class TrainingTests
{
    private static TrainingOptions Options(string csv, string target = "value") => new()
    {
        DataPath = csv, SmilesColumn = "smiles", Targets = [target], Task = OutputKind.Regression, Name = "toy",
        Split = SplitMethod.Random, Ensemble = 2, Seed = 3, Hidden = [32], MaxEpochs = 40, Patience = 8, LearningRate = 3e-3,
    };

    [Fact]
    public void TrainsAModelDirectoryThatLoadsAndPredictsBetterThanTheMean()
    {
        using var dir = new TempDir();
        var csv = Synthetic.WriteCsv(dir.Combine("toy.csv"));
        var manifest = ModelTrainer.Train(Options(csv), dir.Combine("toy"));

        var saved = JsonFile.TryLoad<ModelManifest>(dir.Combine("toy", ModelManifest.FileName))!;
        Assert.Equal(manifest.Data.Sha256, ContentHash.OfFile(csv));
        Assert.Equal(Synthetic.Rows().Count(), saved.Data.RowsRead);
        Assert.Equal(saved.Data.RowsUsed, saved.Split.Train + saved.Split.Validation + saved.Split.Test);
        Assert.Equal(2, saved.Members.Length);
        Assert.InRange(saved.ApplicabilityDomain.Threshold, 0.05, 1.0);
        var m = saved.TestMetrics["toy"];
        double spread = Synthetic.Rows().Select(r => r.Target).ToArray() is var ys ? Math.Sqrt(ys.Select(y => (y - ys.Average()) * (y - ys.Average())).Average()) : 0;
        Assert.True(m["rmse"] < 0.6 * spread, $"test RMSE {m["rmse"]} vs target spread {spread}");
        Assert.Equal(saved.Split.Test, (int)m["n"]);
        Assert.Equal(saved.Data.RowsUsed + 1, File.ReadAllLines(dir.Combine("toy", ModelTrainer.SplitFileName)).Length);

        var model = PropertyModel.Load(dir.Combine("toy"));
        var inputs = Synthetic.Features(20);
        var p = model.Predict(inputs, nearest: true);
        Assert.All(p.Mean, v => Assert.True(float.IsFinite(v)));
        Assert.All(p.Std, v => Assert.True(v >= 0));
        // The domain set is the refit's data (train + validation, 90%), so most of these file compounds are their own nearest neighbour.
        Assert.InRange(p.NearestSimilarity!.Count(s => s == 1f), 10, 20);
        Assert.All(p.NearestSimilarity, s => Assert.InRange(s, 0f, 1f));
        // the flag-only search (what predict runs) agrees with the threshold on the exact maxima
        Assert.Equal(p.InDomain, model.Predict(inputs).InDomain);
        Assert.Equal(p.NearestSimilarity!.Select(s => s >= model.Domain.Threshold), p.InDomain);
    }

    [Fact]
    public void VarianceHeadModelsRecordItAndTheirSpreadRanksTheErrorsOfNoisyCompounds()
    {
        using var dir = new TempDir();
        // Labels with noise that grows with the molecule: a variance head should learn where the data are noisy.
        var csv = Synthetic.WriteCsv(dir.Combine("toy.csv"), noiseBySize: true);
        var manifest = ModelTrainer.Train(Options(csv) with { Ensemble = 2, MaxEpochs = 60, Patience = 15 }, dir.Combine("toy"));
        Assert.True(manifest.VarianceHead);
        Assert.Contains("rmse", manifest.ValidationMetrics["toy"].Keys);
        var model = PropertyModel.Load(dir.Combine("toy"));
        Assert.Equal(2, model.Members[0].Outputs);
        // The kernels' members go through the same combination: predictions and spreads agree with the CPU path.
        var inputs = Synthetic.Features(30);
        var cpu = model.Predict(inputs, domain: false);
        using (var kernels = new GpuEnsemble(model.Members, preferGpu: false))
        {
            var onKernels = model.Predict(inputs, domain: false, gpu: kernels);
            for (int i = 0; i < cpu.Mean.Length; i++)
            {
                Assert.Equal(cpu.Mean[i], onKernels.Mean[i], 1e-4f);
                Assert.Equal(cpu.Std[i], onKernels.Std[i], 1e-4f);
            }
        }
        Assert.True(manifest.TestMetrics["toy"]["spearman_std_vs_abs_error"] > 0.2,
            $"spread vs error ρ {manifest.TestMetrics["toy"]["spearman_std_vs_abs_error"]}");

        var without = ModelTrainer.Train(Options(csv) with { Ensemble = 1, MaxEpochs = 2, VarianceHead = false }, dir.Combine("plain"));
        Assert.False(without.VarianceHead);
        Assert.Equal(1, PropertyModel.Load(dir.Combine("plain")).Members[0].Outputs);
    }

    [Fact]
    public void RefitRetrainsEachMemberOnTrainAndValidationForItsEarlyStoppedEpochs()
    {
        using var dir = new TempDir();
        var csv = Synthetic.WriteCsv(dir.Combine("toy.csv"));
        var refit = ModelTrainer.Train(Options(csv), dir.Combine("refit"));
        var plain = ModelTrainer.Train(Options(csv) with { Refit = false }, dir.Combine("plain"));

        Assert.True(refit.Refit);
        Assert.False(plain.Refit);
        // Early stopping ran the same way in both: same epochs, and the recorded validation metrics are the
        // early-stopped members' (the refit ones have seen the validation rows).
        Assert.Equal(plain.BestEpochs, refit.BestEpochs);
        Assert.Equal(plain.ValidationMetrics["toy"]["rmse"], refit.ValidationMetrics["toy"]["rmse"], 9);
        Assert.Equal(refit.Split.Train + refit.Split.Validation, refit.ApplicabilityDomain.Compounds);
        Assert.Equal(plain.Split.Train, plain.ApplicabilityDomain.Compounds);
        Assert.Contains("retrained on train + validation", File.ReadAllText(dir.Combine("refit", ModelCard.FileName)));

        var a = PropertyModel.Load(dir.Combine("refit"));
        var b = PropertyModel.Load(dir.Combine("plain"));
        Assert.NotEqual(a.Members[0].Weights[0], b.Members[0].Weights[0]);
        var inputs = Synthetic.Features(20);
        Assert.All(a.Predict(inputs, domain: false).Mean, v => Assert.True(float.IsFinite(v)));
        double spread = Synthetic.Rows().Select(r => r.Target).ToArray() is var ys ? Math.Sqrt(ys.Select(y => (y - ys.Average()) * (y - ys.Average())).Average()) : 0;
        Assert.True(refit.TestMetrics["toy"]["rmse"] < 0.6 * spread, $"refit test RMSE {refit.TestMetrics["toy"]["rmse"]} vs spread {spread}");
    }

    [Fact]
    public void BadTrainingFilesGiveClearErrors()
    {
        using var dir = new TempDir();
        var empty = dir.Combine("empty.csv");
        File.WriteAllText(empty, "smiles,value\n");
        Assert.Contains("no data rows", Assert.Throws<InvalidDataException>(() => ModelTrainer.Train(Options(empty), dir.Combine("m"))).Message);

        var text = dir.Combine("text.csv");
        File.WriteAllText(text, "smiles,value\nCCO,1.5\nCCN,high\n");
        var e = Assert.Throws<InvalidDataException>(() => ModelTrainer.Train(Options(text), dir.Combine("m")));
        Assert.Contains("data row 2", e.Message);
        Assert.Contains("'high' is not a number", e.Message);

        Assert.Contains("no column 'logS'", Assert.Throws<ArgumentException>(() => ModelTrainer.Train(Options(Synthetic.WriteCsv(dir.Combine("t.csv")), "logS"), dir.Combine("m"))).Message);
        Assert.Contains("at least 10", Assert.Throws<ArgumentException>(() => ModelTrainer.Train(Options(Synthetic.WriteCsv(dir.Combine("few.csv"), 5)), dir.Combine("m"))).Message);
        Assert.False(Directory.Exists(dir.Combine("m", "member-0.mlp")));
    }

    [Fact]
    public void ModelWithAnotherFeatureSpecRefusesToLoad()
    {
        using var dir = new TempDir();
        ModelTrainer.Train(Options(Synthetic.WriteCsv(dir.Combine("toy.csv"))) with { Ensemble = 1, MaxEpochs = 2 }, dir.Combine("toy"));
        var path = dir.Combine("toy", ModelManifest.FileName);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(Features.FeatureSpec.Id, (string?)json["feature_spec"]);
        json["feature_spec"] = "ecfp4-1024+desc8/v0";
        File.WriteAllText(path, json.ToJsonString());
        var e = Assert.Throws<InvalidDataException>(() => PropertyModel.Load(dir.Combine("toy")));
        Assert.Contains("trained on features 'ecfp4-1024+desc8/v0'", e.Message);
    }
}
