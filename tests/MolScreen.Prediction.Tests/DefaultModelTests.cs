using MolScreen.Core.IO;
using MolScreen.Prediction.Data;
using MolScreen.Prediction.Model;
using MolScreen.Prediction.Stage;
using MolScreen.Prediction.Training;

namespace MolScreen.Prediction.Tests;

public class DefaultModelTests
{
    /// <summary>The default-model recipe end to end on real data, cut short (1 member, 8 epochs) to stay fast in CI.</summary>
    [SharedDataFact]
    public void EsolTrainsEndToEndOnAScaffoldSplitWithSaneMetrics()
    {
        using var dir = new TempDir();
        var csv = SharedData.Require("esol-delaney", "delaney-processed.csv");
        ModelTrainer.Train(new TrainingOptions
        {
            DataPath = csv, SmilesColumn = "smiles", Targets = ["measured log solubility in mols per litre"], Task = OutputKind.Regression,
            Name = "logs", Split = SplitMethod.Scaffold, Ensemble = 1, MaxEpochs = 8,
        }, dir.Combine("logs"));
        var m = JsonFile.TryLoad<ModelManifest>(dir.Combine("logs", ModelManifest.FileName))!;
        Assert.Equal(1128, m.Data.RowsRead);
        Assert.InRange(m.Data.RowsUsed, 1000, 1128);
        Assert.InRange(m.Split.Test, 90, 130);
        // logS spans about 13 log units (sd 2.1): anything learned beats 1.6; a broken pipeline does not.
        Assert.InRange(m.TestMetrics["logs"]["rmse"], 0.3, 1.6);
        Assert.InRange(m.TestMetrics["logs"]["r2"], 0.3, 1.0);
        Assert.True(File.Exists(dir.Combine("logs", ModelCard.FileName)));
        Assert.NotNull(PropertyModel.Load(dir.Combine("logs")));
    }

    [Fact]
    public void ShippedDefaultModelsLoadAndStayWithinTheSizeBudget()
    {
        var root = Path.Combine(SharedData.RepoRoot(), "datasets", "models");
        var models = ModelLocator.Load([root]);
        Assert.Equal(["bbbp", "herg", "logd", "logs", "tox21"], models.Select(m => m.Manifest.Name));
        Assert.Equal(12, models.Single(m => m.Manifest.Name == "tox21").Manifest.Outputs.Length);
        long weights = new[] { "*.mlp", "*.dmpnn" }.SelectMany(p => Directory.GetFiles(root, p, SearchOption.AllDirectories)).Sum(f => new FileInfo(f).Length);
        Assert.True(weights <= 10L << 20, $"committed weights {weights} bytes > 10 MB");
        foreach (var m in models) Assert.True(File.Exists(Path.Combine(m.Directory, ModelCard.FileName)), $"{m.Manifest.Name}: no model card");
    }
}
