using MolScreen.Core.IO;
using MolScreen.Workflow.Execution;

namespace MolScreen.Cli.Rendering;

/// <summary>Per-stage record accounting as a plain table (readable in a terminal and in logs alike).</summary>
public static class TotalsPrinter
{
    public static void Print(TextWriter w, IReadOnlyList<StageTotals> totals, bool withBalance)
    {
        w.WriteLine($"{"stage",-14} {"shards",11} {"in",10} {"out",10} {"rejected",10}  {(withBalance ? "check" : "")}");
        foreach (var t in totals)
        {
            var notes = new[] { t.ShardsFailed > 0 ? $"{t.ShardsFailed} failed" : null, t.ShardsInvalid > 0 ? $"{t.ShardsInvalid} invalid" : null }.OfType<string>().ToList();
            var shards = notes.Count > 0 ? $"{t.ShardsDone}/{t.Shards} ({string.Join(", ", notes)})" : $"{t.ShardsDone}/{t.Shards}";
            var check = !withBalance ? "" : t.Balanced ? $"in = out + rejected: {t.In} = {t.Out} + {t.Rejected} ok" : $"MISMATCH {t.In} != {t.Out} + {t.Rejected}";
            w.WriteLine($"{SafeText.ForDisplay(t.Stage),-14} {shards,11} {t.In,10} {t.Out,10} {t.Rejected,10}  {check}");
        }
    }
}
