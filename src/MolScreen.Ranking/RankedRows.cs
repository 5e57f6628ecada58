using MolScreen.Core.IO;
using Parquet.Schema;

namespace MolScreen.Ranking;

/// <summary>
/// The rank stage's output (docs/parquet-schemas.md, "rank"): the ranking columns first, then every
/// column of the input and joined stages passed through (scores, flags, model versions), rank order.
/// </summary>
public static class RankedRows
{
    /// <summary>Columns the rank stage always writes, whatever the run has (null where the run lacks the input).</summary>
    public static readonly DataField[] Fixed =
    [
        new("id", typeof(string), false),
        new("rank", typeof(int), false),
        new("pareto_rank", typeof(int), false),
        new("desirability", typeof(double), true),
        new("dock_score", typeof(double), true),
        new("ligand_efficiency", typeof(double), true),
        new("interface_occupancy", typeof(double), true),
        new("novelty", typeof(double), true),
        new("filter_failures", typeof(int), true),
        new("cluster", typeof(int), false),
        new("cluster_size", typeof(int), false),
        new("in_top", typeof(bool), false),
        new("rationale", typeof(string), false),
        new("canonical_smiles", typeof(string), false),
        new("seed", typeof(int), false),
    ];

    private const int RowGroupRows = 8_192;

    public static async Task<FileDigest> WriteAsync(string path, CandidateTable t, Ranking ranking, int seed, RankSettings settings)
    {
        var fixedNames = Fixed.Select(f => f.Name).ToHashSet();
        var passThrough = t.Columns.Where(c => !fixedNames.Contains(c.Name)).ToList();
        // List columns (interface_contacts) are written comma-joined: one flat, portable string.
        var fields = Fixed.Concat(passThrough.Select(c => new DataField(c.Name, c.Type == typeof(string[]) ? typeof(string) : c.Type, true))).ToArray();
        var schema = new ParquetSchema(fields);
        var metadata = new Dictionary<string, string>
        {
            ["molscreen.rank.objectives"] = string.Join(",", ranking.ObjectivesUsed.Select(o => $"{o.Column}:{(o.Direction == Direction.Minimize ? "min" : "max")}")),
            ["molscreen.rank.desirability"] = string.Join(",", ranking.TermsUsed.Select(d => d.Column)),
            ["molscreen.rank.top_n"] = settings.TopN.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await using var w = await TableWriter.CreateAsync(path, schema, metadata);
        for (int start = 0; start < ranking.Count; start += RowGroupRows)
        {
            var part = ranking.Compounds.Skip(start).Take(RowGroupRows).ToList();
            double? Num(string col, RankedCompound c) => t[col]?.Number(c.Row);
            var cols = new List<ColumnData>
            {
                new(fields[0], part.Select(c => (string?)t.Ids[c.Row]).ToArray()),
                new(fields[1], part.Select(c => c.Rank).ToArray()),
                new(fields[2], part.Select(c => c.ParetoRank).ToArray()),
                new(fields[3], part.Select(c => c.Desirability).ToArray()),
                new(fields[4], part.Select(c => Num("dock_score", c)).ToArray()),
                new(fields[5], part.Select(c => Num("ligand_efficiency", c)).ToArray()),
                new(fields[6], part.Select(c => Num("interface_occupancy", c)).ToArray()),
                new(fields[7], part.Select(c => Num("novelty", c)).ToArray()),
                new(fields[8], part.Select(c => Num("filter_failures", c) is { } f ? (int?)f : null).ToArray()),
                new(fields[9], part.Select(c => c.Cluster).ToArray()),
                new(fields[10], part.Select(c => c.ClusterSize).ToArray()),
                new(fields[11], part.Select(c => c.InTop).ToArray()),
                new(fields[12], part.Select(c => (string?)c.Rationale).ToArray()),
                new(fields[13], part.Select(c => t["canonical_smiles"]!.Values[c.Row] as string).ToArray()),
                new(fields[14], part.Select(_ => seed).ToArray()),
            };
            for (int k = 0; k < passThrough.Count; k++)
                cols.Add(new(fields[Fixed.Length + k], Typed(passThrough[k], part)));
            await w.WriteRowGroupAsync(cols);
        }
        return await w.CommitAsync();
    }

    /// <summary>A boxed column as the nullable typed array ParquetColumns writes.</summary>
    private static Array Typed(CandidateColumn c, List<RankedCompound> rows)
    {
        T?[] Val<T>() where T : struct => rows.Select(r => c.Values[r.Row] is T v ? (T?)v : null).ToArray();
        if (c.Type == typeof(string)) return rows.Select(r => c.Values[r.Row] as string).ToArray();
        if (c.Type == typeof(string[])) return rows.Select(r => c.Values[r.Row] is string[] a ? string.Join(",", a) : null).ToArray();
        if (c.Type == typeof(byte[])) return rows.Select(r => c.Values[r.Row] as byte[]).ToArray();
        if (c.Type == typeof(double)) return Val<double>();
        if (c.Type == typeof(float)) return Val<float>();
        if (c.Type == typeof(long)) return Val<long>();
        if (c.Type == typeof(int)) return Val<int>();
        if (c.Type == typeof(bool)) return Val<bool>();
        throw new NotSupportedException($"column '{c.Name}': unsupported type {c.Type.Name}");
    }
}
