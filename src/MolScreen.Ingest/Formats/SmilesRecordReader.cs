namespace MolScreen.Ingest.Formats;

/// <summary>
/// Reads SMILES files: one <c>SMILES[whitespace NAME...]</c> per line, the name being the rest
/// of the line trimmed.
/// </summary>
/// <remarks>
/// Header auto-detection: the first content line is a header if its first token is "smiles"
/// (any case), or if that token is not valid SMILES while the next content line's is. The
/// second rule catches headers such as "structure id" without mistaking one bad first record
/// for a header when the file has a single line.
/// </remarks>
internal sealed class SmilesRecordReader : TextRecordReader, TextRecordReader.ILineParser
{
    public SmilesRecordReader(RecordSource source, InputOptions options)
        : base(source, options)
    {
        if (options.HasHeader == false)
            return;
        var peek = PeekContentLines(2);
        if (peek.Count == 0)
            return;
        if (options.HasHeader == true || LooksLikeHeader(peek))
            SetHeader(peek[0]);
    }

    // SMILES lines need no scratch state, so the reader itself is its (shareable) parser.
    protected override ILineParser CreateLineParser() => this;

    void ILineParser.Parse(SourceRecord record, ReadOnlySpan<char> line)
    {
        SplitLine(line, out var smiles, out var name);
        record.Name = name.IsEmpty ? null : name.ToString();
        var reason = SmilesSyntax.Validate(smiles);
        if (reason is null)
            record.Structure = smiles.ToString();
        else
            record.RejectReason = RejectReasons.InvalidSmiles(reason);
    }

    private static bool LooksLikeHeader(List<ContentLine> peek)
    {
        if (peek[0].TooLong)
            return false;
        SplitLine(DecodeForSniffing(peek[0]), out var first, out _);
        if (first.Equals("smiles", StringComparison.OrdinalIgnoreCase))
            return true;
        if (SmilesSyntax.Validate(first) is null || peek.Count < 2 || peek[1].TooLong)
            return false;
        SplitLine(DecodeForSniffing(peek[1]), out var second, out _);
        return SmilesSyntax.Validate(second) is null;
    }

    private static void SplitLine(ReadOnlySpan<char> line, out ReadOnlySpan<char> smiles, out ReadOnlySpan<char> name)
    {
        line = line.Trim(" \t");
        var end = line.IndexOfAny(' ', '\t');
        if (end < 0)
        {
            smiles = line;
            name = default;
            return;
        }
        smiles = line[..end];
        name = line[end..].Trim(" \t");
    }
}
