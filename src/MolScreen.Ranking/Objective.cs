using System.Globalization;

namespace MolScreen.Ranking;

public enum Direction { Minimize, Maximize }

/// <summary>A Pareto objective: a column and whether lower or higher is better ("dock_score:min").</summary>
public sealed record Objective(string Column, Direction Direction)
{
    public static Objective Parse(string text)
    {
        var p = text.Split(':', StringSplitOptions.TrimEntries);
        if (p.Length != 2 || p[0].Length == 0) throw new ArgumentException($"objectives: '{text}' should be COLUMN:min or COLUMN:max");
        return new Objective(p[0], ParseDirection(p[1], text, "objectives"));
    }

    internal static Direction ParseDirection(string s, string text, string param) => s switch
    {
        "min" => Direction.Minimize,
        "max" => Direction.Maximize,
        _ => throw new ArgumentException($"{param}: '{text}': direction must be min or max, got '{s}'"),
    };

    /// <summary>The value oriented so that larger is always better; a missing value is the worst possible.</summary>
    public double Oriented(double? value) => value is { } v ? Direction == Direction.Maximize ? v : -v : double.NegativeInfinity;
}

/// <summary>
/// A Derringer–Suich one-sided desirability term, "COLUMN:DIR:A:B:WEIGHT" with A &lt; B. For max,
/// d = 0 at or below A, 1 at or above B; for min, d = 1 at or below A, 0 at or above B; linear in
/// between (Derringer's exponent s = 1). The terms combine as a weighted geometric mean.
/// </summary>
public sealed record DesirabilityTerm(string Column, Direction Direction, double Low, double High, double Weight)
{
    public static DesirabilityTerm Parse(string text)
    {
        var p = text.Split(':', StringSplitOptions.TrimEntries);
        if (p.Length != 5) throw new ArgumentException($"desirability: '{text}' should be COLUMN:min|max:A:B:WEIGHT (e.g. dock_score:min:-11:-6:3)");
        double Num(string s, string what) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v : throw new ArgumentException($"desirability: '{text}': {what} must be a number, got '{s}'");
        var t = new DesirabilityTerm(p[0], Objective.ParseDirection(p[1], text, "desirability"), Num(p[2], "A"), Num(p[3], "B"), Num(p[4], "WEIGHT"));
        if (!(t.Low < t.High)) throw new ArgumentException($"desirability: '{text}': A must be below B");
        if (t.Weight <= 0) throw new ArgumentException($"desirability: '{text}': WEIGHT must be positive");
        if (t.Column.Length == 0) throw new ArgumentException($"desirability: '{text}': missing column");
        return t;
    }

    public double Of(double y)
    {
        var up = Math.Clamp((y - Low) / (High - Low), 0, 1);
        return Direction == Direction.Maximize ? up : 1 - up;
    }
}

public static class Desirability
{
    /// <summary>
    /// Overall desirability D = Π dᵢ^(wᵢ/Σw) over the terms whose value this compound has (a term
    /// without a value is left out, not scored as 0: absent is not the same as bad). 0 if any dᵢ is 0;
    /// null when no term applies.
    /// </summary>
    public static double? Combine(IReadOnlyList<DesirabilityTerm> terms, Func<string, double?> value)
    {
        double logSum = 0, weights = 0;
        foreach (var t in terms)
        {
            if (value(t.Column) is not { } y) continue;
            var d = t.Of(y);
            weights += t.Weight;
            if (d <= 0) { logSum = double.NegativeInfinity; continue; }
            logSum += t.Weight * Math.Log(d);
        }
        return weights == 0 ? null : Math.Exp(logSum / weights);
    }
}
