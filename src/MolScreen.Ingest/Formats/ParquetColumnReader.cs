using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace MolScreen.Ingest.Formats;

/// <summary>
/// Reads one column of a row group as strings, whatever its primitive type, because names and
/// properties are carried as text. Nulls stay null.
/// </summary>
internal static class ParquetColumnReader
{
    /// <summary>Parquet.Net 6 reports string columns as <see cref="ReadOnlyMemory{T}"/> of char.</summary>
    public static bool IsString(DataField field) =>
        field.ClrType == typeof(ReadOnlyMemory<char>) || field.ClrType == typeof(string);

    public static bool IsSupported(DataField field)
    {
        var type = field.ClrType;
        return IsString(field) || type == typeof(bool) || type == typeof(decimal) ||
               (type.IsPrimitive && type != typeof(char) && type != typeof(IntPtr) && type != typeof(UIntPtr));
    }

    public static string?[] ReadAsStrings(ParquetRowGroupReader group, DataField field, int rows)
    {
        var type = field.ClrType;
        if (IsString(field))
        {
            var values = new string?[rows];
            group.ReadAsync(field, values.AsMemory()!, null).GetAwaiter().GetResult();
            return values;
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => ReadValues<bool>(group, field, rows),
            TypeCode.SByte => ReadValues<sbyte>(group, field, rows),
            TypeCode.Byte => ReadValues<byte>(group, field, rows),
            TypeCode.Int16 => ReadValues<short>(group, field, rows),
            TypeCode.UInt16 => ReadValues<ushort>(group, field, rows),
            TypeCode.Int32 => ReadValues<int>(group, field, rows),
            TypeCode.UInt32 => ReadValues<uint>(group, field, rows),
            TypeCode.Int64 => ReadValues<long>(group, field, rows),
            TypeCode.UInt64 => ReadValues<ulong>(group, field, rows),
            TypeCode.Single => ReadValues<float>(group, field, rows),
            TypeCode.Double => ReadValues<double>(group, field, rows),
            TypeCode.Decimal => ReadValues<decimal>(group, field, rows),
            _ => throw new NotSupportedException($"column '{field.Name}' has unsupported type {type.Name}"),
        };
    }

    private static string?[] ReadValues<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        // Reading into T? works for required columns too, so one path serves both.
        var values = new T?[rows];
        group.ReadAsync<T>(field, values.AsMemory(), null).GetAwaiter().GetResult();
        var result = new string?[rows];
        for (var i = 0; i < rows; i++)
            result[i] = values[i] is { } value ? Format(value) : null;
        return result;
    }

    private static string Format<T>(T value) where T : struct => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
