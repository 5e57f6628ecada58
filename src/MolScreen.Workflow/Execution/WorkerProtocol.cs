using System.Globalization;

namespace MolScreen.Workflow.Execution;

/// <summary>
/// Line protocol between `molscreen run` and its `molscreen worker` processes, over the worker's
/// stdin/stdout. Request: "shard STAGE K". Replies: "ok STAGE K REUSED IN OUT REJ SECONDS" or
/// "err STAGE K MESSAGE" (message on one line). Anything else on stdout is ignored.
/// </summary>
public static class WorkerProtocol
{
    public static string Request(string stage, int shard) => $"shard {stage} {shard}";

    public static string Ok(ShardOutcome o) => string.Create(CultureInfo.InvariantCulture,
        $"ok {o.Stage} {o.Shard} {(o.Reused ? 1 : 0)} {o.In} {o.Out} {o.Rejected} {o.Seconds:F3}");

    public static string Error(string stage, int shard, string message) =>
        $"err {stage} {shard} {message.ReplaceLineEndings(" | ")}";

    public static bool TryParseRequest(string line, out string stage, out int shard)
    {
        var p = line.Split(' ');
        stage = p.Length == 3 && p[0] == "shard" ? p[1] : "";
        shard = -1;
        return p.Length == 3 && p[0] == "shard" && int.TryParse(p[2], CultureInfo.InvariantCulture, out shard);
    }

    /// <summary>Parses a reply; returns null for lines that are not replies.</summary>
    public static (ShardOutcome? Ok, string? Error)? TryParseReply(string line)
    {
        var p = line.Split(' ', 4);
        if (p.Length < 4 || !int.TryParse(p[2], CultureInfo.InvariantCulture, out var shard)) return null;
        if (p[0] == "err") return (null, p[3]);
        if (p[0] != "ok") return null;
        var v = line.Split(' ');
        if (v.Length != 8) return null;
        var inv = CultureInfo.InvariantCulture;
        return (new ShardOutcome(v[1], shard, v[3] == "1", long.Parse(v[4], inv), long.Parse(v[5], inv), long.Parse(v[6], inv), double.Parse(v[7], inv)), null);
    }
}
