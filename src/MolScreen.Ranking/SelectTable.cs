using MolScreen.Core.IO;
using MolScreen.Core.Stages;
using Parquet.Schema;

namespace MolScreen.Ranking;

/// <summary>
/// The select stage's rows: every row of its input stage (all flat columns, kept to be written back) and the
/// columns the filter and ordering read, looked up by `id` in the input or else in the joined stages.
/// </summary>
internal sealed class SelectTable
{
    private readonly DataField[] _fields;
    private readonly List<Array[]> _groups = [];
    private readonly List<(int Group, int Row)> _where = [];
    private readonly Dictionary<string, object?[]> _values = new(StringComparer.Ordinal);

    public List<string> Ids { get; } = [];
    public int Rows => Ids.Count;

    private SelectTable(DataField[] fields) => _fields = fields;

    public object? Value(string column, int row) => _values.TryGetValue(column, out var v) ? v[row] : null;

    public static async Task<SelectTable> LoadAsync(StageShards input, IReadOnlyList<StageShards> joins, IReadOnlyList<string> needed, CancellationToken ct)
    {
        DataField[]? fields = null;
        SelectTable? t = null;
        foreach (var path in input.DataPaths)
        {
            await using var r = await TableReader.OpenAsync(path);
            fields ??= r.Schema.DataFields;
            t ??= new SelectTable(fields);
            if (!r.Schema.DataFields.Select(f => f.Name).SequenceEqual(fields.Select(f => f.Name)))
                throw new InvalidDataException($"{path}: its columns differ from the first shard of stage '{input.Stage}'");
            for (int g = 0; g < r.RowGroupCount; g++)
            {
                ct.ThrowIfCancellationRequested();
                var cols = (await r.ReadRowGroupAsync(g)).Select(c => c.Values).ToArray();
                var ids = (string?[])cols[Array.FindIndex(fields, f => f.Name == "id")];
                for (int i = 0; i < ids.Length; i++) { t.Ids.Add(ids[i] ?? throw new InvalidDataException($"{path}: a row has no id")); t._where.Add((t._groups.Count, i)); }
                t._groups.Add(cols);
            }
        }
        t ??= new SelectTable([]);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < t.Ids.Count; i++) index.TryAdd(t.Ids[i], i);
        var missing = new List<string>();
        foreach (var col in needed.Distinct())
        {
            int at = Array.FindIndex(t._fields, f => f.Name == col);
            if (at >= 0) t._values[col] = t._where.Select(w => Normalize(t._groups[w.Group][at].GetValue(w.Row))).ToArray();
            else missing.Add(col);
        }
        foreach (var join in joins)
            foreach (var path in join.DataPaths)
            {
                await using var r = await TableReader.OpenAsync(path);
                var here = missing.Where(r.HasField).ToList();
                if (here.Count == 0) continue;
                for (int g = 0; g < r.RowGroupCount; g++)
                {
                    var cols = await r.ReadRowGroupAsync(g, ["id", .. here]);
                    var ids = (string?[])cols[0].Values;
                    for (int c = 0; c < here.Count; c++)
                    {
                        var target = t._values.TryGetValue(here[c], out var v) ? v : t._values[here[c]] = new object?[t.Rows];
                        for (int i = 0; i < ids.Length; i++)
                            if (ids[i] != null && index.TryGetValue(ids[i]!, out var row)) target[row] = Normalize(cols[c + 1].Values.GetValue(i));
                    }
                }
            }
        var absent = missing.Where(c => !t._values.ContainsKey(c)).ToList();
        if (absent.Count > 0 && t.Rows > 0)
            throw new InvalidDataException($"select: column(s) {string.Join(", ", absent)} are neither in stage '{input.Stage}' nor in a joined stage (join the stage that has them)");
        return t;
    }

    /// <summary>Numbers as double (NaN as missing), booleans as bool, fingerprints as bytes.</summary>
    private static object? Normalize(object? v) => v switch
    {
        null => null,
        double d => double.IsNaN(d) ? null : d,
        float f => float.IsNaN(f) ? null : (double)f,
        int i => (double)i,
        long l => (double)l,
        short s => (double)s,
        bool b => b,
        byte[] bytes => bytes,
        _ => null,
    };

    /// <summary>Writes the kept rows, in input order, split evenly over the output shards.</summary>
    public async Task<IReadOnlyList<ShardResult>> WriteAsync(IReadOnlyList<int> keep, IReadOnlyList<string> paths)
    {
        var schema = new ParquetSchema(_fields);
        var results = new List<ShardResult>();
        for (int k = 0; k < paths.Count; k++)
        {
            int from = (int)((long)k * keep.Count / paths.Count), to = (int)((long)(k + 1) * keep.Count / paths.Count);
            await using var w = await TableWriter.CreateAsync(paths[k], schema);
            if (to > from)
            {
                var cols = new ColumnData[_fields.Length];
                for (int c = 0; c < _fields.Length; c++)
                {
                    var first = _groups[_where[keep[from]].Group][c];
                    var a = Array.CreateInstance(first.GetType().GetElementType()!, to - from);
                    for (int j = from; j < to; j++) { var (g, r) = _where[keep[j]]; a.SetValue(_groups[g][c].GetValue(r), j - from); }
                    cols[c] = new ColumnData(_fields[c], a);
                }
                await w.WriteRowGroupAsync(cols);
            }
            results.Add(new ShardResult(to - from, to - from, await w.CommitAsync()));
        }
        return results;
    }
}
