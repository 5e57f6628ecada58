namespace MolScreen.Interactions.Sequences;

/// <summary>One labelled protein–RNA pair of a benchmark.</summary>
public sealed record LabelledPair(BioSequence Protein, BioSequence Rna, bool Interacts);

/// <summary>
/// A benchmark in the RPITER/EDLMFC packaging: `&lt;SET&gt;_pairs.txt` (protein, RNA, 0/1; tab-separated) and
/// `sequence/&lt;SET&gt;_{protein,rna}_seq.fa`. Pairs whose member has no sequence are a data error, not skipped,
/// so a truncated download cannot silently shrink the benchmark.
/// </summary>
public sealed record PairDataset(string Name, IReadOnlyList<LabelledPair> Pairs, int ReplacedLetters)
{
    public int Positives => Pairs.Count(p => p.Interacts);
    public int Negatives => Pairs.Count - Positives;

    public static PairDataset Load(string directory, string set)
    {
        var pairsPath = Path.Combine(directory, $"{set}_pairs.txt");
        if (!File.Exists(pairsPath)) throw new FileNotFoundException($"pair file missing: {pairsPath}");
        var proteinsRaw = FastaReader.ReadRaw(Path.Combine(directory, "sequence", $"{set}_protein_seq.fa"));
        var rnasRaw = FastaReader.ReadRaw(Path.Combine(directory, "sequence", $"{set}_rna_seq.fa"));
        var proteins = new Dictionary<string, BioSequence>();
        var rnas = new Dictionary<string, BioSequence>();
        int replaced = 0;
        BioSequence Get(Dictionary<string, BioSequence> cache, Dictionary<string, string> raw, string name, SequenceKind kind, int line)
        {
            if (cache.TryGetValue(name, out var s)) return s;
            if (!raw.TryGetValue(name, out var text))
                throw new FormatException($"{pairsPath}:{line}: {kind} '{name}' has no sequence in the {set} FASTA file");
            s = SequenceAlphabet.Parse(name, text, kind, lenient: true, out var r);
            replaced += r;
            return cache[name] = s;
        }
        var pairs = new List<LabelledPair>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(pairsPath))
        {
            lineNo++;
            if (line.Trim().Length == 0) continue;
            var f = line.Split('\t', StringSplitOptions.TrimEntries);
            if (f.Length < 3 || (f[2] != "0" && f[2] != "1"))
                throw new FormatException($"{pairsPath}:{lineNo}: expected 'protein<TAB>rna<TAB>0|1', got '{line}'");
            pairs.Add(new LabelledPair(
                Get(proteins, proteinsRaw, f[0].ToUpperInvariant(), SequenceKind.Protein, lineNo),
                Get(rnas, rnasRaw, f[1].ToUpperInvariant(), SequenceKind.Rna, lineNo),
                f[2] == "1"));
        }
        if (pairs.Count == 0) throw new FormatException($"{pairsPath}: no pairs");
        return new PairDataset(set, pairs, replaced);
    }
}
