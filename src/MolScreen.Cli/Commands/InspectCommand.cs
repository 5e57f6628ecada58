using System.CommandLine;
using MolScreen.Core.IO;

namespace MolScreen.Cli.Commands;

/// <summary>`molscreen inspect`: schema, size and first rows of any Parquet file we write (or any other).</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A Parquet file" };
        var head = new Option<int>("--head", "-n") { Description = "Rows to print", DefaultValueFactory = _ => 10 };
        var width = new Option<int>("--width") { Description = "Truncate cells to this many characters", DefaultValueFactory = _ => 60 };
        var cmd = new Command("inspect", "Print the schema and first rows of a Parquet file") { file, head, width };
        cmd.SetAction(async pr =>
        {
            var f = pr.GetValue(file)!;
            if (!f.Exists) throw new UsageException($"{f.FullName}: no such file");
            var n = Math.Max(0, pr.GetValue(head));
            var w = Math.Max(8, pr.GetValue(width));
            await using var r = await TableReader.OpenAsync(f.FullName);
            Console.WriteLine($"{f.FullName}: {r.RowCount} rows in {r.RowGroupCount} row group(s), {f.Length} bytes");
            Console.WriteLine("schema:");
            foreach (var field in r.Schema.DataFields)
                Console.WriteLine($"  {SafeText.ForDisplay(field.Name),-24} {TypeLabel(field.ClrType)}{(field.IsArray ? "[]" : "")}{(field.IsNullable ? " (nullable)" : "")}");
            if (n == 0) return ExitCodes.Ok;
            Console.WriteLine(string.Join('\t', r.Schema.DataFields.Select(d => SafeText.ForDisplay(d.Name))));
            int printed = 0;
            for (int g = 0; g < r.RowGroupCount && printed < n; g++)
            {
                var cols = await r.ReadRowGroupAsync(g);
                int rows = cols.Length == 0 ? 0 : cols[0].Length;
                for (int i = 0; i < rows && printed < n; i++, printed++)
                    Console.WriteLine(string.Join('\t', cols.Select(c => Cell(ParquetColumns.Format(c.Values, i), w))));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string TypeLabel(Type t) =>
        t == typeof(string) || t == typeof(ReadOnlyMemory<char>) ? "string"
        : t == typeof(byte[]) || t == typeof(ReadOnlyMemory<byte>) ? "binary"
        : t.Name.ToLowerInvariant();

    /// <summary>One cell on one line: control characters and terminal escapes are shown as \n, \e, \xNN, never sent raw.</summary>
    private static string Cell(string s, int width)
    {
        s = SafeText.ForDisplay(s);
        return s.Length <= width ? s : s[..(width - 1)] + "…";
    }
}
