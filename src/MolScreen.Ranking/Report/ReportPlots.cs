using ScottPlot;

namespace MolScreen.Ranking.Report;

/// <summary>The report's plots, drawn with ScottPlot as SVG documents (embedded as data URIs).</summary>
public static class ReportPlots
{
    private const int Width = 420, Height = 300;

    /// <summary>Histogram of one column over every ranked compound, with the top list's values marked.</summary>
    public static string Distribution(string column, IReadOnlyList<double> all, IReadOnlyList<double> top)
    {
        var plot = new Plot();
        var bins = Math.Clamp((int)Math.Sqrt(all.Count), 5, 40);
        // ScottPlot needs max > min: a column with one value everywhere (every pose touching the same interface
        // residues) gets a unit-wide range around it.
        double lo = all.Count > 0 ? all.Min() : 0, hi = all.Count > 0 ? all.Max() : 1;
        if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
        // ScottPlot's bins are half-open: a value equal to the upper edge would index one past the last bin.
        hi += (hi - lo) * 1e-6;
        var hist = ScottPlot.Statistics.Histogram.WithBinCount(bins, lo, hi);
        hist.AddRange(all);
        var bars = plot.Add.Histogram(hist);
        foreach (var v in top.Take(50))
        {
            var line = plot.Add.VerticalLine(v);
            line.LineWidth = 1;
            line.Color = Colors.OrangeRed.WithAlpha(0.5);
        }
        plot.Title(column);
        plot.XLabel(column);
        plot.YLabel("compounds");
        plot.Axes.Margins(bottom: 0);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>Two objectives against each other, front 1 highlighted: the trade-off the ranking made.</summary>
    /// <param name="connect">Join front 1 as a staircase: only when both axes are objectives.</param>
    public static string ParetoFront(string xName, string yName, IReadOnlyList<(double X, double Y, int Front)> points, bool connect)
    {
        var plot = new Plot();
        var rest = points.Where(p => p.Front > 1).ToArray();
        if (rest.Length > 0)
        {
            var s = plot.Add.ScatterPoints(rest.Select(p => p.X).ToArray(), rest.Select(p => p.Y).ToArray());
            s.Color = Colors.Gray.WithAlpha(0.5);
            s.MarkerSize = 4;
            s.LegendText = "later fronts";
        }
        var front = points.Where(p => p.Front == 1).OrderBy(p => p.X).ToArray();
        if (front.Length > 0)
        {
            var f = plot.Add.Scatter(front.Select(p => p.X).ToArray(), front.Select(p => p.Y).ToArray());
            f.Color = Colors.OrangeRed;
            f.MarkerSize = 7;
            f.LineWidth = connect ? 1 : 0;
            f.LegendText = $"Pareto front 1 ({front.Length})";
        }
        plot.Title("Pareto front");
        plot.XLabel(xName);
        plot.YLabel(yName);
        plot.ShowLegend();
        return plot.GetSvgXml(Width + 80, Height + 40);
    }

    /// <summary>How often each interface residue is contacted by the top compounds' best poses.</summary>
    public static string InterfaceResidues(IReadOnlyList<(string Residue, int Count)> counts)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(counts.Select(c => (double)c.Count).ToArray());
        bars.Color = Colors.SteelBlue;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, counts.Count).Select(i => (double)i).ToArray(), counts.Select(c => c.Residue).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Title("Interface residues (top poses)");
        plot.YLabel("top compounds in contact");
        plot.Axes.Margins(bottom: 0);
        return plot.GetSvgXml(Math.Max(Width, 24 * counts.Count + 120), Height);
    }
}
