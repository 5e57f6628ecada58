using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using MolScreen.Ingest;
using MolScreen.Workflow.Definition;
using Parquet.Schema;

namespace MolScreen.Workflow.Tests;

/// <summary>A map stage for engine tests: measures each structure, rejects those containing a marker.</summary>
public sealed class MeasureStage : IMapStage
{
    public string Kind => "measure";
    public string Description => "test stage";
    public string Version => "1";
    public StageShape Shape => StageShape.Map;
    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("reject_marker", ParameterType.String, "Br", "structures containing this are rejected"),
        new("scale", ParameterType.Number, 1.0, "multiplies the length"),
    ];

    private static readonly ParquetSchema Schema = new(new DataField("id", typeof(string), false), new DataField("length", typeof(double), false));

    public async Task<ShardResult> RunShardAsync(ShardContext ctx, string inputPath, string dataPath)
    {
        await using var r = await TableReader.OpenAsync(inputPath);
        var ids = new List<string>(); var lens = new List<double>();
        long n = 0;
        for (int g = 0; g < r.RowGroupCount; g++)
        {
            var c = await r.ReadRowGroupAsync(g, "id", "structure");
            var id = (string[])c[0].Values; var st = (string[])c[1].Values;
            for (int i = 0; i < id.Length; i++, n++)
            {
                if (st[i].Contains(ctx.Parameters.GetString("reject_marker")!))
                    ctx.Rejects.Add(new Reject(id[i], "measure", null, st[i], ctx.StageName, "contains the marker"));
                else { ids.Add(id[i]); lens.Add(st[i].Length * ctx.Parameters.GetNumber("scale")); }
            }
        }
        await using var w = await TableWriter.CreateAsync(dataPath, Schema);
        await w.WriteRowGroupAsync([new(Schema.DataFields[0], ids.ToArray()), new(Schema.DataFields[1], lens.ToArray())]);
        return new ShardResult(n, ids.Count, await w.CommitAsync());
    }
}

/// <summary>
/// A reduce stage for engine tests: every row of its input, ordered by length, with the structure
/// looked up by id in a joined stage when one is joined; rows longer than max_length are rejected.
/// </summary>
public sealed class CollectStage : IReduceStage
{
    public string Kind => "collect";
    public string Description => "test reduce stage";
    public string Version => "1";
    public StageShape Shape => StageShape.Reduce;
    public IReadOnlyList<ParameterSpec> Parameters { get; } = [new("max_length", ParameterType.Number, 1000.0, "longer rows are rejected")];

    private static readonly ParquetSchema Schema = new(
        new DataField("id", typeof(string), false), new DataField("length", typeof(double), false),
        new DataField("order", typeof(int), false), new DataField("structure", typeof(string), true));

    public async Task<ShardResult> RunAsync(ShardContext ctx, StageShards input, IReadOnlyList<StageShards> joins, string dataPath)
    {
        var rows = new List<(string Id, double Length)>();
        foreach (var path in input.DataPaths)
        {
            await using var r = await TableReader.OpenAsync(path);
            for (int g = 0; g < r.RowGroupCount; g++)
            {
                var c = await r.ReadRowGroupAsync(g, "id", "length");
                rows.AddRange(((string[])c[0].Values).Zip((double[])c[1].Values));
            }
        }
        var structures = new Dictionary<string, string>();
        foreach (var path in joins.SelectMany(j => j.DataPaths))
        {
            await using var r = await TableReader.OpenAsync(path);
            for (int g = 0; g < r.RowGroupCount; g++)
            {
                var c = await r.ReadRowGroupAsync(g, "id", "structure");
                foreach (var (id, st) in ((string[])c[0].Values).Zip((string[])c[1].Values)) structures[id] = st;
            }
        }
        var kept = new List<(string Id, double Length)>();
        foreach (var row in rows)
            if (row.Length > ctx.Parameters.GetNumber("max_length")) ctx.Rejects.Add(new Reject(row.Id, "collect", null, "", ctx.StageName, "too long"));
            else kept.Add(row);
        kept = kept.OrderBy(x => x.Length).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
        await using var w = await TableWriter.CreateAsync(dataPath, Schema);
        await w.WriteRowGroupAsync([
            new(Schema.DataFields[0], kept.Select(x => x.Id).ToArray()), new(Schema.DataFields[1], kept.Select(x => x.Length).ToArray()),
            new(Schema.DataFields[2], Enumerable.Range(1, kept.Count).ToArray()),
            new(Schema.DataFields[3], kept.Select(x => (string?)structures.GetValueOrDefault(x.Id)).ToArray())]);
        return new ShardResult(rows.Count, kept.Count, await w.CommitAsync());
    }
}

public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("molscreen-test-").FullName;
    public string File(string name, string text)
    {
        var p = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        System.IO.File.WriteAllText(p, text);
        return p;
    }
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}

/// <summary>A SMILES library of n alkanes (chain length 1 + i % 7, so shards differ) named mol0.., or custom SMILES.</summary>
public static class TestLibrary
{
    public static string Smiles(int n, Func<int, string>? smiles = null) =>
        string.Concat(Enumerable.Range(0, n).Select(i => $"{(smiles ?? (k => new string('C', 1 + k % 7)))(i)} mol{i}\n"));
}

public static class TestCatalog
{
    public static StageCatalog Create() => new(new IngestStage(), new MeasureStage(), new CollectStage(), new WeighStage());
}
