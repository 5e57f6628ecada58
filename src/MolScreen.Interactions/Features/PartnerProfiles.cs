using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Features;

/// <summary>Which partner-profile values a pair row carries, and how sharply similarity is weighted.</summary>
public sealed record ProfileOptions
{
    /// <summary>Adds the pair-neighbour block (training pairs weighted by protein × RNA similarity).</summary>
    public bool PairNeighbours { get; init; }
    /// <summary>Kernel width on protein cosine similarity: weight = exp((cos − 1) / τ).</summary>
    public double Tau { get; init; } = 0.02;
    /// <summary>Kernel width on RNA 4-mer cosine; wider than the protein one because short RNAs' 4-mer profiles are noisy.</summary>
    public double RnaTau { get; init; } = 0.05;
    /// <summary>Inner folds that give training rows profiles computed without their own label.</summary>
    public int InnerFolds { get; init; } = 5;
    public int Seed { get; init; } = 11;
    /// <summary>Scales inner-fold counts by k/(k−1) so training rows' count-like values match a full model's (see OutOfFold).</summary>
    public bool MatchCounts { get; init; }
    /// <summary>
    /// Leaves the query's own RNA out of the whole pair block (rate, positive mass; the third value then also leaves out
    /// the query's own protein). NPInter pairs every RNA with as many negatives as positives, so any tally over the
    /// query RNA's other training pairs runs low exactly when its held-out pair is positive; a model that can split
    /// sharply (boosted trees: "rate with own RNA" below "rate without it") reads the label off that difference.
    /// </summary>
    public bool ExcludeOwnRna { get; init; }
    /// <summary>
    /// Neutralizes every value that reads the query protein's own training labels: its rate becomes the prior, its
    /// pair count 0, and the pair block leaves out the query protein's own pairs (the similar-protein terms stay).
    /// null (the default) decides from the training pairs (<see cref="ProteinBalance"/>, rule on the dispersion of per-protein labels): in
    /// RPI369 and RPI2241 every protein has as many negatives as positives, so a protein's rate over its other
    /// training pairs runs low exactly when its held-out pair is positive. The decision is taken once, on all the
    /// training pairs of a model (an outer CV training fold, or the whole shipped training set), passed unchanged to
    /// its inner folds, and stored in the model file.
    /// </summary>
    public bool? NeutralizeOwnProtein { get; init; }

    /// <summary>These options with <see cref="NeutralizeOwnProtein"/> decided from <paramref name="pairs"/> where it is still open.</summary>
    public ProfileOptions Resolve(IEnumerable<(string Protein, bool Interacts)> pairs) =>
        NeutralizeOwnProtein.HasValue ? this : this with { NeutralizeOwnProtein = ProteinBalance.Of(pairs).BalancedByConstruction };

