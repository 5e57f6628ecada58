namespace MolScreen.Ingest.Formats;

/// <summary>Opens the right <see cref="IRecordReader"/> for an input file.</summary>
public static class RecordReaderFactory
{
    /// <summary>
    /// Opens <paramref name="path"/>. Compression is recognised by the gzip magic bytes, the
    /// format by <see cref="InputOptions.Format"/> or else the extension (looking through a
    /// trailing ".gz"). Throws <see cref="InputFormatException"/> when the file as a whole
    /// cannot be read: missing, unknown format, gzip-compressed Parquet, missing SMILES column.
    /// </summary>
    public static IRecordReader Open(string path, InputOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxRecordBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRecordBytes, "MaxRecordBytes must be positive");
        if (!File.Exists(path))
            throw new InputFormatException(path, Directory.Exists(path) ? "is a directory" : "file not found");

        var extension = FormatExtension(path);
        var format = options.Format ?? FormatFromExtension(extension)
            ?? throw new InputFormatException(path,
                $"cannot tell the format from extension '{extension}'; set the input format explicitly");
        var source = new RecordSource(path);

        switch (format)
        {
            case InputFormat.Smiles:
                return new SmilesRecordReader(source, options);
            case InputFormat.Delimited:
                var delimiter = options.Delimiter ?? DelimiterFromExtension(extension)
                    ?? throw new InputFormatException(path,
                        $"cannot tell the delimiter from extension '{extension}'; set the delimiter explicitly");
                if (delimiter is '"' or '\r' or '\n')
                    throw new InputFormatException(path, $"'{delimiter}' cannot be a delimiter");
                return new DelimitedRecordReader(source, options, delimiter);
            case InputFormat.Sdf:
                return new SdfRecordReader(source, options);
            case InputFormat.Parquet:
                if (source.IsGzip)
                    throw new InputFormatException(path, "gzip-compressed Parquet is not supported; decompress it first");
                return new ParquetRecordReader(path, options);
            default:
                throw new InputFormatException(path, $"unsupported input format {format}");
        }
    }

    /// <summary>The format implied by a file name (a trailing ".gz" is looked through), or null.</summary>
    public static InputFormat? DetectFormat(string path) => FormatFromExtension(FormatExtension(path));

    private static string FormatExtension(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            name = name[..^3];
        return Path.GetExtension(name).ToLowerInvariant();
    }

    private static InputFormat? FormatFromExtension(string extension) => extension switch
    {
        ".smi" or ".smiles" or ".ism" => InputFormat.Smiles,
        ".csv" or ".tsv" or ".tab" => InputFormat.Delimited,
        ".sdf" or ".sd" or ".mol" => InputFormat.Sdf,
        ".parquet" => InputFormat.Parquet,
        _ => null,
    };

    private static char? DelimiterFromExtension(string extension) => extension switch
    {
        ".csv" => ',',
        ".tsv" or ".tab" => '\t',
        _ => null,
    };
}
