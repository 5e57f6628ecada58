using System.Globalization;
using System.IO.Compression;
using MolScreen.Core.IO;

namespace MolScreen.Campaign;

/// <summary>A lookup table that cannot be used, located by file and line (Parquet: row; 0 for the whole file).</summary>
public sealed class LookupTableException(string file, long line, string reason)
    : Exception(line > 0 ? $"lookup table {file}, line {line}: {reason}" : $"lookup table {file}: {reason}");
