using MolScreen.Prediction.Features;
using MolScreen.Prediction.Model;

namespace MolScreen.Prediction.Training;

/// <summary>How an in-process surrogate is trained (an active-learning campaign's model of the docking score).</summary>
public sealed record SurrogateSettings
{
    public int Members { get; init; } = 3;
    public int Epochs { get; init; } = 50;
    public int[] Hidden { get; init; } = [128, 64];
    public int BatchSize { get; init; } = 32;
    /// <summary>Fewer scored compounds than this and the surrogate refuses to train.</summary>
    public int MinScores { get; init; } = 10;
}
