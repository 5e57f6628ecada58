using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Preparation;
using MolScreen.Docking.Stage;
using MolScreen.Campaign;
using MolScreen.Ingest;
using MolScreen.Ranking;
using MolScreen.Prediction.Stage;
using MolScreen.Workflow.Definition;

namespace MolScreen.Cli;

/// <summary>The stage kinds compiled into this build; later stage projects add theirs here.</summary>
public static class Stages
{
    public static StageCatalog Catalog { get; } = new(new IngestStage(), new FeaturizeStage(), new PredictStage(), new PrepareStage(), new DockStage(DockDevices.For), new RankStage(),
        new LookupStage(), new AcquireStage(), new ActiveLearningStage(), new SelectStage());
}