    public int Length => PairNeighbours ? 6 : 3;
    // Invariant: the layout is compared with the one stored in model files, whatever the machine's culture.
    public string Layout => FormattableString.Invariant($"partner-protein-rate-count-nbr-tau{Tau:0.###}{(PairNeighbours ? FormattableString.Invariant($"+pair-{(ExcludeOwnRna ? "xrna-rate-mass-xprot" : "rate-mass-cf")}-rnatau{RnaTau:0.###}") : "")}{(NeutralizeOwnProtein == true ? "+no-own-protein" : "")}");
}

/// <summary>
/// What the training pairs say about a new pair's members, the link-prediction signal that sequence descriptors miss:
/// the protein's smoothed positive rate among training pairs (exact sequence match; prior 0.5 when unseen), log(1 +
/// its training pairs), the positive rate among training pairs of similar but not identical proteins (conjoint-triad
/// 3-mer cosine), and optionally a pair-neighbour block: over training pairs weighted by protein × RNA similarity, the
/// positive rate, log(1 + positive weight), and the same rate without the query's own RNA (do RNAs like this one
/// bind proteins like this one — collaborative filtering that also holds for an RNA never seen). RNA-only rates are
/// deliberately absent: benchmark negatives pair every RNA with random proteins one-for-one (NPInter: each RNA has
/// exactly as many negatives as positives), so an RNA's training balance predicts its held-out label by construction.
/// </summary>
public sealed class PartnerProfiles
{
    public const double Prior = 0.5;
    private const double PriorWeight = 1;
    // Pseudo-weight of the prior in the neighbour rates: a query with no close neighbour stays near 0.5.
    private const double NeighbourPriorWeight = 0.1;

    public ProfileOptions Options { get; }
    /// <summary>Training members and pairs, the whole state a saved model needs to reproduce its profiles.</summary>
    public IReadOnlyList<string> Proteins { get; }
    public IReadOnlyList<string> Rnas { get; }
    public IReadOnlyList<(int Protein, int Rna, bool Interacts)> Pairs { get; }

    private readonly Dictionary<string, int> proteinIndex, rnaIndex;
    private readonly float[][] proteinVectors, rnaVectors;
    private readonly int[] proteinPositives, proteinCounts;

    /// <param name="options">When <see cref="ProfileOptions.NeutralizeOwnProtein"/> is open, it is decided here from <paramref name="pairs"/>.</param>
    public PartnerProfiles(IReadOnlyList<string> proteins, IReadOnlyList<string> rnas, IReadOnlyList<(int Protein, int Rna, bool Interacts)> pairs, ProfileOptions options)
    {
        if (pairs.Count == 0) throw new ArgumentException("partner profiles need at least one training pair");
        if (pairs.Any(t => (uint)t.Protein >= proteins.Count)) throw new ArgumentException("a training pair refers to a protein that is not stored");
        Options = options.Resolve(pairs.Select(t => (proteins[t.Protein], t.Interacts)));
        Proteins = proteins; Rnas = rnas; Pairs = pairs;
        proteinIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < proteins.Count; i++)
            if (!proteinIndex.TryAdd(proteins[i], i)) throw new ArgumentException($"training protein {i} repeats an earlier sequence");
        rnaIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < rnas.Count; i++)
            if (!rnaIndex.TryAdd(rnas[i], i)) throw new ArgumentException($"training RNA {i} repeats an earlier sequence");
        proteinPositives = new int[proteins.Count];
        proteinCounts = new int[proteins.Count];
        foreach (var (p, r, y) in pairs)
        {
            if ((uint)p >= proteins.Count || (uint)r >= rnas.Count) throw new ArgumentException($"training pair ({p}, {r}) refers to a member that is not stored");
            proteinCounts[p]++;
            if (y) proteinPositives[p]++;
        }
        proteinVectors = proteins.Select(s => SimilarityVectors.Protein(SequenceAlphabet.Protein("training protein", s, lenient: true))).ToArray();
        rnaVectors = rnas.Select(s => SimilarityVectors.Rna(SequenceAlphabet.Rna("training RNA", s, lenient: true))).ToArray();
    }

    public static PartnerProfiles Fit(IReadOnlyList<LabelledPair> training, ProfileOptions options)
    {
        var proteins = new Dictionary<string, int>(StringComparer.Ordinal);
        var rnas = new Dictionary<string, int>(StringComparer.Ordinal);
        int Id(Dictionary<string, int> d, string letters) => d.TryGetValue(letters, out var i) ? i : d[letters] = d.Count;
        var pairs = training.Select(t => (Id(proteins, t.Protein.Letters), Id(rnas, t.Rna.Letters), t.Interacts)).ToList();
        return new PartnerProfiles(proteins.Keys.ToList(), rnas.Keys.ToList(), pairs, options);
    }

