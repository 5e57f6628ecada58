namespace MolScreen.Interactions.Learning;

/// <summary>Architecture and training schedule of a binary MLP; recorded in model cards so a run can be repeated.</summary>
public sealed record MlpOptions
{
    public int[] Hidden { get; init; } = [256, 64];
    public double Dropout { get; init; } = 0.3;
    public int Epochs { get; init; } = 40;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; } = 1e-4;
    public int Seed { get; init; } = 20261123;
}
