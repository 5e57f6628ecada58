using System.Globalization;
using System.IO.Compression;
using MolScreen.Core.IO;

namespace MolScreen.Campaign;

/// <summary>
/// Known scores by SMILES string (lower is better): a CSV (optionally .gz) with a header naming `smiles` and
/// `score` columns, or a Parquet file with those columns. A row with an empty score means "never scored" and is
/// left out (the compound is then rejected as having no score). One SMILES listed with different scores (a library
/// that holds a compound twice, docked twice) is ambiguous: such compounds are rejected with both lines named
/// (<see cref="Conflict"/>), the rest of the table is used. A non-numeric score is an error naming the file and
/// line (Parquet: row): the table itself is broken.
/// </summary>
public sealed class LookupTable
{
    /// <summary>Longest CSV line read; a longer one is an error rather than a memory hazard.</summary>
    public const int MaxLineChars = 1 << 16;
    public const long MaxRows = 200_000_000;

    private readonly Dictionary<string, (double Score, long Line)> _scores;
    private readonly Dictionary<string, string> _conflicts;
    public string File { get; }
    public int Count => _scores.Count;

    private LookupTable(string file, Dictionary<string, (double, long)> scores, Dictionary<string, string> conflicts)
    {
        File = file; _scores = scores; _conflicts = conflicts;
        foreach (var c in conflicts.Keys) _scores.Remove(c);
    }

    public bool TryGet(string smiles, out double score)
    {
        var found = _scores.TryGetValue(smiles, out var e);
        score = e.Score;
        return found;
    }

    /// <summary>Why a SMILES has no usable score although the table lists it (different scores on different lines), else null.</summary>
    public string? Conflict(string smiles) => _conflicts.GetValueOrDefault(smiles);

    public static LookupTable Load(string path)
    {
        if (!System.IO.File.Exists(path)) throw new LookupTableException(path, 0, "lookup table not found");
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name.EndsWith(".parquet") ? LoadParquet(path).GetAwaiter().GetResult() : LoadCsv(path);
    }

    private static LookupTable LoadCsv(string path)
    {
        using var file = System.IO.File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        char sep = path.Contains(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
        var scores = new Dictionary<string, (double, long)>(StringComparer.Ordinal);
        var conflicts = new Dictionary<string, string>(StringComparer.Ordinal);
        long line = 0;
        int smilesAt = -1, scoreAt = -1;
        string? text;
        while ((text = ReadLine(reader, path, line + 1)) != null)
        {
            line++;
            if (text.Trim().Length == 0) continue;
            var fields = text.Split(sep).Select(Unquote).ToArray();
            if (smilesAt < 0)
            {
                smilesAt = Array.FindIndex(fields, f => f.Equals("smiles", StringComparison.OrdinalIgnoreCase));
                scoreAt = Array.FindIndex(fields, f => f.Equals("score", StringComparison.OrdinalIgnoreCase));
                if (smilesAt < 0 || scoreAt < 0) throw new LookupTableException(path, line, "the header must name a 'smiles' and a 'score' column");
                continue;
            }
            if (fields.Length <= Math.Max(smilesAt, scoreAt)) throw new LookupTableException(path, line, $"{fields.Length} field(s), the header has more");
            Add(scores, conflicts, path, line, fields[smilesAt], fields[scoreAt]);
        }
        if (smilesAt < 0) throw new LookupTableException(path, 0, "empty file: expected a header naming 'smiles' and 'score' columns");
        return new LookupTable(path, scores, conflicts);
    }

    private static async Task<LookupTable> LoadParquet(string path)
    {
        await using var reader = await TableReader.OpenAsync(path);
        if (!reader.HasField("smiles") || !reader.HasField("score")) throw new LookupTableException(path, 0, "a Parquet lookup table needs columns 'smiles' and 'score'");
        var scores = new Dictionary<string, (double, long)>(StringComparer.Ordinal);
        var conflicts = new Dictionary<string, string>(StringComparer.Ordinal);
        long row = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            var cols = await reader.ReadRowGroupAsync(g, "smiles", "score");
            var smiles = cols[0].Values;
            var score = cols[1].Values;
            for (int i = 0; i < smiles.Length; i++)
            {
                row++;
                var v = score.GetValue(i);
                var text = v switch { null => "", IFormattable f => f.ToString(null, CultureInfo.InvariantCulture), _ => v.ToString() ?? "" };
                Add(scores, conflicts, path, row, smiles.GetValue(i)?.ToString() ?? "", text);
            }
        }
        return new LookupTable(path, scores, conflicts);
    }

    private static void Add(Dictionary<string, (double, long)> scores, Dictionary<string, string> conflicts, string path, long line, string smiles, string scoreText)
    {
        smiles = smiles.Trim();
        scoreText = scoreText.Trim();
        if (smiles.Length == 0) throw new LookupTableException(path, line, "empty SMILES");
        if (scoreText.Length == 0) return;
        if (!double.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score))
            throw new LookupTableException(path, line, $"score '{Preview(scoreText)}' is not a finite number");
        if (scores.TryGetValue(smiles, out var seen))
        {
            if (seen.Item1 != score)
            {
                var where = conflicts.TryGetValue(smiles, out var before) ? before : $"{seen.Item1.ToString(CultureInfo.InvariantCulture)} on line {seen.Item2}";
                conflicts[smiles] = $"{where}, {score.ToString(CultureInfo.InvariantCulture)} on line {line}";
            }
            return;
        }
        if (scores.Count >= MaxRows) throw new LookupTableException(path, line, $"more than {MaxRows} rows");
        scores[smiles] = (score, line);
    }

    private static string? ReadLine(StreamReader reader, string path, long line)
    {
        var sb = new System.Text.StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n') return sb.ToString().TrimEnd('\r');
            if (sb.Length >= MaxLineChars) throw new LookupTableException(path, line, $"line longer than {MaxLineChars} characters");
            sb.Append((char)c);
        }
        return sb.Length > 0 ? sb.ToString().TrimEnd('\r') : null;
    }

    private static string Unquote(string f)
    {
        f = f.Trim();
        return f.Length >= 2 && f[0] == '"' && f[^1] == '"' ? f[1..^1] : f;
    }

    /// <summary>Error text quotes at most 80 characters of a field, with control characters shown as '?'.</summary>
    private static string Preview(string s) => new((s.Length > 80 ? s[..80] + "…" : s).Select(ch => char.IsControl(ch) ? '?' : ch).ToArray());
}