    /// <summary>
    /// Profiles of the training rows themselves, each from a model of the other inner folds: a row's own label never
    /// enters its profile, so the network learns how much a profile is worth on pairs it has not seen.
    /// </summary>
    public static float[][] OutOfFold(IReadOnlyList<LabelledPair> training, ProfileOptions options)
    {
        // Decided once on all the training pairs, so every inner model and the full one (Fit) neutralize alike.
        options = options.Resolve(training.Select(t => (t.Protein.Letters, t.Interacts)));
        var fold = new int[training.Count];
        var order = Enumerable.Range(0, training.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        for (int k = 0; k < order.Length; k++) fold[order[k]] = k % options.InnerFolds;
        var rows = new float[training.Count][];
        for (int f = 0; f < options.InnerFolds; f++)
        {
            var inner = Enumerable.Range(0, training.Count).Where(i => fold[i] != f).Select(i => training[i]).ToList();
            var held = Enumerable.Range(0, training.Count).Where(i => fold[i] == f).ToArray();
            if (held.Length == 0 || inner.Count == 0) continue;
            // An inner model holds (k-1)/k of the pairs a deployed one will: scale its counts and masses up so training rows
            // see the magnitudes test rows will (otherwise every count-like value runs higher at test time than in training).
            double scale = options.MatchCounts ? options.InnerFolds / (double)(options.InnerFolds - 1) : 1;
            var described = Fit(inner, options).Describe(held.Select(i => (training[i].Protein, training[i].Rna)).ToList(), scale);
            for (int k = 0; k < held.Length; k++) rows[held[k]] = described[k];
        }
        return rows;
    }

    /// <summary>One row of <see cref="ProfileOptions.Length"/> values per pair; uses only the stored training pairs.</summary>
    public float[][] Describe(IReadOnlyList<(BioSequence Protein, BioSequence Rna)> queries) => Describe(queries, 1);

    /// <param name="countScale">Multiplies the stored pairs' counts and weights (not the priors): lets a model of part of the training pairs stand in for all of them.</param>
    private float[][] Describe(IReadOnlyList<(BioSequence Protein, BioSequence Rna)> queries, double countScale)
    {
        var proteinKernels = new Dictionary<string, (double[] Kernel, int Exact)>(StringComparer.Ordinal);
        var rnaKernels = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var rows = new float[queries.Count][];
        for (int q = 0; q < queries.Count; q++)
        {
            var (protein, rna) = queries[q];
            if (!proteinKernels.TryGetValue(protein.Letters, out var pk))
            {
                pk = (Kernel(SimilarityVectors.Protein(protein), proteinVectors, Options.Tau), proteinIndex.GetValueOrDefault(protein.Letters, -1));
                proteinKernels[protein.Letters] = pk;
            }
            var row = new float[Options.Length];
            int exact = pk.Exact;
            // own = the protein whose pairs must not count: its labels leak when proteins are balanced by construction.
            bool neutral = Options.NeutralizeOwnProtein == true;
            int own = neutral ? exact : -2;
            int n = exact >= 0 && !neutral ? proteinCounts[exact] : 0;
            row[0] = (float)((countScale * (n > 0 ? proteinPositives[exact] : 0) + Prior * PriorWeight) / (countScale * n + PriorWeight));
            row[1] = (float)Math.Log(1 + countScale * n);
            row[2] = (float)NeighbourRate(j => Pairs[j].Protein == exact ? 0 : countScale * pk.Kernel[Pairs[j].Protein]);
            if (Options.PairNeighbours)
            {
                if (!rnaKernels.TryGetValue(rna.Letters, out var rk)) rnaKernels[rna.Letters] = rk = Kernel(SimilarityVectors.Rna(rna), rnaVectors, Options.RnaTau);
                int sameRna = rnaIndex.GetValueOrDefault(rna.Letters, -1);
                // ExcludeOwnRna: the first two values leave out the query's own RNA; the old block counted it.
                int skipRna = Options.ExcludeOwnRna ? sameRna : -2;
                double W(int j) => Pairs[j].Rna == skipRna || Pairs[j].Protein == own ? 0 : countScale * pk.Kernel[Pairs[j].Protein] * rk[Pairs[j].Rna];
                row[3] = (float)NeighbourRate(W);
                double positiveMass = 0;
                for (int j = 0; j < Pairs.Count; j++) if (Pairs[j].Interacts) positiveMass += W(j);
                row[4] = (float)Math.Log(1 + positiveMass);
                // Third value: other RNAs (and, with ExcludeOwnRna, other proteins) only.
                int skipProtein = Options.ExcludeOwnRna ? exact : own;
                row[5] = (float)NeighbourRate(j => Pairs[j].Rna == sameRna || Pairs[j].Protein == skipProtein ? 0 : countScale * pk.Kernel[Pairs[j].Protein] * rk[Pairs[j].Rna]);
            }
            rows[q] = row;
        }
        return rows;
    }

    private double NeighbourRate(Func<int, double> weight)
    {
        double w = NeighbourPriorWeight, wy = Prior * NeighbourPriorWeight;
        for (int j = 0; j < Pairs.Count; j++)
        {
            var x = weight(j);
            w += x;
            if (Pairs[j].Interacts) wy += x;
        }
        return wy / w;
    }

    private static double[] Kernel(float[] query, float[][] members, double tau)
    {
        var k = new double[members.Length];
        for (int i = 0; i < members.Length; i++) k[i] = Math.Exp((SimilarityVectors.Cosine(query, members[i]) - 1) / tau);
        return k;
    }
}
