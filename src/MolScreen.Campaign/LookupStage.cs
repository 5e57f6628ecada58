using System.Collections.Concurrent;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using Parquet.Schema;

namespace MolScreen.Campaign;

/// <summary>
/// The lookup scorer (map): each compound's score from a table of known scores, matched on the input SMILES
/// string exactly as ingested (column `smiles` when the input has one, as an acquisition batch does, else
/// ingest's `structure` of SMILES records). A compound the table does not list is rejected as
/// `no score in lookup table FILE`; one the table lists with different scores is rejected naming both lines. It replays a published docking-score table as if docking, or reuses
/// scores from an earlier screen.
/// </summary>
public sealed class LookupStage : IMapStage
{
    public string Kind => "lookup";
    public string Description => "Score compounds from a table of known scores (CSV/Parquet with smiles and score columns, lower is better), matched on the input SMILES";
    public string Version => "1";
    public StageShape Shape => StageShape.Map;

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("table", ParameterType.String, null, "CSV (optionally .gz) or Parquet file with 'smiles' and 'score' columns; its content is part of the stage's parameter hash") { IsFile = true },
    ];

    public static readonly ParquetSchema Schema = new(
        new DataField("id", typeof(string), false),
        new DataField("smiles", typeof(string), false),
        new DataField("score", typeof(double), false));

    private static readonly ConcurrentDictionary<(string, long, DateTime), LookupTable> Cache = new();

    /// <summary>One load per table file per process (an acquisition's score stage runs one shard per batch).</summary>
    public static LookupTable TableFor(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new LookupTableException(path, 0, "lookup table not found");
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        if (Cache.TryGetValue(key, out var t)) return t;
        t = LookupTable.Load(info.FullName);
        Cache.Clear();
        Cache[key] = t;
        return t;
    }

    public async Task<ShardResult> RunShardAsync(ShardContext ctx, string inputPath, string dataPath)
    {
        var tablePath = ctx.Parameters.GetString("table") ?? throw new ArgumentException($"stage '{ctx.StageName}' (lookup) needs 'table': a file of smiles,score");
        var table = TableFor(tablePath);
        var reason = $"no score in lookup table {Path.GetFileName(tablePath)}";
        await using var reader = await TableReader.OpenAsync(inputPath);
        bool direct = reader.HasField("smiles");
        if (!direct && !(reader.HasField("structure") && reader.HasField("format")))
            throw new InvalidDataException($"{inputPath}: lookup matches the input SMILES: its input needs a 'smiles' column or ingest's 'structure' and 'format' columns");
        string[] columns = direct ? ["id", "smiles"] : ["id", "structure", "format"];
        var ids = new List<string>(); var smiles = new List<string>(); var scores = new List<double>();
        long read = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            var cols = await reader.ReadRowGroupAsync(g, columns);
            var id = (string?[])cols[0].Values; var s = (string?[])cols[1].Values;
            var format = direct ? null : (string?[])cols[2].Values;
            for (int i = 0; i < id.Length; i++, read++)
            {
                ctx.Cancellation.ThrowIfCancellationRequested();
                if (format != null && format[i] != "smiles")
                    ctx.Rejects.Add(new Reject(id[i], "", null, "", ctx.StageName, $"lookup matches SMILES; this record was read as {format[i]}"));
                else if (s[i] == null || !table.TryGet(s[i]!, out var score))
                    ctx.Rejects.Add(new Reject(id[i], "", null, Reject.RawPreview(s[i]), ctx.StageName,
                        s[i] != null && table.Conflict(s[i]!) is { } lines ? $"lookup table {Path.GetFileName(tablePath)} gives this SMILES different scores ({lines})" : reason));
                else { ids.Add(id[i]!); smiles.Add(s[i]!); scores.Add(score); }
            }
        }
        await using var writer = await TableWriter.CreateAsync(dataPath, Schema);
        if (ids.Count > 0)
        {
            var f = Schema.DataFields;
            await writer.WriteRowGroupAsync([new ColumnData(f[0], ids.ToArray()), new ColumnData(f[1], smiles.ToArray()), new ColumnData(f[2], scores.ToArray())]);
        }
        return new ShardResult(read, writer.RowsWritten, await writer.CommitAsync());
    }
}
