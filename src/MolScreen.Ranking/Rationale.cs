using System.Globalization;

namespace MolScreen.Ranking;

/// <summary>
/// The plain-language line per compound ("rank 3: −9.8 kcal/mol (LE 0.41), covers 62% of the RNA
/// interface (R52, R53, K51), logS −3.1 ± 0.4, passes Ro5/PAINS"), built only from the values the
/// compound has: a run without docking says nothing about docking.
/// </summary>
public static class Rationale
{
    private static readonly (string Column, string Label)[] Filters =
        [("pass_ro5", "Ro5"), ("pass_veber", "Veber"), ("pass_pains", "PAINS"), ("pass_reactive", "reactive groups")];

    /// <summary>Display names of the predict stage's models; others show as their column prefix.</summary>
    private static readonly Dictionary<string, string> ModelLabels = new(StringComparer.Ordinal)
    {
        ["logs"] = "logS", ["logd"] = "logD", ["bbbp"] = "BBB+ p", ["herg"] = "hERG p",
    };

    public static string For(CandidateTable t, int row, int rank, int paretoRank, double? desirability, int cluster)
    {
        var parts = new List<string>();
        if (Num(t, "dock_score", row) is { } score)
        {
            var s = $"{Fmt(score, "0.0")} kcal/mol";
            if (Num(t, "ligand_efficiency", row) is { } le) s += $" (LE {Fmt(le, "0.00")})";
            parts.Add(s);
        }
        if (Num(t, "interface_occupancy", row) is { } occ)
        {
            var s = $"covers {Fmt(100 * occ, "0")}% of the RNA interface";
            var contacts = InterfaceContacts.Of(t, row);
            if (contacts.Count > 0) s += $" ({string.Join(", ", contacts.Take(6))}{(contacts.Count > 6 ? ", …" : "")})";
            parts.Add(s);
        }
        foreach (var model in Models(t))
        {
            if (Num(t, model + "_pred", row) is not { } pred) continue;
            var label = ModelLabels.GetValueOrDefault(model) ?? (model.StartsWith("tox21_", StringComparison.Ordinal) ? "Tox21 " + model[6..] + " p" : model);
            var s = $"{label} {Fmt(pred, Math.Abs(pred) < 1 ? "0.00" : "0.0")}";
            if (Num(t, model + "_std", row) is { } sd) s += $" ± {Fmt(sd, sd < 1 ? "0.0#" : "0.0")}";
            if (t[model + "_in_domain"]?.Values[row] is false) s += " (outside the model's domain)";
            parts.Add(s);
        }
        if (Num(t, "novelty", row) is { } nov) parts.Add($"novelty {Fmt(nov, "0.00")} (max Tanimoto {Fmt(1 - nov, "0.00")} to the reference set)");
        var passes = Filters.Where(f => t[f.Column]?.Values[row] is true).Select(f => f.Label).ToList();
        var fails = Filters.Where(f => t[f.Column]?.Values[row] is false).Select(f => f.Label).ToList();
        if (passes.Count > 0) parts.Add("passes " + string.Join("/", passes));
        if (fails.Count > 0) parts.Add("fails " + string.Join("/", fails));
        var standing = $"Pareto front {paretoRank}" + (desirability is { } d ? $", desirability {Fmt(d, "0.00")}" : "") + $", cluster {cluster}";
        return parts.Count == 0 ? $"rank {rank} ({standing})" : $"rank {rank}: {string.Join(", ", parts)} ({standing})";
    }

    /// <summary>Model names of the predict stage, found from its `MODEL_pred` columns.</summary>
    public static IEnumerable<string> Models(CandidateTable t) =>
        t.Columns.Where(c => c.Name.EndsWith("_pred", StringComparison.Ordinal) && c.IsNumeric).Select(c => c.Name[..^5]);

    private static double? Num(CandidateTable t, string column, int row) => t[column]?.Number(row);

    /// <summary>Invariant digits with a true minus sign, as a chemist would write it.</summary>
    public static string Fmt(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture).Replace('-', '−');
}

/// <summary>The dock stage's interface residue labels of a compound's best pose.</summary>
public static class InterfaceContacts
{
    public static IReadOnlyList<string> Of(CandidateTable t, int row) => t["interface_contacts"]?.Values[row] switch
    {
        string s => s.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        string[] a => a,
        _ => [],
    };
}
