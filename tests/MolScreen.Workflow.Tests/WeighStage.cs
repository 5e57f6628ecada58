using System.Globalization;
using MolScreen.Core.IO;
using MolScreen.Core.Stages;
using Parquet.Schema;

namespace MolScreen.Workflow.Tests;

/// <summary>
/// A map stage for reuse tests that reads files named by its parameters: `factor_file` (a file parameter holding a
/// number) and `model_dir` (a folder, declared through <see cref="IReadsFiles"/>, whose files' sizes add to the weight).
/// `fail: true` makes every shard it computes throw, after the engine has started new work.
/// </summary>
public sealed class WeighStage : IMapStage, IReadsFiles
{
    public string Kind => "weigh";
    public string Description => "test stage reading files";
    public string Version => "1";
    public StageShape Shape => StageShape.Map;
    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("factor_file", ParameterType.String, null, "file holding a number") { IsFile = true },
        new("model_dir", ParameterType.String, null, "folder whose file sizes add to the weight"),
        new("fail", ParameterType.Boolean, false, "throw instead of computing"),
    ];

    public IReadOnlyList<string> FilesRead(StageParameters parameters) =>
        parameters.GetString("model_dir") is { } dir ? [dir] : [];

    private static readonly ParquetSchema Schema = new(new DataField("id", typeof(string), false), new DataField("length", typeof(double), false));

    public async Task<ShardResult> RunShardAsync(ShardContext ctx, string inputPath, string dataPath)
    {
        if (ctx.Parameters.GetBool("fail")) throw new InvalidOperationException("weigh: asked to fail");
        double factor = ctx.Parameters.GetString("factor_file") is { } f ? double.Parse(File.ReadAllText(f).Trim(), CultureInfo.InvariantCulture) : 1;
        double extra = ctx.Parameters.GetString("model_dir") is { } d ? Directory.GetFiles(d).Sum(x => File.ReadAllBytes(x).Sum(b => (double)b)) : 0;
        await using var r = await TableReader.OpenAsync(inputPath);
        var ids = new List<string>(); var weights = new List<double>();
        for (int g = 0; g < r.RowGroupCount; g++)
        {
            var c = await r.ReadRowGroupAsync(g, "id", "length");
            foreach (var (id, len) in ((string[])c[0].Values).Zip((double[])c[1].Values)) { ids.Add(id); weights.Add(len * factor + extra); }
        }
        await using var w = await TableWriter.CreateAsync(dataPath, Schema);
        await w.WriteRowGroupAsync([new(Schema.DataFields[0], ids.ToArray()), new(Schema.DataFields[1], weights.ToArray())]);
        return new ShardResult(ids.Count, ids.Count, await w.CommitAsync());
    }
}
