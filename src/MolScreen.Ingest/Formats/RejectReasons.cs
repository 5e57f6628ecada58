namespace MolScreen.Ingest.Formats;

/// <summary>Reject-reason wording shared by all readers, so reports group the same fault the same way.</summary>
internal static class RejectReasons
{
    public const string MissingSmiles = "missing SMILES column value";
    public const string UnterminatedQuote = "unterminated quote";
    public const string TruncatedSdf = "truncated SDF record: no 'M  END' line";
    public const string SdfCountsLine = "SDF counts line unreadable";

    public static string TooLong(long length, int limit) => $"record too long ({length} bytes > limit {limit})";

    public static string InvalidUtf8(int byteOffset) => $"invalid UTF-8 at byte {byteOffset}";

    public static string InvalidSmiles(string reason) => $"invalid SMILES: {reason}";

    public static string FieldCount(int actual, int expected) => $"wrong number of fields ({actual}, header has {expected})";
}
