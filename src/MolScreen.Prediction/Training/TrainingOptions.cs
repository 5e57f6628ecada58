using MolScreen.Prediction.Data;
using MolScreen.Prediction.Model;

namespace MolScreen.Prediction.Training;

/// <summary>Which network `molscreen train` fits: the fingerprint+descriptor MLP (default), the Chemprop-style D-MPNN,
/// or both on the same split in one model directory whose prediction averages the two ensembles.</summary>
public enum ModelArchitecture { Mlp, Dmpnn, MlpDmpnn }

/// <summary>D-MPNN settings (Chemprop's defaults where they fit a 2-core CPU: hidden 300, batch 50).</summary>
public sealed record DmpnnSettings
{
    public int Hidden { get; init; } = 300;
    /// <summary>Message-passing steps after the initial edge states.</summary>
    public int Depth { get; init; } = 3;
    public int Ffn { get; init; } = 300;
    public double Dropout { get; init; } = 0.1;
    /// <summary>20 rather than Chemprop's 30: what the BBBP benchmark could afford on the shared 2-core machine (docs/journal.md).</summary>
    public int MaxEpochs { get; init; } = 20;
    public int BatchSize { get; init; } = 50;
    /// <summary>D-MPNN members of an mlp+dmpnn model (null: <see cref="TrainingOptions.Ensemble"/>, which is otherwise the
    /// MLP's count there and the D-MPNN's with --arch dmpnn).</summary>
    public int? Ensemble { get; init; }
}

/// <summary>Everything `molscreen train` takes; defaults are the ones the default models were trained with.</summary>
public sealed record TrainingOptions
{
    public required string DataPath { get; init; }
    public required string SmilesColumn { get; init; }
    public required IReadOnlyList<string> Targets { get; init; }
    public required OutputKind Task { get; init; }
    /// <summary>Prefix of the output columns (`logs` → logs_pred); multi-target models add _target.</summary>
    public required string Name { get; init; }
    public SplitMethod Split { get; init; } = SplitMethod.Scaffold;
    public int Ensemble { get; init; } = 5;
    public int Seed { get; init; } = 0;
    public int[] Hidden { get; init; } = [128, 64];
    public double Dropout { get; init; } = 0.2;
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; } = 1e-5;
    public int BatchSize { get; init; } = 64;
    public int MaxEpochs { get; init; } = 80;
    /// <summary>Epochs without a better validation score before training stops (the best epoch is kept).</summary>
    public int Patience { get; init; } = 12;
    /// <summary>Regression members also learn a log-variance per target (Gaussian NLL), so `_std` can rank errors.</summary>
    public bool VarianceHead { get; init; } = true;
    /// <summary>Classification: up-weight positives per target by sqrt(negatives/positives) on the training part.</summary>
    public bool BalanceClasses { get; init; } = true;
    /// <summary>Each member trains on its own bootstrap sample of the training part, so the members differ
    /// most where the data are thin (their disagreement is the epistemic part of `_std`).</summary>
    public bool Bootstrap { get; init; } = false;
    /// <summary>After early stopping picks each member's epoch count on the validation part, retrain the member
    /// from the same seed on train + validation for that many epochs (the shipped weights are the refit ones).</summary>
    public bool Refit { get; init; } = true;
    public ModelArchitecture Architecture { get; init; } = ModelArchitecture.Mlp;
    /// <summary>Used when <see cref="Architecture"/> is D-MPNN (Hidden, Dropout, MaxEpochs, BatchSize above are the MLP's).</summary>
    public DmpnnSettings Graph { get; init; } = new();
    /// <summary>Also write the early-stopped ensemble's validation predictions and the shipped ensemble's test
    /// predictions (predictions-validation.csv, predictions-test.csv), so the bench can average architectures.</summary>
    public bool WritePredictions { get; init; } = false;
    public bool UsesVarianceHead => VarianceHead && Task == OutputKind.Regression;
    /// <summary>How the model was asked for, quoted in its model card.</summary>
    public string? CommandLine { get; init; }
}
