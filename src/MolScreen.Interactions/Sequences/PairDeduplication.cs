namespace MolScreen.Interactions.Sequences;

/// <summary>
/// A benchmark's pairs with identical (protein sequence, RNA sequence) entries collapsed: published RPI sets repeat
/// pairs under different chain names, so a random split would put a same-label twin of many test pairs in training.
/// </summary>
/// <param name="Pairs">One pair per distinct sequence pair, in first-seen order.</param>
/// <param name="Input">Pairs read.</param>
/// <param name="SameLabelCopies">Repeats of a distinct pair with the same label, dropped.</param>
/// <param name="ConflictingDistinct">Distinct sequence pairs that occur with both labels: dropped whole, since neither label can be trusted.</param>
/// <param name="ConflictingRows">Rows of those conflicting pairs.</param>
public sealed record PairDeduplication(IReadOnlyList<LabelledPair> Pairs, int Input, int SameLabelCopies, int ConflictingDistinct, int ConflictingRows)
{
    public static PairDeduplication Collapse(IReadOnlyList<LabelledPair> pairs)
    {
        var groups = new Dictionary<(string, string), List<LabelledPair>>();
        var order = new List<(string, string)>();
        foreach (var p in pairs)
        {
            var key = (p.Protein.Letters, p.Rna.Letters);
            if (!groups.TryGetValue(key, out var list)) { groups[key] = list = []; order.Add(key); }
            list.Add(p);
        }
        var kept = new List<LabelledPair>();
        int copies = 0, conflicts = 0, conflictRows = 0;
        foreach (var key in order)
        {
            var list = groups[key];
            if (list.Any(p => p.Interacts) && list.Any(p => !p.Interacts)) { conflicts++; conflictRows += list.Count; continue; }
            kept.Add(list[0]);
            copies += list.Count - 1;
        }
        return new PairDeduplication(kept, pairs.Count, copies, conflicts, conflictRows);
    }

    public string Describe() =>
        $"{Input} pairs -> {Pairs.Count} distinct (dropped {SameLabelCopies} same-label copies and {ConflictingDistinct} sequence pairs with both labels, {ConflictingRows} rows)";
}
