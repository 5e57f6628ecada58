using System.Globalization;
using MolScreen.Core.IO;

namespace MolScreen.Ranking.Report;

/// <summary>One row of ranked.parquet as the report and the poses file see it.</summary>
public sealed record RankedRow(string Id, int Rank, int ParetoRank, double? Desirability, int Cluster, bool InTop,
    string Smiles, string Rationale, string? PoseSdf, IReadOnlyList<string> InterfaceContacts, IReadOnlyDictionary<string, double?> Numbers)
{
    public double? this[string column] => Numbers.GetValueOrDefault(column);

    /// <summary>Ranking and scores as SD properties: the values present only.</summary>
    public IEnumerable<(string Key, string Value)> SdProperties()
    {
        yield return ("rank", Rank.ToString(CultureInfo.InvariantCulture));
        yield return ("pareto_rank", ParetoRank.ToString(CultureInfo.InvariantCulture));
        if (Desirability is { } d) yield return ("desirability", d.ToString("0.####", CultureInfo.InvariantCulture));
        yield return ("cluster", Cluster.ToString(CultureInfo.InvariantCulture));
        foreach (var c in RankedTable.ScoreColumns)
            if (this[c] is { } v) yield return (c, v.ToString("0.####", CultureInfo.InvariantCulture));
        if (InterfaceContacts.Count > 0) yield return ("interface_contacts", string.Join(",", InterfaceContacts));
        yield return ("canonical_smiles", Smiles);
    }
}

/// <summary>ranked.parquet loaded for publishing: every row (for distributions) and the top list.</summary>
public sealed class RankedTable
{
    /// <summary>Scores the SD file and the table show when the run has them.</summary>
    public static readonly string[] ScoreColumns = ["dock_score", "ligand_efficiency", "interface_occupancy", "novelty", "filter_failures"];

    public required IReadOnlyList<RankedRow> All { get; init; }
    public required IReadOnlyList<RankedRow> Top { get; init; }
    /// <summary>Numeric columns with at least one value, in file order (ids, ranks and seeds excluded).</summary>
    public required IReadOnlyList<string> NumericColumns { get; init; }
    /// <summary>The Pareto objectives the rank stage used, as COLUMN:min|max.</summary>
    public required IReadOnlyList<string> Objectives { get; init; }

    private static readonly HashSet<string> NotScores = ["rank", "pareto_rank", "cluster", "cluster_size", "seed", "record_index"];

    public static async Task<RankedTable> LoadAsync(string path, int topN, CancellationToken ct)
    {
        await using var r = await TableReader.OpenAsync(path);
        var numeric = r.Schema.DataFields.Where(f => !NotScores.Contains(f.Name) &&
            (f.ClrType == typeof(double) || f.ClrType == typeof(float) || f.ClrType == typeof(int) || f.ClrType == typeof(long))).Select(f => f.Name).ToList();
        var rows = new List<RankedRow>();
        for (int g = 0; g < r.RowGroupCount; g++)
        {
            ct.ThrowIfCancellationRequested();
            var cols = (await r.ReadRowGroupAsync(g)).ToDictionary(c => c.Field.Name, c => c.Values);
            int n = cols["id"].Length;
            for (int i = 0; i < n; i++)
            {
                object? V(string c) => cols.TryGetValue(c, out var a) ? a.GetValue(i) : null;
                var numbers = numeric.ToDictionary(c => c, c => V(c) switch { double d => d, float f => f, int k => k, long l => (double?)l, _ => null });
                var contacts = V("interface_contacts") is string s ? s.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries) : [];
                rows.Add(new RankedRow((string)V("id")!, (int)V("rank")!, (int)V("pareto_rank")!, V("desirability") as double?, (int)V("cluster")!,
                    V("in_top") is true, V("canonical_smiles") as string ?? "", V("rationale") as string ?? "", V("pose_sdf") as string, contacts, numbers));
            }
        }
        rows.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        var objectives = r.Metadata.TryGetValue("molscreen.rank.objectives", out var o) && o.Length > 0 ? o.Split(',') : [];
        return new RankedTable
        {
            All = rows,
            Top = rows.Where(x => x.InTop).Take(topN).ToList(),
            NumericColumns = numeric.Where(c => rows.Any(x => x[c] != null)).ToList(),
            Objectives = objectives,
        };
    }
}
