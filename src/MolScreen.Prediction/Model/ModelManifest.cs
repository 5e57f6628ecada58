using MolScreen.Prediction.Data;

namespace MolScreen.Prediction.Model;

/// <summary>model.json: what a model directory holds and how it was made.</summary>
public sealed record ModelManifest
{
    public const string FileName = "model.json";
    public const string MlpArchitecture = "mlp", DmpnnArchitecture = "dmpnn";
    /// <summary>Both architectures in one directory (<see cref="Parts"/>). MolScreen before this value existed refuses it
    /// with "unknown architecture 'mlp+dmpnn'" (and MolScreen before the architecture field with "trained on features
    /// '...;dmpnn-graph/v1+desc11'", from <see cref="CombinedFeatureSpec"/>), which is why no separate format number was needed.</summary>
    public const string CombinedArchitecture = "mlp+dmpnn";

    /// <summary>The feature spec a combined model records: it reads both inputs, and either spec changing must refuse it.</summary>
    public static string CombinedFeatureSpec => Features.FeatureSpec.Id + ";" + Graph.GraphFeatures.SpecId;

    public required string Name { get; init; }
    public required string MolscreenVersion { get; init; }
    public required string FeatureSpec { get; init; }
    public required int WeightFormat { get; init; }
    public required string Task { get; init; }
    public required string[] Targets { get; init; }
    /// <summary>Output column prefix per target: name, or name_target for multi-target models.</summary>
    public required string[] Outputs { get; init; }
    public required string[] Members { get; init; }
    public required int[] Hidden { get; init; }
    public required int Seed { get; init; }
    public required SplitSummary Split { get; init; }
    public required DataOrigin Data { get; init; }
    public required string TrainedAt { get; init; }
    public required double TrainingSeconds { get; init; }
    public required int[] BestEpochs { get; init; }
    public required Dictionary<string, Dictionary<string, double>> TestMetrics { get; init; }
    public required DomainSummary ApplicabilityDomain { get; init; }
    /// <summary>Regression members also output a log-variance per target (Gaussian NLL head); `_std` is then
    /// the whole predictive spread (<see cref="EnsembleStatistics"/>). Absent in older manifests: false.</summary>
    public bool VarianceHead { get; init; }
    /// <summary>"mlp" (fingerprint + descriptor MLP, `member-K.mlp`), "dmpnn" (directed message passing over the
    /// molecular graph, `member-K.dmpnn`) or "mlp+dmpnn" (both, see <see cref="Parts"/>). Absent in older manifests: mlp.</summary>
    public string Architecture { get; init; } = MlpArchitecture;
    /// <summary>D-MPNN only: message-passing steps (Hidden is then [message width, feed-forward width]).</summary>
    public int? MessageSteps { get; init; }
    /// <summary>The members were retrained on train + validation for their early-stopped epoch counts (the
    /// validation metrics are then the early-stopped members'). Absent in older manifests: false.</summary>
    public bool Refit { get; init; }
    /// <summary>The ensemble's metrics on the validation part (what hyperparameters may be chosen on; the test part is not).</summary>
    public Dictionary<string, Dictionary<string, double>> ValidationMetrics { get; init; } = [];
    /// <summary>mlp+dmpnn only: each architecture's ensemble, MLP first. <see cref="Members"/> is then the parts' members
    /// in that order, and the top-level metrics are the combined prediction's; each part keeps its own for comparison.</summary>
    public ModelPart[]? Parts { get; init; }
    /// <summary>SHA-256 (lower-case hex) of each member file and of the domain file, by file name; checked at load
    /// (<see cref="ModelFiles.Verify"/>). Absent in older manifests: not checked.</summary>
    public SortedDictionary<string, string>? Files { get; init; }
}

/// <summary>One architecture's ensemble inside a combined model directory.</summary>
/// <param name="Hidden">As the manifest's: MLP layer widths, or D-MPNN [message width, feed-forward width].</param>
public sealed record ModelPart(string Architecture, string[] Members, int[] Hidden, int? MessageSteps, int[] BestEpochs,
    Dictionary<string, Dictionary<string, double>> TestMetrics, Dictionary<string, Dictionary<string, double>> ValidationMetrics);

public sealed record SplitSummary(string Method, int Seed, int Train, int Validation, int Test, string File);

/// <summary>In domain when the nearest training compound has ECFP4 Tanimoto ≥ Threshold; the threshold is the
/// 5th percentile of that similarity over the held-out test compounds (so ~95% of compounds like the test set pass).</summary>
public sealed record DomainSummary(string Method, double Threshold, string File, int Compounds);
