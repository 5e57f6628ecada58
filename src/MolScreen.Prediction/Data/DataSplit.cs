using System.Globalization;
using MolScreen.Core.IO;

namespace MolScreen.Prediction.Data;

public enum SplitPart : byte { Train, Validation, Test }

public enum SplitMethod { Scaffold, Random }

/// <summary>
/// Train/validation/test assignment (80/10/10). Scaffold split follows Chemprop's balanced variant: scaffold
/// groups larger than half the validation size go first (shuffled by seed), then the rest (shuffled), each
/// whole group filling train, then validation, then test; so no scaffold is shared between the parts.
/// The assignment is written to a file so peer baselines score on exactly the same split.
/// </summary>
public sealed class DataSplit
{
    public SplitPart[] Parts { get; }
    public SplitMethod Method { get; }
    public int Seed { get; }

    private DataSplit(SplitPart[] parts, SplitMethod method, int seed) { Parts = parts; Method = method; Seed = seed; }

    public int[] Indices(SplitPart part) => Enumerable.Range(0, Parts.Length).Where(i => Parts[i] == part).ToArray();

    public static DataSplit Create(IReadOnlyList<string> scaffolds, SplitMethod method, int seed)
    {
        int n = scaffolds.Count;
        if (n < 10) throw new ArgumentException($"{n} usable rows: a train/validation/test split needs at least 10");
        int trainSize = (int)(0.8 * n), valSize = (int)(0.1 * n);
        var rng = new Random(seed);
        List<int[]> groups;
        if (method == SplitMethod.Random)
            groups = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Select(i => new[] { i }).ToList();
        else
        {
            var bySkeleton = Enumerable.Range(0, n).GroupBy(i => scaffolds[i], StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToArray()).ToList();
            var big = bySkeleton.Where(g => g.Length > valSize / 2).ToList();
            var small = bySkeleton.Where(g => g.Length <= valSize / 2).ToList();
            groups = Shuffle(big, rng).Concat(Shuffle(small, rng)).ToList();
        }
        var parts = new SplitPart[n];
        int train = 0, val = 0;
        foreach (var g in groups)
        {
            SplitPart p;
            if (train + g.Length <= trainSize) { p = SplitPart.Train; train += g.Length; }
            else if (val + g.Length <= valSize) { p = SplitPart.Validation; val += g.Length; }
            else p = SplitPart.Test;
            foreach (int i in g) parts[i] = p;
        }
        if (!parts.Contains(SplitPart.Test) || !parts.Contains(SplitPart.Validation))
            throw new ArgumentException("the split left the validation or test part empty (one scaffold dominates the data?); use --split random");
        return new DataSplit(parts, method, seed);
    }

    private static List<T> Shuffle<T>(List<T> items, Random rng)
    {
        var a = items.ToArray();
        rng.Shuffle(a);
        return a.ToList();
    }

    /// <summary>One line per usable row: its row number in the data file (0 = first data row), scaffold key, part.</summary>
    public void Write(string path, IReadOnlyList<long> rowNumbers, IReadOnlyList<string> smiles, IReadOnlyList<string> scaffolds)
    {
        var lines = new List<string> { "row,smiles,scaffold,split" };
        for (int i = 0; i < Parts.Length; i++)
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{rowNumbers[i]},{smiles[i]},{scaffolds[i]},{Parts[i].ToString().ToLowerInvariant()}"));
        AtomicFile.WriteAllText(path, string.Join('\n', lines) + "\n");
    }
}
