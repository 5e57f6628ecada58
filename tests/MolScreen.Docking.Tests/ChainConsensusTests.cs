using MolScreen.Docking.Search;

namespace MolScreen.Docking.Tests;

/// <summary>
/// The cross-chain stopping rule (<see cref="ChainConsensus"/>) on hand-made chain bests: two heavy atoms, poses shifted
/// along x, so the in-order RMSD between two poses is their shift.
/// </summary>
public sealed class ChainConsensusTests
{
    static Minimum Pose(float energy, float shift) => new([], energy, [shift, 0, 0, shift + 1.5f, 0, 0]);

    static readonly ConsensusRule Rule = new(Quorum: 3, Rmsd: 1.5f, Energy: 0.5f);

    [Fact]
    public void A_quorum_stops_the_agreeing_chains_and_keeps_an_improving_outsider()
    {
        // chains 0, 2, 3 sit in the best basin; 1 is elsewhere and still improving; 4 is elsewhere and stalled
        Minimum?[] bests = [Pose(-10.0f, 0.2f), Pose(-8f, 6f), Pose(-10.3f, 0f), Pose(-9.9f, 1.0f), Pose(-7f, 9f)];
        bool[] improved = [false, true, true, false, false];
        var running = new[] { true, true, true, true, true };
        Assert.True(ChainConsensus.NextRound(bests, improved, Rule, running));
        Assert.Equal(new[] { false, true, false, false, false }, running);
    }

    [Fact]
    public void Without_a_quorum_every_chain_keeps_running()
    {
        // only two chains within 1.5 Å and 0.5 kcal/mol of the best (chain 3 is at the pose but 0.6 kcal/mol higher)
        Minimum?[] bests = [Pose(-10.0f, 0.2f), Pose(-8f, 6f), Pose(-10.3f, 0f), Pose(-9.7f, 0.1f), null];
        var running = new[] { true, true, true, true, true };
        Assert.False(ChainConsensus.NextRound(bests, [false, false, false, false, false], Rule, running));
        Assert.All(running, Assert.True);
    }

    [Fact]
    public void Agreement_needs_both_the_pose_and_the_energy()
    {
        Minimum?[] bests = [Pose(-10f, 0f), Pose(-10f, 1.6f), Pose(-9.4f, 0f), Pose(-9.6f, 1.4f), null];
        var agrees = new bool[bests.Length];
        Assert.Equal(2, ChainConsensus.Agreeing(bests, Rule, agrees));
        Assert.Equal(new[] { true, false, false, true, false }, agrees);
    }

    [Fact]
    public void The_anchor_is_the_lowest_best_and_the_lower_chain_on_ties()
    {
        // chains 1 and 2 tie at the lowest energy 3 Å apart: chain 1's pose is the anchor, so chain 3 (next to 2) does not agree
        Minimum?[] bests = [null, Pose(-10f, 0f), Pose(-10f, 3f), Pose(-9.9f, 3.1f)];
        var agrees = new bool[bests.Length];
        Assert.Equal(1, ChainConsensus.Agreeing(bests, Rule, agrees));
        Assert.True(agrees[1]);
        Assert.Equal(0, ChainConsensus.Agreeing([null, null], Rule, new bool[2]));
    }

    [Fact]
    public void A_stopped_chain_never_resumes_but_still_votes()
    {
        Minimum?[] bests = [Pose(-10f, 0f), Pose(-10f, 0.1f), Pose(-10f, 0.2f), Pose(-5f, 8f)];
        var running = new[] { false, false, true, true };
        Assert.True(ChainConsensus.NextRound(bests, [true, true, true, true], Rule, running));
        Assert.Equal(new[] { false, false, false, true }, running);
    }

    [Fact]
    public void The_quorum_scales_with_the_chains_and_is_at_least_two()
    {
        Assert.Equal(4, ConsensusRule.For(8, 0.5f, 1.5f, 0.5f).Quorum);
        Assert.Equal(3, ConsensusRule.For(8, 0.3f, 1.5f, 0.5f).Quorum);
        Assert.Equal(2, ConsensusRule.For(1, 0.5f, 1.5f, 0.5f).Quorum);
    }
}
