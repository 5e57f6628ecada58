using MolScreen.Docking.Search;
using Xunit.Abstractions;

namespace MolScreen.Docking.Tests;

/// <summary>
/// The ranking hook on a real docking (1W1P_GIO: rigid, 11 heavy atoms, a few seconds): the engine reports its candidates
/// in the ranking's order with Vina scores, and every candidate's population counts at least the chain that found it.
/// </summary>
public sealed class RankingHookTests(ITestOutputHelper log)
{
    [SharedDataFact]
    public void Reported_poses_follow_the_ranking_over_the_candidates_with_Vina_scores()
    {
        string work = Directory.CreateTempSubdirectory("dock-rank-").FullName;
        var options = new DockingOptions { Exhaustiveness = 8, Seed = 1 };
        var result = RedockTests.Redock(Complex.Get("1W1P_GIO"), options, out var lig, work);
        Directory.Delete(work, true);
        var c = result.Candidates;
        log.WriteLine($"{c.Count} candidates, {result.Poses.Count} poses; chains per candidate {string.Join(" ", c.Select(k => k.Chains))}");
        Assert.True(c.Count >= result.Poses.Count);
        // candidates arrive in Vina order, each found by at least one of the 8 chains
        for (int i = 1; i < c.Count; i++) Assert.True(c[i - 1].Energy <= c[i].Energy);
        Assert.All(c, k => Assert.InRange(k.Chains, 1, 8));
        Assert.All(c, k => Assert.Equal(8, k.ChainTotal));
        // the reported poses are the candidates in the ranking's order; the score of the top pose is the Vina score
        var order = PoseRanker.Order(c, options.Ranking);
        for (int r = 0; r < result.Poses.Count; r++)
        {
            Assert.Equal(c[order[r]].X, result.Poses[r].X);
            Assert.Equal(c[order[r]].Inter, result.Poses[r].Inter);
        }
        Assert.Equal(c[0].Energy - c[0].Intra, result.Poses[0].Score, 3); // rigid ligand: no torsion division, intra reference = own
    }
}
