using System.Text.Json;
using MolScreen.Core.Shards;

namespace MolScreen.Ranking.Report;

/// <summary>Per-stage accounting of the run for the report, from run.json (as the finalizer is about to write it) and the shard manifests.</summary>
public sealed record RunSummary(string Workflow, string WorkflowHash, string MolScreenVersion, int Seed, IReadOnlyList<RunSummary.Stage> Stages)
{
    public sealed record Stage(string Name, string Kind, int Shards, long In, long Out, long Rejected, double WallSeconds, string Hosts, DateTime? Finished);

    public static RunSummary Parse(string runJson, string outDir)
    {
        using var doc = JsonDocument.Parse(runJson);
        var root = doc.RootElement;
        string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        var stages = new List<Stage>();
        foreach (var s in root.GetProperty("stages").EnumerateArray())
        {
            var name = Str(s, "stage");
            var shards = s.GetProperty("shards").GetInt32();
            var layout = new ShardLayout(outDir, name);
            var manifests = Enumerable.Range(0, shards).Select(layout.Manifest).Where(m => m != null).ToList();
            stages.Add(new Stage(name, Str(s, "kind"), shards, s.GetProperty("in").GetInt64(), s.GetProperty("out").GetInt64(), s.GetProperty("rejected").GetInt64(),
                s.GetProperty("wall_seconds").GetDouble(), string.Join(", ", manifests.Select(m => m!.Host ?? "?").Distinct().Order()),
                manifests.Count > 0 ? manifests.Max(m => m!.FinishedUtc) : null));
        }
        return new RunSummary(Str(root, "workflow_name"), Str(root, "workflow_hash"), Str(root, "molscreen_version"),
            root.TryGetProperty("seed", out var seed) ? seed.GetInt32() : 0, stages);
    }
}
