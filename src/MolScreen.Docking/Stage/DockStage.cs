using System.Collections.Concurrent;
using System.Text;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using MolScreen.Docking.Output;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;
using MolScreen.Docking.Target;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Stage;

/// <summary>
/// The dock stage: docks each prepared ligand (prepare's `pdbqt`) into the workflow's target and writes one row per
/// compound with the best pose, its energy terms and how much of the RNA interface it covers. The target (receptor,
/// box, interface, grid maps) is built once per worker process and shared by every shard with the same target.
/// A ligand that cannot be docked goes to rejects with the reason; the shard goes on.
/// </summary>
public sealed class DockStage(Func<string, IBatchDocker?>? openDevice = null) : IMapStage, IReadsFiles
{
    /// <summary>Opens the search device for a `device` value ("auto", "gpu", "ilgpu-cpu"); null means the CPU engine.</summary>
    readonly Func<string, IBatchDocker?>? _openDevice = openDevice;

    public string Kind => "dock";
    public string Description => "Dock prepared ligands into the target's pocket (Vina-compatible scoring and search); best pose, energy terms, RNA-interface occupancy";
    public string Version => "1";
    public StageShape Shape => StageShape.Map;

    private const int RowGroupRows = 1_024;

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        .. TargetDefinition.Parameters,
        new("exhaustiveness", ParameterType.Integer, 8L, "Independent Monte Carlo chains per ligand (Vina's exhaustiveness)") { Min = 1, Max = 1024 },
        new("mode", ParameterType.String, "balance", "Search budget: fast (¼ of Vina's steps), balance (Vina's), detail (2×), quick (balance's budget, skipped revisits, stalled chains end)") { Choices = ["fast", "balance", "detail", "quick"] },
        new("seed", ParameterType.Integer, null, "Search seed (default: the workflow's seed); the same seed gives the same bytes") { Min = 0 },
        new("num_poses", ParameterType.Integer, 9L, "Poses kept per ligand (the best is written; the count is in dock_poses)") { Min = 1, Max = 100 },
        new("scoring", ParameterType.String, "vina", "Scoring function") { Choices = ["vina", "vinardo"] },
        new("ranking", ParameterType.String, PoseRanker.Name(new DockingOptions().Ranking), "Order of the clustered poses (the reported scores stay the scoring function's)")
            { Choices = PoseRanker.Names },
        new("device", ParameterType.String, "auto", "Search device: auto (CUDA GPU when present, else CPU), cpu, gpu (CUDA or an error), ilgpu-cpu (the GPU kernels emulated on the CPU; slow, for tests)")
            { Choices = ["auto", "cpu", "gpu", "ilgpu-cpu"] },
        new("gpu_lanes", ParameterType.Integer, null, "GPU search only: threads per Monte Carlo chain, a power of two from 1 to 32 (default: the device's, 8 on CUDA; 1 = one thread per chain); results do not depend on it")
            { Min = 1, Max = DockingOptions.MaxGpuLanes, ItemCheck = v => DockingOptions.GpuLanesProblem(long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)) },
        new("threads", ParameterType.Integer, 1L, "Threads per ligand over the chains (0 = all cores); on a device, threads over ligands for merging and clustering; results do not depend on it") { Min = 0, Max = 1024 },
    ];

    /// <summary>The RNA-interaction models a predicted interface reads (rna_sequence without rna_complex); the
    /// receptor, complex and reference ligand are file parameters, hashed by the plan already.</summary>
    public IReadOnlyList<string> FilesRead(StageParameters parameters)
    {
        if (parameters.GetString("rna_sequence") == null || parameters.GetString("rna_complex") != null) return [];
        string models;
        try { models = parameters.GetString("rna_models") ?? TargetBuilder.DefaultModels(); }
        catch (DockingException) { return []; }
        return [Path.Combine(models, "rpi-pair", "model.json"), Path.Combine(models, "rpi-interface", "model.json")];
    }

    // One built engine per target per process: every shard a worker runs shares the receptor and its grid maps.
    private static readonly ConcurrentDictionary<string, Lazy<(DockTarget Target, DockingEngine Engine)>> Engines = new();

    public static (DockTarget Target, DockingEngine Engine) EngineFor(TargetDefinition definition, ScoringWeights weights, string scoring) =>
        Engines.GetOrAdd(definition.Hash() + ":" + scoring, _ => new(() =>
        {
            var target = TargetBuilder.Build(definition);
            return (target, new DockingEngine(target.Receptor, target.Box, weights));
        })).Value;

    public async Task<ShardResult> RunShardAsync(ShardContext ctx, string inputPath, string dataPath)
    {
        var p = ctx.Parameters;
        string deviceName = p.GetString("device")!;
        var batch = deviceName == "cpu" ? null : _openDevice?.Invoke(deviceName);
        if (batch == null && deviceName is "gpu" or "ilgpu-cpu") throw new ArgumentException($"device {deviceName}: this build has no GPU kernels for the dock stage; use auto or cpu");
        var definition = TargetDefinition.From(p);
        string scoring = p.GetString("scoring")!;
        var weights = scoring == "vinardo" ? ScoringWeights.VinardoDefault : ScoringWeights.Vina;
        var mode = p.GetString("mode")!;
        long seed = p.Has("seed") ? p.GetInt("seed") : ctx.Seed;
        int threads = (int)p.GetInt("threads");
        var options = new DockingOptions
        {
            Exhaustiveness = (int)p.GetInt("exhaustiveness"), NumPoses = (int)p.GetInt("num_poses"), Seed = seed,
            Mode = mode switch { "fast" => SearchMode.Fast, "detail" => SearchMode.Detail, "quick" => SearchMode.Quick, _ => SearchMode.Balance },
            MaxThreads = threads == 0 ? Environment.ProcessorCount : threads,
            Ranking = PoseRanker.Parse(p.GetString("ranking")!),
            GpuLanes = p.Has("gpu_lanes") ? (int)p.GetInt("gpu_lanes") : null,
        }.Validate();
        var (target, engine) = EngineFor(definition, weights, scoring);
        string device = batch?.Label ?? "cpu";

        await using var reader = await TableReader.OpenAsync(inputPath);
        if (!reader.HasField("pdbqt")) throw new InvalidDataException($"{inputPath}: no `pdbqt` column; the dock stage reads the prepare stage's output");
        await using var writer = await TableWriter.CreateAsync(dataPath, DockRows.Schema);
        var rows = new DockRows();
        long read = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            var cols = await reader.ReadRowGroupAsync(g, "id", "pdbqt");
            var id = (string?[])cols[0].Values; var pdbqt = (string?[])cols[1].Values;
            // On a device the row group's ligands are searched together; the rows are then written in input order either way.
            var searched = batch == null ? null : Search(batch, engine, options, id, pdbqt);
            for (int i = 0; i < id.Length; i++, read++)
            {
                ctx.Cancellation.ThrowIfCancellationRequested();
                var reason = searched == null
                    ? Dock(engine, target, options, id[i], pdbqt[i], mode, device, out var row)
                    : Row(target, options, id[i], searched[i].Ligand, searched[i].Result, searched[i].Error, mode, device, out row);
                if (reason != null) { ctx.Rejects.Add(new Reject(id[i], Path.GetFileName(inputPath), null, Reject.RawPreview(pdbqt[i]), ctx.StageName, reason)); continue; }
                rows.Add(row!);
                if (rows.Count == RowGroupRows) { await writer.WriteRowGroupAsync(rows.ToColumns()); rows.Clear(); }
            }
        }
        if (rows.Count > 0) await writer.WriteRowGroupAsync(rows.ToColumns());
        var written = writer.RowsWritten;
        return new ShardResult(read, written, await writer.CommitAsync());
    }

    /// <summary>Docks one ligand on the CPU engine; returns the reject reason, or null with the row.</summary>
    public static string? Dock(DockingEngine engine, DockTarget target, DockingOptions options, string? id, string? pdbqt, string mode, string device, out DockRow? row)
    {
        row = null;
        var (lig, error) = Parse(id, pdbqt);
        if (lig == null) return error;
        DockingResult result;
        try { result = engine.Dock(lig, options); }
        catch (Exception e) when (e is DockingException or FormatException) { return "dock: " + e.Message; }
        return Row(target, options, id, lig, result, null, mode, device, out row);
    }

    static (LigandModel? Ligand, string? Error) Parse(string? id, string? pdbqt)
    {
        if (string.IsNullOrEmpty(id)) return (null, "no id");
        if (string.IsNullOrWhiteSpace(pdbqt)) return (null, "no prepared ligand (empty pdbqt)");
        try { return (LigandReader.Parse(pdbqt.Split('\n').Select(l => l.TrimEnd('\r')).ToList(), id), null); }
        catch (Exception e) when (e is DockingException or FormatException) { return (null, "dock: " + e.Message); }
    }

    static (LigandModel? Ligand, DockingResult? Result, string? Error)[] Search(IBatchDocker batch, DockingEngine engine, DockingOptions options, string?[] id, string?[] pdbqt)
    {
        var parsed = id.Select((x, i) => Parse(x, pdbqt[i])).ToArray();
        var ok = Enumerable.Range(0, id.Length).Where(i => parsed[i].Ligand != null).ToList();
        var docked = ok.Count == 0 ? [] : batch.Dock(engine, ok.Select(i => parsed[i].Ligand!).ToList(), options);
        var output = parsed.Select(p => (p.Ligand, (DockingResult?)null, p.Error)).ToArray();
        for (int k = 0; k < ok.Count; k++)
            output[ok[k]] = (parsed[ok[k]].Ligand, docked[k].Result, docked[k].Error == null ? null : "dock: " + docked[k].Error);
        return output;
    }

    /// <summary>The output row of a searched ligand, or the reject reason.</summary>
    static string? Row(DockTarget target, DockingOptions options, string? id, LigandModel? lig, DockingResult? result, string? error, string mode, string device, out DockRow? row)
    {
        row = null;
        if (error != null || lig == null || result == null || id == null) return error ?? "dock: no result";
        if (result.Poses.Count == 0) return "dock: the search found no pose inside the box";
        var best = result.Poses[0];
        if (!float.IsFinite(best.Score)) return $"dock: non-finite score {best.Score} for the best pose";
        var heavy = Enumerable.Range(0, lig.AtomCount).Where(i => !AdType.IsHydrogen(lig.Ad[i])).ToList();
        double? occupancy = null;
        string contacts = "";
        if (target.Interface != null)
        {
            var (occ, hit) = InterfaceOccupancy.Of(target.Interface, best.X, best.Y, best.Z, heavy);
            occupancy = occ;
            contacts = string.Join(",", hit);
        }
        var sdf = new StringBuilder();
        PoseWriters.AppendSdf(sdf, id, lig, best, options.Seed, mode, device);
        row = new DockRow(id, best, result.Poses.Count, heavy.Count, lig.TorsionCount, sdf.ToString(), occupancy, contacts, options.Seed, mode, device);
        return null;
    }
}
