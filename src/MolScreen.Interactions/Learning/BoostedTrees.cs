namespace MolScreen.Interactions.Learning;

/// <summary>Settings of <see cref="BoostedTrees"/>; recorded in model cards so a run can be repeated.</summary>
public sealed record BoostOptions
{
    public int Trees { get; init; } = 300;
    public int Depth { get; init; } = 3;
    public double LearningRate { get; init; } = 0.05;
    /// <summary>Fractions of rows and of features each tree sees: decorrelates trees, and halves the work on 2,197 inputs.</summary>
    public double RowSample { get; init; } = 0.8;
    public double FeatureSample { get; init; } = 0.5;
    /// <summary>L2 penalty on leaf values (Newton step denominator).</summary>
    public double Lambda { get; init; } = 1;
    public int MinLeafRows { get; init; } = 10;
    /// <summary>Quantile bins per feature that split candidates are taken from.</summary>
    public int Bins { get; init; } = 32;
    public int Seed { get; init; } = 20261205;

    public string Describe() => FormattableString.Invariant($"{Trees} trees depth {Depth}, learning rate {LearningRate}, rows {RowSample}, features {FeatureSample}, λ {Lambda}, min leaf {MinLeafRows}, {Bins} bins, seed {Seed}");
}

/// <summary>
/// Gradient-boosted regression trees on the logistic loss (Newton leaves, histogram splits). Written here rather than
/// pulled in because the pair model needs a second learner whose errors differ from the MLP's: trees split on single
/// values (a protein's training positive rate above 0.7, a pair-neighbour rate below 0.3), which a standardized MLP
/// over 2,197 mostly k-mer inputs approximates poorly. Deterministic for a given seed.
/// </summary>
public sealed class BoostedTrees
{
    /// <summary>One tree as parallel arrays; node 0 is the root, a leaf has Feature −1 and its value in Value.</summary>
    public sealed record Tree(int[] Feature, float[] Threshold, int[] Left, int[] Right, float[] Value);

    public float BaseScore { get; }
    public int Inputs { get; }
    public IReadOnlyList<Tree> Trees { get; }

    public BoostedTrees(int inputs, float baseScore, IReadOnlyList<Tree> trees)
    {
        foreach (var t in trees)
        {
            int n = t.Feature.Length;
            if (n == 0 || t.Threshold.Length != n || t.Left.Length != n || t.Right.Length != n || t.Value.Length != n)
                throw new ArgumentException("a tree's node arrays differ in length");
            for (int i = 0; i < n; i++)
                if (t.Feature[i] >= 0 && (t.Feature[i] >= inputs || t.Left[i] <= i || t.Right[i] <= i || t.Left[i] >= n || t.Right[i] >= n))
                    throw new ArgumentException($"tree node {i} refers to a feature or child that does not exist");
        }
        Inputs = inputs; BaseScore = baseScore; Trees = trees;
    }

    /// <summary>P(positive) per row.</summary>
    public float[] PredictProbabilities(IReadOnlyList<float[]> rows)
    {
        var p = new float[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            var x = rows[r];
            if (x.Length != Inputs) throw new ArgumentException($"feature row has {x.Length} values, the trees expect {Inputs}");
            double f = BaseScore;
            foreach (var t in Trees)
            {
                int node = 0;
                while (t.Feature[node] >= 0) node = x[t.Feature[node]] <= t.Threshold[node] ? t.Left[node] : t.Right[node];
                f += t.Value[node];
            }
            p[r] = (float)(1 / (1 + Math.Exp(-f)));
        }
        return p;
    }

    public static BoostedTrees Train(IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels, BoostOptions o)
    {
        if (rows.Count != labels.Count) throw new ArgumentException("rows and labels differ in count");
        if (rows.Count == 0) throw new ArgumentException("no training rows");
        if (labels.All(l => l) || labels.All(l => !l)) throw new ArgumentException("training labels are all one class");
        int n = rows.Count, d = rows[0].Length;
        var (bins, edges) = Bin(rows, d, o.Bins);
        var y = labels.Select(l => l ? 1.0 : 0.0).ToArray();
        double prior = y.Average();
        float baseScore = (float)Math.Log(prior / (1 - prior));
        var f = Enumerable.Repeat((double)baseScore, n).ToArray();
        var g = new double[n];
        var h = new double[n];
        var rng = new Random(o.Seed);
        var allRows = Enumerable.Range(0, n).ToArray();
        var allFeatures = Enumerable.Range(0, d).ToArray();
        var trees = new List<Tree>(o.Trees);
        for (int t = 0; t < o.Trees; t++)
        {
            for (int i = 0; i < n; i++)
            {
                double p = 1 / (1 + Math.Exp(-f[i]));
                g[i] = p - y[i];
                h[i] = Math.Max(p * (1 - p), 1e-6);
            }
            rng.Shuffle(allRows);
            var sample = allRows.Take(Math.Max(1, (int)(o.RowSample * n))).ToArray();
            rng.Shuffle(allFeatures);
            var features = allFeatures.Take(Math.Max(1, (int)(o.FeatureSample * d))).ToArray();
            var tree = new TreeBuilder(bins, edges, g, h, features, o).Build(sample);
            trees.Add(tree);
            // Update every row (not just the sample): the next tree's gradients must describe the whole ensemble.
            for (int i = 0; i < n; i++)
            {
                int node = 0;
                while (tree.Feature[node] >= 0) node = rows[i][tree.Feature[node]] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
                f[i] += tree.Value[node];
            }
        }
        return new BoostedTrees(d, baseScore, trees);
    }

