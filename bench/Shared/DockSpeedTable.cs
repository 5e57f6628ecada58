using System.Globalization;
using System.Text;

namespace MolScreen.Testing;

/// <summary>
/// The docking speed table of docs/benchmarks.md, written from the committed per-complex rows. The test that guards the
/// published figures renders the same text and compares it with the document, so the two cannot drift apart.
/// </summary>
public static class DockSpeedTable
{
    public static string Markdown(IEnumerable<DockSpeedSummary> runs)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("| seed | mode | complexes | top-1 < 2 Å ours / Vina | speed-up per complex: median [IQR] | range | both solve: n, speed-up of summed times | total time speed-up |\n");
        sb.Append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var s in runs)
            sb.Append(string.Create(inv,
                $"| {s.Seed} | {s.Mode} | {s.Complexes} | {s.OursSolved} / {s.VinaSolved} | {s.MedianSpeedup:F1}× [{s.LowerQuartile:F1}–{s.UpperQuartile:F1}] | {s.MinSpeedup:F1}–{s.MaxSpeedup:F1}× | {s.BothSolved}, {s.BothSolvedSpeedup:F1}× | {s.TotalSpeedup:F1}× |\n"));
        return sb.ToString();
    }
}
