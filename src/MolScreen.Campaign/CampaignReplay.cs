using System.Diagnostics;
using MolScreen.Core.Stages;

namespace MolScreen.Campaign;

/// <summary>
/// A campaign replayed in process on a featurized pool with a lookup table as the scorer: the same round logic
/// (<see cref="CampaignRound"/>) the workflow's acquire stages run, without writing shards, so a benchmark can
/// repeat it over seeds and acquisition functions. The pool is loaded once from featurize and ingest shards.
/// </summary>
public sealed class CampaignReplay
{
    private readonly CampaignData _data;

    private CampaignReplay(CampaignData data) => _data = data;

    public int PoolSize => _data.PoolIds.Count;

    public static async Task<CampaignReplay> LoadAsync(IReadOnlyList<string> featurizeParts, IReadOnlyList<string> ingestParts) =>
        new(await CampaignData.LoadAsync(new StageShards("featurize", featurizeParts), [new StageShards("ingest", ingestParts)], "score", CancellationToken.None));

    /// <summary>
    /// Runs rounds 0..rounds and scores the result as the share of the pool's true top-k score values found:
    /// the multiset of the k best scores acquired against the k best scores in the pool, so compounds tied at
    /// the k-th score cannot be counted twice.
    /// </summary>
    public ReplayResult Run(LookupTable table, StageParameters parameters, int seed)
    {
        var s = CampaignSettings.From(parameters);
        _data.Acquired.Clear(); _data.Scores.Clear(); _data.PredictedTopK.Clear();
        var rounds = new List<ReplayRound>();
        for (int r = 0; r <= s.Rounds; r++)
        {
            var sw = Stopwatch.StartNew();
            var choice = CampaignRound.Choose(_data, s, r, seed);
            for (int j = 0; j < choice.Rows.Count; j++)
            {
                var id = _data.PoolIds[choice.Rows[j]];
                var smiles = _data.Smiles.GetValueOrDefault(id);
                _data.Acquired[id] = new AcquiredCompound(id, smiles, r, j, null, null);
                if (smiles != null && table.TryGet(smiles, out var score)) _data.Scores[id] = score;
            }
            rounds.Add(new ReplayRound(r, choice.Rows.Count, sw.Elapsed.TotalSeconds));
        }
        var truth = _data.PoolIds.Select(id => _data.Smiles.GetValueOrDefault(id)).Where(x => x != null)
            .Select(x => table.TryGet(x!, out var v) ? v : double.NaN).Where(double.IsFinite).ToList();
        return new ReplayResult(TopKFound(truth, _data.Scores.Values.ToList(), s.TopK), _data.Acquired.Count, rounds);
    }

    /// <summary>|top-k of found ∩ top-k of truth| / k as multisets of score values (lower is better).</summary>
    public static double TopKFound(IReadOnlyList<double> truth, IReadOnlyList<double> found, int k)
    {
        var best = truth.Order().Take(k).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        int hits = 0;
        foreach (var g in found.Order().Take(k).GroupBy(v => v))
            if (best.TryGetValue(g.Key, out var n)) hits += Math.Min(n, g.Count());
        return (double)hits / Math.Min(k, Math.Max(1, truth.Count));
    }
}
