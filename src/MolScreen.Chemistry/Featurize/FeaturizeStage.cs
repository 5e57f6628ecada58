using MolScreen.Chemistry.Filters;
using MolScreen.Chemistry.Molecules;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;

namespace MolScreen.Chemistry.Featurize;

/// <summary>
/// The featurize stage: standardize each ingested compound, name it (canonical SMILES, InChIKey),
/// compute descriptors, ECFP4 and filter flags. Filters flag by default; those listed in `drop_on`
/// send failing compounds to rejects with the filter names. Duplicates by InChIKey within a shard
/// go to rejects as "duplicate of ID". One OpenBabel thread per process: run it in worker processes.
/// </summary>
public sealed class FeaturizeStage : IMapStage
{
    public string Kind => "featurize";
    public string Description => "Standardize compounds; canonical SMILES, InChIKey, descriptors, ECFP4 and filter flags (OpenBabel + RDKit-compatible formulas)";
    public string Version => "1";
    public StageShape Shape => StageShape.Map;

    private static readonly string[] Filters = ["ro5", "veber", "pains", "reactive"];
    private const int RowGroupRows = 8_192;

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("drop_on", ParameterType.StringList, Array.Empty<string>(), "Filters whose failures go to rejects instead of only being flagged: ro5, veber, pains, reactive"),
        new("reactive_groups", ParameterType.StringList, ReactiveGroups.DefaultDefinitions, "Reactive/undesirable groups as name=SMARTS (default: MolScreen's built-in list)")
        {
            ItemCheck = ReactiveGroups.Check,
        },
        new("pains_families", ParameterType.StringList, new[] { "A", "B", "C" }, "PAINS families to flag (A, B, C)"),
        new("dedupe", ParameterType.Boolean, true, "Reject later duplicates (same InChIKey) within a shard"),
        new("max_heavy_atoms", ParameterType.Integer, 1000L, "Reject structures with more heavy atoms than this (all fragments, counted from the text before Open Babel parses it)") { Min = 1, Max = 100_000 },
    ];

    public async Task<ShardResult> RunShardAsync(ShardContext ctx, string inputPath, string dataPath)
    {
        var p = ctx.Parameters;
        var drop = p.GetStrings("drop_on").ToHashSet();
        foreach (var f in drop.Where(f => !Filters.Contains(f)))
            throw new ArgumentException($"drop_on: unknown filter '{f}' (expected {string.Join(", ", Filters)})");
        var families = p.GetStrings("pains_families").Select(f => Enum.TryParse<PainsFamily>(f, out var fam) ? fam
            : throw new ArgumentException($"pains_families: unknown family '{f}' (expected A, B, C)")).ToArray();
        var pains = families.Distinct().Count() == 3 ? PainsFilter.Default : PainsFilter.Load(PainsFilter.DefaultPath, families);
        var featurizer = new Featurizer(new ReactiveGroups(p.GetStrings("reactive_groups")), pains);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        long maxHeavy = p.GetInt("max_heavy_atoms");

        await using var reader = await TableReader.OpenAsync(inputPath);
        await using var writer = await TableWriter.CreateAsync(dataPath, FeatureRows.Schema);
        var rows = new FeatureRows();
        long read = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            var cols = await reader.ReadRowGroupAsync(g, "id", "format", "structure");
            var id = (string?[])cols[0].Values; var format = (string?[])cols[1].Values; var structure = (string?[])cols[2].Values;
            // name/source/record_index come with ingest's output; any other upstream may lack them.
            var name = await Optional<string?>(reader, g, "name", id.Length);
            var source = await Optional<string?>(reader, g, "source", id.Length);
            long?[] index = reader.HasField("record_index")
                ? (await Optional<long>(reader, g, "record_index", id.Length)).Select(x => (long?)x).ToArray()
                : new long?[id.Length];
            for (int i = 0; i < id.Length; i++, read++)
            {
                ctx.Cancellation.ThrowIfCancellationRequested();
                if (ctx.Guard.ShouldSkip(read))
                {
                    ctx.Rejects.Add(new Reject(id[i], source[i] ?? "", index[i], Reject.RawPreview(structure[i]), ctx.StageName, ctx.Guard.SkipReason(read)));
                    continue;
                }
                if (structure[i] is { } text && StructureSize.HeavyAtoms(format[i] ?? "smiles", text) is { } heavy && heavy > maxHeavy)
                {
                    ctx.Rejects.Add(new Reject(id[i], source[i] ?? "", index[i], Reject.RawPreview(structure[i]), ctx.StageName, $"{heavy} heavy atoms > max_heavy_atoms {maxHeavy}"));
                    continue;
                }
                ctx.Guard.Enter(read);
                CrashInjection.MaybeCrash(structure[i]!);
                var reason = Featurize(featurizer, format[i]!, structure[i]!, drop, seen, id[i]!, p.GetBool("dedupe"), out var features);
                if (reason != null)
                {
                    ctx.Rejects.Add(new Reject(id[i], source[i] ?? "", index[i], Reject.RawPreview(structure[i]), ctx.StageName, reason));
                    continue;
                }
                rows.Add(id[i]!, name[i], features!);
                if (rows.Count == RowGroupRows) { await writer.WriteRowGroupAsync(rows.ToColumns()); rows.Clear(); }
            }
        }
        if (rows.Count > 0) await writer.WriteRowGroupAsync(rows.ToColumns());
        var written = writer.RowsWritten;
        return new ShardResult(read, written, await writer.CommitAsync());
    }

    private static async Task<T[]> Optional<T>(TableReader reader, int group, string column, int rows) =>
        reader.HasField(column) ? (T[])(await reader.ReadRowGroupAsync(group, column))[0].Values : new T[rows];

    /// <summary>Returns the reject reason, or null with the features when the compound goes on.</summary>
    private static string? Featurize(Featurizer featurizer, string format, string structure, HashSet<string> drop,
        Dictionary<string, string> seen, string id, bool dedupe, out MoleculeFeatures? features)
    {
        features = null;
        MoleculeFeatures f;
        try { f = OpenBabel.ObThread.Run(() => featurizer.Compute(format, structure)); }
        catch (ChemistryException e) { return e.Message; }
        if (dedupe && !seen.TryAdd(f.InChIKey, id)) return $"duplicate of {seen[f.InChIKey]}";
        var failed = new List<string>();
        if (drop.Contains("ro5") && !f.PassRo5) failed.Add("ro5");
        if (drop.Contains("veber") && !f.PassVeber) failed.Add("veber");
        if (drop.Contains("pains") && !f.PassPains) failed.Add("pains");
        if (drop.Contains("reactive") && !f.PassReactive) failed.Add("reactive");
        if (failed.Count > 0) return $"filtered ({string.Join(", ", failed)}): {string.Join("; ", f.FilterReasons)}";
        features = f;
        return null;
    }
}
