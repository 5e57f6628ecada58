using MathNet.Numerics.Statistics;

namespace MolScreen.Testing;

/// <summary>
/// Speed and success of one docking run (one seed) against Vina in the same run. The per-complex speed-ups are
/// summarised robustly (median and interquartile range, R-7 quantiles as in numpy and R's default) because the total
/// time ratio is dominated by the few complexes on which Vina runs longest.
/// </summary>
public sealed record DockSpeedSummary(
    int Seed, string Mode, int Complexes, int OursSolved, int VinaSolved,
    double MedianSpeedup, double LowerQuartile, double UpperQuartile, double MinSpeedup, double MaxSpeedup,
    int BothSolved, double BothSolvedSpeedup, double BothSolvedMedianSpeedup, double TotalSpeedup)
{
    /// <summary>One summary per (seed, mode), in seed order.</summary>
    public static List<DockSpeedSummary> Of(IEnumerable<DockRunRow> rows) =>
        rows.GroupBy(r => (r.Seed, r.Mode)).OrderBy(g => g.Key.Seed).ThenBy(g => g.Key.Mode, StringComparer.Ordinal).Select(g => Summarize(g.ToList())).ToList();

    private static DockSpeedSummary Summarize(List<DockRunRow> run)
    {
        if (run.Select(r => r.Complex).Distinct().Count() != run.Count)
            throw new InvalidDataException($"seed {run[0].Seed}: a complex appears twice");
        var speedups = run.Select(r => r.Speedup).ToArray();
        var both = run.Where(r => r.OursSolved && r.VinaSolved).ToList();
        return new DockSpeedSummary(run[0].Seed, run[0].Mode, run.Count, run.Count(r => r.OursSolved), run.Count(r => r.VinaSolved),
            Statistics.Median(speedups),
            Statistics.QuantileCustom(speedups, 0.25, QuantileDefinition.R7), Statistics.QuantileCustom(speedups, 0.75, QuantileDefinition.R7),
            speedups.Min(), speedups.Max(),
            both.Count, TotalRatio(both), both.Count > 0 ? Statistics.Median(both.Select(r => r.Speedup)) : double.NaN,
            TotalRatio(run));
    }

    /// <summary>Vina's summed time over ours on the same complexes.</summary>
    private static double TotalRatio(IReadOnlyCollection<DockRunRow> rows) =>
        rows.Count == 0 ? double.NaN : rows.Sum(r => r.VinaSeconds) / rows.Sum(r => r.OursSeconds);
}
