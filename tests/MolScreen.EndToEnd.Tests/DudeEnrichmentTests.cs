using MolScreen.Bench;
using MolScreen.Docking.Search;

namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// Ranking sanity (validation): on a slice of DUD-E `def` (15 actives, 45 decoys, fast search, 2 chains) docking ranks the actives
/// ahead of the decoys. The full set is `bench dude-enrichment` (docs/benchmarks.md).
/// </summary>
public class DudeEnrichmentTests
{
    [SharedDataFact]
    public void Actives_median_rank_beats_the_decoys_on_a_def_slice()
    {
        var r = DudeEnrichment.Run(SharedData.Require(), 15, 45,
            new DockingOptions { Mode = SearchMode.Fast, Exhaustiveness = 2, NumPoses = 1, Seed = 42, MaxThreads = 1 }, Environment.ProcessorCount);
        Assert.True(r.Ligands.Count >= 57, $"only {r.Ligands.Count} of 60 ligands docked ({r.Failed} failed)");
        Assert.True(r.MedianActiveRank < r.MedianDecoyRank,
            $"median rank actives {r.MedianActiveRank} vs decoys {r.MedianDecoyRank} (AUC {r.RocAuc:F3})");
        Assert.True(r.RocAuc > 0.55, $"ROC AUC {r.RocAuc:F3}");
    }
}
