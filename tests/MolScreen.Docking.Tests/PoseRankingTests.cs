using MolScreen.Docking.Search;

namespace MolScreen.Docking.Tests;

/// <summary>Re-ranking logic on synthetic candidates (no docking): the key, its tie rule, and the cluster population count.</summary>
public sealed class PoseRankingTests
{
    static PoseCandidate Pose(float inter, float intra = 0, float vinardo = 0, int chains = 1, int total = 8, float shift = 0) =>
        new(inter, intra, vinardo, new float[5], chains, total, chains, [shift, 0, 0, shift + 1, 0, 0], [], [], []);

    [Fact]
    public void Zero_weights_are_Vinas_order_and_ties_keep_input_order()
    {
        var c = new[] { Pose(-9, -0.5f), Pose(-10), Pose(-9.5f), Pose(-10) }; // energies -9.5, -10, -9.5, -10
        Assert.Equal([1, 3, 0, 2], PoseRanker.Order(c, PoseRanking.Vina));
        Assert.Equal([1, 3, 0, 2], PoseRanker.Order(c, default(RankingWeights)));
    }

    [Fact]
    public void Population_promotes_a_pose_found_by_more_chains_only_within_its_weight()
    {
        // 0.5 kcal/mol worse but found by all 8 chains instead of 1: a weight of 1 kcal/mol per full population
        // outweighs the gap (0.875 > 0.5), a weight of 0.5 does not (0.4375 < 0.5)
        var c = new[] { Pose(-10, chains: 1), Pose(-9.5f, chains: 8) };
        Assert.Equal([1, 0], PoseRanker.Order(c, new RankingWeights(0, 0, 1)));
        Assert.Equal([0, 1], PoseRanker.Order(c, new RankingWeights(0, 0, 0.5f)));
    }

    [Fact]
    public void Population_weight_uses_the_fraction_of_chains_not_the_count()
    {
        var eight = new[] { Pose(-10, chains: 2, total: 8), Pose(-9.7f, chains: 8, total: 8) };
        var sixteen = new[] { Pose(-10, chains: 4, total: 16), Pose(-9.7f, chains: 16, total: 16) };
        var w = new RankingWeights(0, 0, 1);
        Assert.Equal(PoseRanker.Order(eight, w), PoseRanker.Order(sixteen, w));
    }

    [Fact]
    public void Vinardo_consensus_breaks_a_near_tie_towards_the_pose_both_functions_like()
    {
        var c = new[] { Pose(-10, vinardo: -5), Pose(-9.8f, vinardo: -7) };
        Assert.Equal([0, 1], PoseRanker.Order(c, default(RankingWeights)));
        Assert.Equal([1, 0], PoseRanker.Order(c, new RankingWeights(0, 0.5f, 0)));
    }

    [Fact]
    public void Strain_weight_penalises_intramolecular_energy_more_than_Vina_does()
    {
        // same inter + intra; the one with the higher (less favourable) intra loses once intra is weighted up
        var c = new[] { Pose(-10.5f, intra: 0.5f), Pose(-9.5f, intra: -0.5f) };
        Assert.Equal([0, 1], PoseRanker.Order(c, default(RankingWeights)));
        Assert.Equal([1, 0], PoseRanker.Order(c, new RankingWeights(0.5f, 0, 0)));
    }

    [Fact]
    public void Population_counts_chains_and_minima_within_the_radius()
    {
        // two heavy atoms; the pose at x = 0; minima shifted along x by d have in-order RMSD d
        float[] At(float d) => [d, 0, 0, d + 1, 0, 0];
        var perChain = new List<List<Minimum>>
        {
            new() { new([], -1, At(0.5f)), new([], -1, At(1.5f)) }, // two hits
            new() { new([], -1, At(2.5f)) },                         // outside 2 Å
            new() { new([], -1, At(1.9f)), new([], -1, At(5f)) },   // one hit
            new(),
        };
        var (chains, minima) = PoseCandidate.Population(At(0), perChain, PoseRanker.PopulationRadius);
        Assert.Equal(2, chains);
        Assert.Equal(3, minima);
    }
}
