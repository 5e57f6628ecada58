using MolScreen.Core.Structures;

namespace MolScreen.Interactions.Tests;

public class PredictorTests
{
    [SharedDataFact]
    public void Retrained_small_models_serve_geometric_and_predicted_interfaces()
    {
        // End-to-end CI run of the `rpi-train` path at toy size: train, save with cards, load, predict.
        var dir = Path.Combine(Path.GetTempPath(), $"rpi-train-{Guid.NewGuid():N}");
        try
        {
            var log = new StringWriter();
            DefaultModels.Train(new RpiTrainSettings
            {
                SharedData = SharedData.Require(),
                OutDirectory = dir,
                PairSets = ["RPI488"],
                PairOptions = PairModel.DefaultOptions with { Epochs = 5 },
                PairMembers = 1,
                InterfaceOptions = Interface.InterfaceTraining.DefaultOptions,
                InterfaceComplexes = 20,
                CrossValidate = false,
            }, log);
            Assert.Contains("skipped 1U0B_full.pdb", log.ToString());
            Assert.True(File.Exists(Path.Combine(dir, "rpi-pair", "MODEL_CARD.md")));
            Assert.True(File.Exists(Path.Combine(dir, "rpi-interface", "MODEL_CARD.md")));
            var predictor = RnaBindingPredictor.Load(dir);

            // 3PF4 is not among the first 20 complexes by name (1C9S … 3EQT): a held-out target.
            var complex = PdbReader.Read(SharedData.Require("prdbv3-subset", "bound", "3PF4_full.pdb"));
            var geometric = predictor.Predict(complex);
            Assert.Equal("geometric", geometric.InterfaceSource);
            Assert.Equal(11, geometric.Residues.Count(r => r.Probability == 1));
            Assert.InRange(geometric.InteractionProbability!.Value, 0, 1);

            var proteinOnly = new MacromolecularStructure("3PF4-protein", complex.OfKind(ResidueKind.Protein).ToList());
            var predicted = predictor.Predict(proteinOnly, "GGAUCCAGCAUUUAGC");
            Assert.Equal("predicted", predicted.InterfaceSource);
            Assert.Equal(geometric.Residues.Count, predicted.Residues.Count);
            Assert.All(predicted.Residues, r => Assert.InRange(r.Probability, 0, 1));
            Assert.NotNull(predicted.InteractionProbability);
            // A model from 20 complexes ranks 3PF4's true contacts above the rest (measured AUC in the message).
            var truth = geometric.Residues.Select(r => r.Interface).ToList();
            var auc = Evaluation.BinaryMetrics.ComputeRocAuc(predicted.Residues.Select(r => (float)r.Probability).ToList(), truth);
            Assert.True(auc > 0.6, $"held-out 3PF4 interface AUC {auc:F3}");
            Assert.Null(predictor.Predict(proteinOnly).InteractionProbability);
            Assert.Throws<FormatException>(() => predictor.Predict(proteinOnly, "ACGUQ"));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
