namespace MolScreen.Ingest.Formats;

/// <summary>
/// One record of an input file, valid or rejected. Readers yield a fresh instance per record,
/// and <see cref="Raw"/> is a private copy, so a consumer may keep records without copying.
/// </summary>
public sealed class SourceRecord
{
    /// <summary>The SMILES text in <see cref="Structure"/>.</summary>
    public const string SmilesFormat = "smiles";

    /// <summary>An MDL molblock in <see cref="Structure"/>.</summary>
    public const string MolblockFormat = "molblock";

    /// <summary>0-based index within the file; headers, blank and comment lines are not counted.</summary>
    public long RecordIndex;

    /// <summary>Offset of the record's first byte in the (decompressed) stream; -1 for Parquet.</summary>
    public long ByteOffset;

    /// <summary>The record's bytes without its line terminator; only the first 1024 bytes when it is too long.</summary>
    public ReadOnlyMemory<byte> Raw;

    /// <summary>True length of the record in bytes.</summary>
    public long RawLength;

    /// <summary><see cref="SmilesFormat"/> or <see cref="MolblockFormat"/>.</summary>
    public string Format = SmilesFormat;

    /// <summary>SMILES text, or the molblock from title line through "M  END"; null when rejected before parsing.</summary>
    public string? Structure;

    /// <summary>The record's name, if the file supplies one.</summary>
    public string? Name;

    /// <summary>Other columns or SD data items as a compact JSON object of strings in file order; null if none.</summary>
    public string? PropertiesJson;

    /// <summary>Non-null when the record is bad; says specifically why.</summary>
    public string? RejectReason;

    /// <summary>True when the record was not rejected.</summary>
    public bool IsValid => RejectReason is null;
}
