using MolScreen.Core.IO;
using MolScreen.Core.Stages;
using Parquet.Schema;

namespace MolScreen.Ranking;

/// <summary>One column of the candidate table: where it came from and one value per candidate (null when absent).</summary>
public sealed class CandidateColumn(string name, Type type, string stage, int rows)
{
    public string Name { get; } = name;
    /// <summary>The non-nullable CLR type of the values: string, byte[], double, float, long, int, bool, or string[] (a list column).</summary>
    public Type Type { get; } = type;
    public string Stage { get; } = stage;
    public object?[] Values { get; } = new object?[rows];

    public double? Number(int row) => Values[row] switch
    {
        double d => d, float f => f, int i => i, long l => l, bool b => b ? 1 : 0, _ => null,
    };

    public bool IsNumeric => Type == typeof(double) || Type == typeof(float) || Type == typeof(int) || Type == typeof(long);
}

/// <summary>
/// Every row of a reduce stage's input, with the columns of the joined stages looked up by `id`.
/// Columns are read by name, so stages that are absent (no docking, no predictions) are simply
/// columns that are not there. A joined column whose name is already taken is kept as STAGE_NAME.
/// </summary>
public sealed class CandidateTable
{
    private readonly Dictionary<string, CandidateColumn> _byName = new(StringComparer.Ordinal);
    public IReadOnlyList<string> Ids { get; }
    public List<CandidateColumn> Columns { get; } = new();
    /// <summary>Input rows that could not become candidates, with the reason (duplicate ids).</summary>
    public IReadOnlyList<(string? Id, string Reason)> Dropped { get; }
    /// <summary>Rows read from the input stage (= candidates + dropped).</summary>
    public long InputRows { get; }
    /// <summary>Per joined stage, the ids that stage has no row for.</summary>
    public Dictionary<string, HashSet<string>> MissingInJoin { get; } = new();

    public int Count => Ids.Count;
    public CandidateColumn? this[string name] => _byName.GetValueOrDefault(name);
    public bool Has(string name) => _byName.ContainsKey(name);

    private CandidateTable(List<string> ids, List<(string?, string)> dropped, long inputRows)
    {
        Ids = ids; Dropped = dropped; InputRows = inputRows;
    }

    public static async Task<CandidateTable> LoadAsync(StageShards input, IReadOnlyList<StageShards> joins, CancellationToken ct)
    {
        var main = await StageRows.ReadAsync(input, ct);
        var ids = new List<string>();
        var dropped = new List<(string?, string)>();
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var keep = new List<int>();
        for (int r = 0; r < main.Ids.Count; r++)
        {
            var id = main.Ids[r];
            if (string.IsNullOrEmpty(id)) { dropped.Add((id, $"row without an id in stage '{input.Stage}'")); continue; }
            if (!rowOf.TryAdd(id, ids.Count)) { dropped.Add((id, $"duplicate id in stage '{input.Stage}' (first occurrence kept)")); continue; }
            ids.Add(id);
            keep.Add(r);
        }
        var table = new CandidateTable(ids, dropped, main.Ids.Count);
        foreach (var (name, type, values) in main.Columns)
        {
            var col = table.Add(name, type, input.Stage);
            for (int i = 0; i < keep.Count; i++) col.Values[i] = values[keep[i]];
        }
        foreach (var join in joins)
        {
            var rows = await StageRows.ReadAsync(join, ct);
            var at = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int r = 0; r < rows.Ids.Count; r++)
                if (rows.Ids[r] is { } id) at.TryAdd(id, r);
            table.MissingInJoin[join.Stage] = ids.Where(id => !at.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
            foreach (var (column, type, values) in rows.Columns)
            {
                var name = table.Has(column) ? $"{join.Stage}_{column}" : column;
                if (table.Has(name)) continue;
                var col = table.Add(name, type, join.Stage);
                for (int i = 0; i < ids.Count; i++)
                    if (at.TryGetValue(ids[i], out var r)) col.Values[i] = values[r];
            }
        }
        return table;
    }

    /// <summary>Adds a computed column (ligand efficiency, novelty...).</summary>
    public CandidateColumn AddComputed(string name, Type type)
    {
        var col = new CandidateColumn(name, type, "rank", Count);
        Columns.Add(col);
        _byName[name] = col;
        return col;
    }

    private CandidateColumn Add(string name, Type type, string stage)
    {
        var col = new CandidateColumn(name, type, stage, Count);
        Columns.Add(col);
        _byName[name] = col;
        return col;
    }
}

/// <summary>
/// All rows of all shards of one stage, columns boxed: flat columns, and lists of strings (such as
/// dock's interface_contacts) as string[]; other nested columns are skipped.
/// </summary>
internal sealed class StageRows
{
    public List<string?> Ids { get; } = new();
    public List<(string Name, Type Type, List<object?> Values)> Columns { get; } = new();

    public static Type ValueType(DataField f) =>
        f.ClrType == typeof(ReadOnlyMemory<char>) ? typeof(string) : f.ClrType == typeof(ReadOnlyMemory<byte>) ? typeof(byte[]) : f.ClrType;

    private static readonly Type[] Supported = [typeof(string), typeof(byte[]), typeof(double), typeof(float), typeof(long), typeof(int), typeof(bool)];

    public static async Task<StageRows> ReadAsync(StageShards stage, CancellationToken ct)
    {
        var rows = new StageRows();
        foreach (var path in stage.DataPaths)
        {
            ct.ThrowIfCancellationRequested();
            await using var r = await TableReader.OpenAsync(path);
            if (!r.HasField("id")) throw new InvalidDataException($"{path}: stage '{stage.Stage}' output has no `id` column");
            // Flat columns only: a list column's leaf is not one value per row.
            var flat = r.Schema.Fields.OfType<DataField>().Where(f => f.Name != "id" && Supported.Contains(ValueType(f))).Select(f => (f.Name, ValueType(f)));
            var lists = r.StringListFields.Select(name => (name, typeof(string[])));
            if (rows.Columns.Count == 0 && rows.Ids.Count == 0) rows.Columns.AddRange(flat.Concat(lists).Select(c => (c.Item1, c.Item2, new List<object?>())));
            for (int g = 0; g < r.RowGroupCount; g++)
            {
                var ids = (string?[])(await r.ReadRowGroupAsync(g, "id"))[0].Values;
                foreach (var (name, type, values) in rows.Columns)
                {
                    Array col = type == typeof(string[])
                        ? r.StringListFields.Contains(name) ? await r.ReadStringListsAsync(g, name) : new object?[ids.Length]
                        : r.HasField(name) ? (await r.ReadRowGroupAsync(g, name))[0].Values : new object?[ids.Length];
                    for (int i = 0; i < col.Length; i++) values.Add(col.GetValue(i));
                }
                rows.Ids.AddRange(ids);
            }
        }
        return rows;
    }
}
