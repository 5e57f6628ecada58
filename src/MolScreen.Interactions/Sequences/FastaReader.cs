namespace MolScreen.Interactions.Sequences;

/// <summary>FASTA records (name = first word of the header line, upper-cased: benchmark pair files differ in chain-id case).</summary>
public static class FastaReader
{
    public static Dictionary<string, string> ReadRaw(string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        var seq = new System.Text.StringBuilder();
        int lineNo = 0;
        void Flush()
        {
            if (name == null) return;
            // Duplicate names in a benchmark file carry the same chain; the first one wins.
            map.TryAdd(name, seq.ToString());
            seq.Clear();
        }
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.StartsWith('>'))
            {
                Flush();
                var header = line[1..].Trim();
                if (header.Length == 0) throw new FormatException($"{path}:{lineNo}: FASTA header without a name");
                name = header.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0].ToUpperInvariant();
            }
            else if (line.Trim().Length > 0)
            {
                if (name == null) throw new FormatException($"{path}:{lineNo}: sequence line before the first '>' header");
                seq.Append(line.Trim());
            }
        }
        Flush();
        return map;
    }
}
