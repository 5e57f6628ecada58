using System.CommandLine;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using MolScreen.Workflow.Definition;
using MolScreen.Workflow.Execution;

namespace MolScreen.Cli.Commands;

/// <summary>
/// Every stage as a one-off command (`molscreen ingest a.smi b.sdf --out lib.parquet`), its
/// parameters as options generated from the same declarations the workflow file is checked against.
/// Output is one Parquet file; rejects go beside it as NAME.rejects.parquet.
/// </summary>
internal static class DirectStageCommand
{
    public static IEnumerable<Command> CreateAll(StageCatalog catalog) => catalog.All.Select(Create);

    private static Command Create(IStage stage)
    {
        var inputs = new Argument<FileInfo[]>("inputs")
        {
            Description = stage.Shape switch
            {
                StageShape.Source => "Input files",
                StageShape.Reduce => "Input Parquet files (all shards of the input stage)",
                _ => "Input Parquet file (output of the upstream stage)",
            },
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Output Parquet file", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42 };
        var recordTimeout = new Option<int>("--record-timeout")
        {
            Description = "Seconds one record may take before the supervised worker is stopped and the record rejected as a timeout",
            DefaultValueFactory = _ => ProcessWorkerFactory.DefaultRecordTimeout,
        };
        var cmd = new Command(stage.Kind, stage.Description) { inputs, output, seed, recordTimeout };
        var join = new Option<string[]>("--join")
        {
            Description = "Reduce stages: a joined stage's output as NAME=FILE (repeat for more files or stages); rows are matched by `id`",
            AllowMultipleArgumentsPerToken = false,
        };
        if (stage.Shape == StageShape.Reduce) cmd.Add(join);
        var options = stage.Parameters.Select(spec =>
        {
            var o = new Option<string?>("--" + spec.Name.Replace('_', '-'))
            {
                Description = $"{spec.Description} ({spec.TypeName}{(spec.Default != null ? $", default {Format(spec.Default)}" : "")})",
            };
            cmd.Add(o);
            return (spec, o);
        }).ToList();

        cmd.SetAction(async (pr, ct) =>
        {
            var values = new List<KeyValuePair<string, object?>>();
            foreach (var (spec, o) in options)
            {
                if (pr.GetResult(o) == null) continue;
                var v = spec.Parse(pr.GetValue(o), out var error);
                if (error != null) throw new UsageException(error);
                values.Add(new(spec.Name, v));
            }
            var parameters = StageParameters.Defaults(stage.Parameters).With(values);
            var files = pr.GetValue(inputs)!;
            foreach (var f in files.Where(f => !f.Exists)) throw new UsageException($"{f.FullName}: no such file");
            if (stage.Shape == StageShape.Map && files.Length != 1) throw new UsageException($"{stage.Kind} reads exactly one Parquet file (the upstream stage's output), got {files.Length}");
            var outPath = pr.GetValue(output)!.FullName;
            var rejectsPath = Path.ChangeExtension(outPath, null) + ".rejects.parquet";
            using var guard = DirectSupervisor.ChildGuard();
            if (guard == null)
            {
                if (pr.GetValue(recordTimeout) < 1) throw new UsageException("--record-timeout must be at least 1 second");
                return await DirectSupervisor.RunAsync(stage.Kind, [outPath, rejectsPath], pr.GetValue(recordTimeout), ct);
            }
            var rejects = new RejectSink();
            var ctx = new ShardContext(stage.Kind, 0, 1, parameters, pr.GetValue(seed), rejects, ct) { Guard = guard };
            ShardResult result;
            if (stage is ISourceStage source)
            {
                var srcInputs = files.Select(f => new SourceInput(f.FullName, parameters)).ToList();
                var index = source.BuildIndex(srcInputs, int.MaxValue, ct);
                var shard = index.Shards.Count > 0 ? index.Shards[0] : new SourceShard(0, 0, "", []);
                result = await source.RunShardAsync(ctx, srcInputs, shard, outPath);
            }
            else if (stage is IReduceStage reduce)
            {
                var joins = (pr.GetValue(join) ?? []).Select(j => j.Split('=', 2) is [var name, var path] && name.Length > 0 && File.Exists(path)
                        ? (name, Path.GetFullPath(path)) : throw new UsageException($"--join expects NAME=FILE with an existing file, got '{j}'"))
                    .GroupBy(j => j.name).Select(g => new StageShards(g.Key, g.Select(x => x.Item2).ToList())).ToList();
                result = await reduce.RunAsync(ctx, new StageShards("input", files.Select(f => f.FullName).ToList()), joins, outPath);
            }
            else result = await ((IMapStage)stage).RunShardAsync(ctx, files[0].FullName, outPath);
            await rejects.WriteAsync(rejectsPath);
            var balanced = result.RecordsIn == result.RecordsOut + rejects.Count;
            Console.WriteLine($"{stage.Kind}: in {result.RecordsIn} = out {result.RecordsOut} + rejected {rejects.Count}{(balanced ? "" : "  MISMATCH")}");
            Console.WriteLine($"wrote {outPath}{(rejects.Count > 0 ? $" and {rejectsPath}" : "")}");
            return balanced ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return cmd;
    }

    private static string Format(object v) => v switch { bool b => b ? "true" : "false", string[] a => string.Join(",", a), _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)! };
}