    /// <summary>Column-major bin indices and, per feature, ascending edges: bin b holds values in (edge[b−1], edge[b]].</summary>
    private static (byte[][] Bins, float[][] Edges) Bin(IReadOnlyList<float[]> rows, int d, int maxBins)
    {
        if (maxBins is < 2 or > 255) throw new ArgumentException("bins must be 2..255");
        int n = rows.Count;
        var bins = new byte[d][];
        var edges = new float[d][];
        var column = new float[n];
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < n; i++) column[i] = rows[i][j];
            var sorted = (float[])column.Clone();
            Array.Sort(sorted);
            var e = new List<float>();
            for (int b = 1; b < maxBins; b++)
            {
                // Edge = the value at this quantile; equal quantiles (sparse k-mer columns full of zeros) collapse.
                float v = sorted[Math.Min(n - 1, (int)((long)b * n / maxBins))];
                if (v < sorted[^1] && (e.Count == 0 || v > e[^1])) e.Add(v);
            }
            edges[j] = e.ToArray();
            var bj = new byte[n];
            for (int i = 0; i < n; i++)
            {
                int k = Array.BinarySearch(edges[j], column[i]);
                bj[i] = (byte)(k >= 0 ? k : ~k);
            }
            bins[j] = bj;
        }
        return (bins, edges);
    }

    private sealed class TreeBuilder(byte[][] bins, float[][] edges, double[] g, double[] h, int[] features, BoostOptions o)
    {
        private readonly List<int> feature = [], left = [], right = [];
        private readonly List<float> threshold = [], value = [];

        public Tree Build(int[] rows)
        {
            Grow(rows, 0);
            return new Tree(feature.ToArray(), threshold.ToArray(), left.ToArray(), right.ToArray(), value.ToArray());
        }

        private int Grow(int[] rows, int depth)
        {
            int id = feature.Count;
            feature.Add(-1); threshold.Add(0); left.Add(0); right.Add(0);
            double G = 0, H = 0;
            foreach (var i in rows) { G += g[i]; H += h[i]; }
            value.Add((float)(-o.LearningRate * G / (H + o.Lambda)));
            if (depth >= o.Depth || rows.Length < 2 * o.MinLeafRows) return id;

            double parent = G * G / (H + o.Lambda), bestGain = 1e-9;
            int bestFeature = -1, bestBin = -1;
            var hg = new double[256];
            var hh = new double[256];
            var hc = new int[256];
            foreach (var j in features)
            {
                int nb = edges[j].Length + 1;
                if (nb < 2) continue;
                Array.Clear(hg, 0, nb); Array.Clear(hh, 0, nb); Array.Clear(hc, 0, nb);
                var bj = bins[j];
                foreach (var i in rows) { int b = bj[i]; hg[b] += g[i]; hh[b] += h[i]; hc[b]++; }
                double gl = 0, hl = 0;
                int cl = 0;
                for (int b = 0; b + 1 < nb; b++)
                {
                    gl += hg[b]; hl += hh[b]; cl += hc[b];
                    if (cl < o.MinLeafRows) continue;
                    if (rows.Length - cl < o.MinLeafRows) break;
                    double gr = G - gl, hr = H - hl;
                    double gain = gl * gl / (hl + o.Lambda) + gr * gr / (hr + o.Lambda) - parent;
                    if (gain > bestGain) { bestGain = gain; bestFeature = j; bestBin = b; }
                }
            }
            if (bestFeature < 0) return id;
            var split = bins[bestFeature];
            var l = rows.Where(i => split[i] <= bestBin).ToArray();
            var r = rows.Where(i => split[i] > bestBin).ToArray();
            feature[id] = bestFeature;
            threshold[id] = edges[bestFeature][bestBin];
            left[id] = Grow(l, depth + 1);
            right[id] = Grow(r, depth + 1);
            return id;
        }
    }
}
