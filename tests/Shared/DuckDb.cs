using DuckDB.NET.Data;

namespace MolScreen.Testing;

/// <summary>A second Parquet engine, so our files are checked by something other than the library that wrote them.</summary>
public sealed class DuckDb : IDisposable
{
    private readonly DuckDBConnection _conn = new("Data Source=:memory:");

    public DuckDb() => _conn.Open();

    public List<object?[]> Query(string sql)
    {
        using var cmd = _conn.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (int i = 0; i < r.FieldCount; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public long Scalar(string sql) => Convert.ToInt64(Query(sql)[0][0]);

    public (long, long) Pair(string sql)
    {
        var row = Query(sql)[0];
        return (Convert.ToInt64(row[0]), Convert.ToInt64(row[1]));
    }

    /// <summary>Column name → DuckDB type, as DESCRIBE reports it.</summary>
    public Dictionary<string, string> Schema(string parquetPath) =>
        Query($"DESCRIBE SELECT * FROM read_parquet('{parquetPath}')").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);

    public void Dispose() => _conn.Dispose();
}
