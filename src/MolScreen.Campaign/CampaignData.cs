using MolScreen.Core.IO;
using MolScreen.Core.Stages;
using MolScreen.Prediction.Features;

namespace MolScreen.Campaign;

/// <summary>
/// What a campaign stage reads: the pool (featurize rows: ECFP4 + descriptors), the input SMILES (the source
/// stage's `structure` of SMILES records), every earlier acquisition and every score so far. Joined stages are
/// recognized by their columns, so the loader's unrolling only has to list them.
/// </summary>
internal sealed class CampaignData
{
    public List<string> PoolIds { get; } = [];
    /// <summary>Null where the featurize row cannot be a model input (a non-finite descriptor).</summary>
    public List<FeatureVector?> PoolFeatures { get; } = [];
    public Dictionary<string, int> PoolIndex { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Smiles { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, AcquiredCompound> Acquired { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, double> Scores { get; } = new(StringComparer.Ordinal);
    /// <summary>Per round r ≥ 1: the surrogate's predicted top-k ids when round r was acquired.</summary>
    public SortedDictionary<int, string[]> PredictedTopK { get; } = new();

    public const string TopKMetadata = "molscreen.predicted_top_k";

    public static async Task<CampaignData> LoadAsync(StageShards pool, IReadOnlyList<StageShards> joins, string scoreColumn, CancellationToken ct)
    {
        var d = new CampaignData();
        string[] needed = ["id", "ecfp4", .. FeatureSpec.Descriptors];
        foreach (var path in pool.DataPaths)
        {
            await using var r = await TableReader.OpenAsync(path);
            var missing = needed.Where(c => !r.HasField(c)).ToList();
            if (missing.Count > 0) throw new InvalidDataException($"{path}: a campaign's pool is featurize output; missing column(s) {string.Join(", ", missing)}");
            for (int g = 0; g < r.RowGroupCount; g++)
            {
                var cols = await r.ReadRowGroupAsync(g, needed);
                var ids = (string?[])cols[0].Values; var fps = (byte[]?[])cols[1].Values;
                var desc = cols.Skip(2).Select(c => ParquetColumns.AsDoubles(c.Values)).ToArray();
                var row = new double[desc.Length];
                for (int i = 0; i < ids.Length; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    for (int k = 0; k < desc.Length; k++) row[k] = desc[k][i];
                    var id = ids[i] ?? throw new InvalidDataException($"{path}: a pool row has no id");
                    if (!d.PoolIndex.TryAdd(id, d.PoolIds.Count)) throw new InvalidDataException($"{path}: id '{id}' appears twice in the pool");
                    d.PoolIds.Add(id);
                    d.PoolFeatures.Add(FeatureVector.Create(fps[i], row, out _));
                }
            }
        }
        foreach (var stage in joins)
            foreach (var path in stage.DataPaths)
            {
                await using var r = await TableReader.OpenAsync(path);
                if (r.HasField("pred_at_acquisition")) await d.ReadAcquired(r);
                else if (r.HasField(scoreColumn)) await d.ReadScores(r, scoreColumn, path);
                else if (r.HasField("structure") && r.HasField("format")) await d.ReadSmiles(r);
                else throw new InvalidDataException($"{path}: stage '{stage.Stage}' joined to a campaign is neither its source, an acquisition nor a score stage (no '{scoreColumn}' column)");
            }
        return d;
    }

    private async Task ReadSmiles(TableReader r)
    {
        for (int g = 0; g < r.RowGroupCount; g++)
        {
            var cols = await r.ReadRowGroupAsync(g, "id", "structure", "format");
            var ids = (string?[])cols[0].Values; var s = (string?[])cols[1].Values; var f = (string?[])cols[2].Values;
            for (int i = 0; i < ids.Length; i++)
                if (ids[i] != null && s[i] != null && f[i] == "smiles" && PoolIndex.ContainsKey(ids[i]!)) Smiles[ids[i]!] = s[i]!;
        }
    }

    private async Task ReadAcquired(TableReader r)
    {
        if (r.Metadata.TryGetValue(TopKMetadata, out var top) && r.RowGroupCount > 0)
        {
            var first = await r.ReadRowGroupAsync(0, "round");
            if (first[0].Values.Length > 0) PredictedTopK[(int)first[0].Values.GetValue(0)!] = top.Length == 0 ? [] : top.Split('\n');
        }
        for (int g = 0; g < r.RowGroupCount; g++)
        {
            var cols = await r.ReadRowGroupAsync(g, "id", "smiles", "round", "order", "pred_at_acquisition", "spread_at_acquisition");
            var ids = (string?[])cols[0].Values; var s = (string?[])cols[1].Values; var round = (int[])cols[2].Values; var order = (int[])cols[3].Values;
            var pred = (double?[])cols[4].Values; var spread = (double?[])cols[5].Values;
            for (int i = 0; i < ids.Length; i++)
                if (!Acquired.TryAdd(ids[i]!, new AcquiredCompound(ids[i]!, s[i], round[i], order[i], pred[i], spread[i])))
                    throw new InvalidDataException($"compound '{ids[i]}' was acquired twice (rounds {Acquired[ids[i]!].Round} and {round[i]})");
        }
    }

    private async Task ReadScores(TableReader r, string column, string path)
    {
        for (int g = 0; g < r.RowGroupCount; g++)
        {
            var cols = await r.ReadRowGroupAsync(g, "id", column);
            var ids = (string?[])cols[0].Values; var v = ParquetColumns.AsDoubles(cols[1].Values);
            for (int i = 0; i < ids.Length; i++)
                if (ids[i] != null && double.IsFinite(v[i])) Scores[ids[i]!] = v[i];
        }
    }

    /// <summary>The scored compounds of the pool that the surrogate can read, in pool order.</summary>
    public (List<FeatureVector> X, List<float> Y) TrainingSet()
    {
        var x = new List<FeatureVector>(); var y = new List<float>();
        for (int i = 0; i < PoolIds.Count; i++)
            if (PoolFeatures[i] is { } v && Scores.TryGetValue(PoolIds[i], out var s)) { x.Add(v); y.Add((float)s); }
        return (x, y);
    }
}
