using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MolScreen.Prediction.Training;

namespace MolScreen.Campaign;

/// <summary>One round's choice of compounds: which pool rows, in acquisition order, with the surrogate's view.</summary>
internal sealed record RoundChoice(IReadOnlyList<int> Rows, float[]? Mean, float[]? Std, string[] PredictedTopK);

/// <summary>
/// The acquisition of one round over a loaded campaign. Round 0 (and acquisition `random`) orders the pool by a
/// hash of (seed, round, id): a pure function of the seed and the ids, whatever the shard boundaries. Later
/// rounds train the surrogate from scratch on every score so far and order the pool by the predicted score
/// (greedy) or mean - β·spread (UCB; lower is better); ties go to the smaller id.
/// </summary>
internal static class CampaignRound
{
    public static RoundChoice Choose(CampaignData data, CampaignSettings s, int round, int seed)
    {
        long n = s.BatchSize(round, data.PoolIds.Count);
        var open = Enumerable.Range(0, data.PoolIds.Count).Where(i => !data.Acquired.ContainsKey(data.PoolIds[i])).ToList();
        if (round == 0 || s.Acquisition == Acquisition.Random)
        {
            var keys = open.ToDictionary(i => i, i => RandomKey(seed, round, data.PoolIds[i]));
            var drawn = open.OrderBy(i => keys[i]).ThenBy(i => data.PoolIds[i], StringComparer.Ordinal).Take((int)Math.Min(n, open.Count)).ToList();
            return new RoundChoice(drawn, null, null, []);
        }
        var (mean, std) = Predict(data, s, round, seed);
        double Key(int i) => s.Acquisition == Acquisition.Ucb ? mean[i] - s.Beta * std[i] : mean[i];
        var chosen = open.Where(i => data.PoolFeatures[i] != null).OrderBy(Key).ThenBy(i => data.PoolIds[i], StringComparer.Ordinal)
            .Take((int)Math.Min(n, open.Count)).ToList();
        return new RoundChoice(chosen, mean, std, PredictedTop(data, mean, s.TopK));
    }

    /// <summary>The surrogate trained on every score so far, predicting the whole pool (NaN where a row has no features).</summary>
    public static (float[] Mean, float[] Std) Predict(CampaignData data, CampaignSettings s, int round, int seed)
    {
        var (x, y) = data.TrainingSet();
        SurrogateEnsemble model;
        try { model = SurrogateEnsemble.Train(x, y, s.Surrogate, unchecked(seed * 7919 + round)); }
        catch (SurrogateException e) { throw new SurrogateException($"round {round}: {e.Message}"); }
        var rows = Enumerable.Range(0, data.PoolIds.Count).Where(i => data.PoolFeatures[i] != null).ToList();
        var (m, sd) = model.Predict(rows.Select(i => data.PoolFeatures[i]!).ToList());
        var mean = Enumerable.Repeat(float.NaN, data.PoolIds.Count).ToArray();
        var std = Enumerable.Repeat(float.NaN, data.PoolIds.Count).ToArray();
        for (int j = 0; j < rows.Count; j++) { mean[rows[j]] = m[j]; std[rows[j]] = sd[j]; }
        return (mean, std);
    }

    /// <summary>Ids of the k compounds with the lowest predicted score (ties: smaller id), in that order.</summary>
    public static string[] PredictedTop(CampaignData data, float[] mean, int k) =>
        Enumerable.Range(0, data.PoolIds.Count).Where(i => !float.IsNaN(mean[i])).OrderBy(i => mean[i]).ThenBy(i => data.PoolIds[i], StringComparer.Ordinal)
            .Take(k).Select(i => data.PoolIds[i]).ToArray();

    public static ulong RandomKey(int seed, int round, string id) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\u001f{round}\u001f{id}")));
}
