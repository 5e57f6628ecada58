using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace MolScreen.Core.IO;

/// <summary>One column of one row group: a Parquet field and its values as a typed array.</summary>
public sealed record ColumnData(DataField Field, Array Values)
{
    public int Length => Values.Length;
}

/// <summary>
/// The one place that maps our column arrays onto Parquet.Net 6's generic read/write calls.
/// Supported value arrays: string?[], byte[]?[], and T[] or T?[] for long, int, double, float, bool.
/// </summary>
public static class ParquetColumns
{
    public static Task WriteAsync(ParquetRowGroupWriter rg, ColumnData c) => c.Values switch
    {
        string?[] s => rg.WriteAsync(c.Field, (IReadOnlyCollection<string>)s!, null),
        byte[]?[] b => rg.WriteAsync(c.Field, (IReadOnlyCollection<byte[]>)b!, null),
        long[] v => rg.WriteAsync<long>(c.Field, v, null, null, default),
        long?[] v => rg.WriteAsync<long>(c.Field, v, null, null, default),
        int[] v => rg.WriteAsync<int>(c.Field, v, null, null, default),
        int?[] v => rg.WriteAsync<int>(c.Field, v, null, null, default),
        double[] v => rg.WriteAsync<double>(c.Field, v, null, null, default),
        double?[] v => rg.WriteAsync<double>(c.Field, v, null, null, default),
        float[] v => rg.WriteAsync<float>(c.Field, v, null, null, default),
        float?[] v => rg.WriteAsync<float>(c.Field, v, null, null, default),
        bool[] v => rg.WriteAsync<bool>(c.Field, v, null, null, default),
        bool?[] v => rg.WriteAsync<bool>(c.Field, v, null, null, default),
        _ => throw new NotSupportedException($"column '{c.Field.Name}': unsupported array type {c.Values.GetType().Name}"),
    };

    public static async Task<Array> ReadAsync(ParquetRowGroupReader rg, DataField f)
    {
        int n = checked((int)rg.RowCount);
        var t = f.ClrType;
        // Parquet.Net 6 reports text and binary columns read from a file as ReadOnlyMemory<char/byte>.
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>)) { var a = new string?[n]; await rg.ReadAsync(f, a.AsMemory(), null); return a; }
        if (t == typeof(byte[]) || t == typeof(ReadOnlyMemory<byte>)) { var a = new byte[]?[n]; await rg.ReadAsync(f, a.AsMemory(), null); return a; }
        if (t == typeof(long)) return f.IsNullable ? await ReadNullable<long>(rg, f, n) : await ReadPlain<long>(rg, f, n);
        if (t == typeof(int)) return f.IsNullable ? await ReadNullable<int>(rg, f, n) : await ReadPlain<int>(rg, f, n);
        if (t == typeof(double)) return f.IsNullable ? await ReadNullable<double>(rg, f, n) : await ReadPlain<double>(rg, f, n);
        if (t == typeof(float)) return f.IsNullable ? await ReadNullable<float>(rg, f, n) : await ReadPlain<float>(rg, f, n);
        if (t == typeof(bool)) return f.IsNullable ? await ReadNullable<bool>(rg, f, n) : await ReadPlain<bool>(rg, f, n);
        throw new NotSupportedException($"column '{f.Name}': unsupported Parquet type {t.Name}");
    }

    /// <summary>
    /// Reads a list-of-strings column (a top-level Parquet LIST whose elements are strings, as
    /// DuckDB, Arrow and pandas write them) through its leaf field: one array per row; a null list
    /// is null, an empty one empty, null elements are left out.
    /// </summary>
    public static async Task<string[]?[]> ReadStringListsAsync(ParquetRowGroupReader rg, DataField leaf)
    {
        int n = checked((int)rg.RowCount);
        var rows = new string[]?[n];
        using var raw = await rg.ReadRawColumnDataBaseAsync(leaf);
        if (raw is not RawColumnData<ReadOnlyMemory<char>> text) throw new NotSupportedException($"column '{leaf.Path}': not a list of strings");
        // Dremel levels: repetition 0 starts a row; the full definition level marks a present element,
        // and the values hold only those, in order.
        var def = raw.DefinitionLevels.ToArray();
        var rep = raw.RepetitionLevels.ToArray();
        var values = text.Values.ToArray();
        int row = -1, v = 0, maxDef = leaf.MaxDefinitionLevel;
        var current = new List<string>();
        for (int e = 0; e < def.Length; e++)
        {
            if (rep[e] == 0)
            {
                if (row >= 0 && rows[row] != null) rows[row] = [.. current];
                row++;
                current.Clear();
                rows[row] = def[e] == 0 && maxDef >= 2 ? null : [];
            }
            if (def[e] == maxDef) current.Add(values[v++].ToString());
        }
        if (row >= 0 && rows[row] != null) rows[row] = [.. current];
        return rows;
    }

    private static async Task<Array> ReadPlain<T>(ParquetRowGroupReader rg, DataField f, int n) where T : struct
    {
        var a = new T[n]; await rg.ReadAsync<T>(f, a.AsMemory(), null); return a;
    }

    private static async Task<Array> ReadNullable<T>(ParquetRowGroupReader rg, DataField f, int n) where T : struct
    {
        var a = new T?[n]; await rg.ReadAsync<T>(f, a.AsMemory(), null); return a;
    }

    /// <summary>Formats one cell for display (inspect, logs); binary shows as length + hex prefix.</summary>
    /// <summary>A numeric column as doubles whatever its stored type; null becomes NaN.</summary>
    public static double[] AsDoubles(Array values) => values switch
    {
        double[] d => d,
        double?[] d => d.Select(x => x ?? double.NaN).ToArray(),
        float[] f => f.Select(x => (double)x).ToArray(),
        float?[] f => f.Select(x => x.HasValue ? x.Value : double.NaN).ToArray(),
        int[] i => i.Select(x => (double)x).ToArray(),
        int?[] i => i.Select(x => x.HasValue ? x.Value : double.NaN).ToArray(),
        long[] l => l.Select(x => (double)x).ToArray(),
        long?[] l => l.Select(x => x.HasValue ? x.Value : double.NaN).ToArray(),
        _ => throw new InvalidDataException($"column of {values.GetType().GetElementType()?.Name} values is not numeric"),
    };

    public static string Format(Array values, int row) => values.GetValue(row) switch
    {
        null => "null",
        byte[] b => $"<{b.Length} B {Convert.ToHexStringLower(b.AsSpan(0, Math.Min(8, b.Length)))}{(b.Length > 8 ? "…" : "")}>",
        double d => d.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        var o => Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
