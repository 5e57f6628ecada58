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
public sealed class DockStage : IMapStage
{
    public string Kind => "dock";
    public string Description => "Dock prepared ligands into the target's pocket (Vina-compatible scoring and search); best pose, energy terms, RNA-interface occupancy";
    public string Version => "1";
    public StageShape Shape => StageShape.Map;

    private const int RowGroupRows = 1_024;

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        .. TargetDefinition.Parameters,
        new("exhaustiveness", ParameterType.Integer, 8L, "Independent Monte Carlo chains per ligand (Vina's exhaustiveness)") { Min = 1, Max = 1024 },
        new("mode", ParameterType.String, "balance", "Search budget: fast (¼ of Vina's steps), balance (Vina's), detail (2×)") { Choices = ["fast", "balance", "detail"] },
        new("seed", ParameterType.Integer, null, "Search seed (default: the workflow's seed); the same seed gives the same bytes") { Min = 0 },
        new("num_poses", ParameterType.Integer, 9L, "Poses kept per ligand (the best is written; the count is in dock_poses)") { Min = 1, Max = 100 },
        new("scoring", ParameterType.String, "vina", "Scoring function") { Choices = ["vina", "vinardo"] },
        new("device", ParameterType.String, "auto", "auto or cpu (GPU kernels are not wired into the stage yet; gpu is refused)") { Choices = ["auto", "cpu", "gpu"] },
        new("threads", ParameterType.Integer, 1L, "Threads per ligand over the chains (0 = all cores); results do not depend on it") { Min = 0, Max = 1024 },
    ];

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
        if (p.GetString("device") == "gpu") throw new ArgumentException("device gpu: the dock stage has no GPU path in this build; use auto or cpu");
        var definition = TargetDefinition.From(p);
        string scoring = p.GetString("scoring")!;
        var weights = scoring == "vinardo" ? ScoringWeights.VinardoDefault : ScoringWeights.Vina;
        var mode = p.GetString("mode")!;
        long seed = p.Has("seed") ? p.GetInt("seed") : ctx.Seed;
        int threads = (int)p.GetInt("threads");
        var options = new DockingOptions
        {
            Exhaustiveness = (int)p.GetInt("exhaustiveness"), NumPoses = (int)p.GetInt("num_poses"), Seed = seed,
            Mode = mode switch { "fast" => SearchMode.Fast, "detail" => SearchMode.Detail, _ => SearchMode.Balance },
            MaxThreads = threads == 0 ? Environment.ProcessorCount : threads,
        }.Validate();
        var (target, engine) = EngineFor(definition, weights, scoring);
        const string device = "cpu";

        await using var reader = await TableReader.OpenAsync(inputPath);
        if (!reader.HasField("pdbqt")) throw new InvalidDataException($"{inputPath}: no `pdbqt` column; the dock stage reads the prepare stage's output");
        await using var writer = await TableWriter.CreateAsync(dataPath, DockRows.Schema);
        var rows = new DockRows();
        long read = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            var cols = await reader.ReadRowGroupAsync(g, "id", "pdbqt");
            var id = (string?[])cols[0].Values; var pdbqt = (string?[])cols[1].Values;
            for (int i = 0; i < id.Length; i++, read++)
            {
                ctx.Cancellation.ThrowIfCancellationRequested();
                var reason = Dock(engine, target, options, id[i], pdbqt[i], mode, device, out var row);
                if (reason != null) { ctx.Rejects.Add(new Reject(id[i], Path.GetFileName(inputPath), null, Reject.RawPreview(pdbqt[i]), ctx.StageName, reason)); continue; }
                rows.Add(row!);
                if (rows.Count == RowGroupRows) { await writer.WriteRowGroupAsync(rows.ToColumns()); rows.Clear(); }
            }
        }
        if (rows.Count > 0) await writer.WriteRowGroupAsync(rows.ToColumns());
        var written = writer.RowsWritten;
        return new ShardResult(read, written, await writer.CommitAsync());
    }

    /// <summary>Docks one ligand; returns the reject reason, or null with the row.</summary>
    public static string? Dock(DockingEngine engine, DockTarget target, DockingOptions options, string? id, string? pdbqt, string mode, string device, out DockRow? row)
    {
        row = null;
        if (string.IsNullOrEmpty(id)) return "no id";
        if (string.IsNullOrWhiteSpace(pdbqt)) return "no prepared ligand (empty pdbqt)";
        LigandModel lig;
        DockingResult result;
        try
        {
            lig = LigandReader.Parse(pdbqt.Split('\n').Select(l => l.TrimEnd('\r')).ToList(), id);
            result = engine.Dock(lig, options);
        }
        catch (Exception e) when (e is DockingException or FormatException) { return "dock: " + e.Message; }
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
