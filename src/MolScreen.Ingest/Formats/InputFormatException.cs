namespace MolScreen.Ingest.Formats;

/// <summary>A whole input file cannot be read (as opposed to one bad record, which is rejected in-stream).</summary>
public sealed class InputFormatException : Exception
{
    public InputFormatException(string path, string reason, Exception? inner = null)
        : base($"cannot read input '{path}': {reason}", inner)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The file that could not be read.</summary>
    public string Path { get; }

    /// <summary>Why, without the path.</summary>
    public string Reason { get; }
}
