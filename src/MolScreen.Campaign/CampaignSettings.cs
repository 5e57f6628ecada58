using MolScreen.Core.Stages;
using MolScreen.Prediction.Training;

namespace MolScreen.Campaign;

/// <summary>An active-learning campaign's parameters, parsed and checked once (shared by its unrolled stages).</summary>
public sealed record CampaignSettings(double InitialFraction, double BatchFraction, int Rounds, int TopK, Acquisition Acquisition, double Beta,
    SurrogateSettings Surrogate, string ScoreColumn)
{
    /// <summary>The parameters a campaign takes under `params:`; its acquire and final stages take all of them.</summary>
    public static IReadOnlyList<ParameterSpec> Specs { get; } =
    [
        new("initial_fraction", ParameterType.Number, 0.01, "Round 0: this fraction of the pool, drawn at random (seeded; a pure function of seed and ids)") { Min = 1e-9, Max = 1 },
        new("batch_fraction", ParameterType.Number, 0.01, "Rounds 1..rounds: this fraction of the pool per batch, chosen by the acquisition function") { Min = 1e-9, Max = 1 },
        new("rounds", ParameterType.Integer, 5L, "Model-guided rounds after the random round 0") { Min = 0, Max = 100 },
        new("top_k", ParameterType.Integer, 100L, "Size of the predicted top list compared between rounds (rounds.json overlap)") { Min = 1, Max = 10_000_000 },
        new("acquisition", ParameterType.String, "greedy", "greedy: lowest predicted score; ucb: lowest mean - beta * spread (lower is better); random: baseline") { Choices = ["greedy", "ucb", "random"] },
        new("beta", ParameterType.Number, 2.0, "UCB: weight of the ensemble spread") { Min = 0, Max = 100 },
        new("ensemble", ParameterType.Integer, 3L, "Surrogate: MLP ensemble members (each on a bootstrap sample)") { Min = 1, Max = 32 },
        new("epochs", ParameterType.Integer, 50L, "Surrogate: training epochs per member") { Min = 1, Max = 1000 },
        new("min_scores", ParameterType.Integer, 10L, "Surrogate: fewer scored compounds than this is an error naming the round") { Min = 2, Max = 1_000_000 },
        new("score_column", ParameterType.String, "score", "Column of the scoring chain's output holding the score (lookup: score; dock: dock_score); lower is better"),
    ];

    public static CampaignSettings From(StageParameters p) => new(
        p.GetNumber("initial_fraction"), p.GetNumber("batch_fraction"), (int)p.GetInt("rounds"), (int)p.GetInt("top_k"),
        p.GetString("acquisition") switch { "ucb" => Acquisition.Ucb, "random" => Acquisition.Random, _ => Acquisition.Greedy },
        p.GetNumber("beta"),
        new SurrogateSettings { Members = (int)p.GetInt("ensemble"), Epochs = (int)p.GetInt("epochs"), MinScores = (int)p.GetInt("min_scores") },
        p.GetString("score_column") ?? "score");

    /// <summary>Compounds acquired in round <paramref name="round"/> from a pool of <paramref name="poolRows"/>: the
    /// fraction rounded up, at least one while the pool is not empty.</summary>
    public long BatchSize(int round, long poolRows) =>
        poolRows == 0 ? 0 : Math.Max(1, (long)Math.Ceiling((round == 0 ? InitialFraction : BatchFraction) * poolRows - 1e-9));
}
