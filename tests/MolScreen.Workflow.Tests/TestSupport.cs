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

public static class TestCatalog
{
    public static StageCatalog Create() => new(new IngestStage(), new MeasureStage());
}
