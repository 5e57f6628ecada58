namespace MolScreen.Ingest.Formats;

/// <summary>Streams the records of one input file; memory use does not grow with file size.</summary>
public interface IRecordReader : IDisposable
{
    /// <summary>The raw header line (Smiles/Delimited with a header), else empty; callers hash it.</summary>
    byte[] HeaderBytes { get; }

    /// <summary>
    /// Yields every record from <paramref name="startRecord"/> on. When
    /// <paramref name="startByteOffset"/> is non-negative and the file is seekable (plain, not
    /// gzip) the reader seeks straight there, trusting it to be that record's
    /// <see cref="SourceRecord.ByteOffset"/>; otherwise it reads and skips earlier records.
    /// Each call opens the file afresh, so enumerations are independent.
    /// </summary>
    IEnumerable<SourceRecord> Read(long startRecord, long startByteOffset);
}
