namespace MolScreen.Ranking;

/// <summary>
/// Non-dominated sorting (Deb et al., NSGA-II): front 1 holds the compounds no other compound beats
/// on every objective, front 2 those beaten only by front 1, and so on. O(m·n²) comparisons, which
/// is seconds for tens of thousands of docked compounds, the scale a reduce over docking sees.
/// </summary>
public static class ParetoRanking
{
    /// <param name="values">values[i][j]: compound i, objective j, oriented so larger is better.</param>
    /// <returns>1-based front of each compound; all 1 when there are no objectives.</returns>
    public static int[] Fronts(IReadOnlyList<double[]> values)
    {
        int n = values.Count;
        var front = new int[n];
        if (n == 0) return front;
        var dominatedBy = new int[n];
        var dominates = new List<int>[n];
        for (int i = 0; i < n; i++) dominates[i] = new List<int>();
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                var c = Compare(values[i], values[j]);
                if (c > 0) { dominates[i].Add(j); dominatedBy[j]++; }
                else if (c < 0) { dominates[j].Add(i); dominatedBy[i]++; }
            }
        var current = Enumerable.Range(0, n).Where(i => dominatedBy[i] == 0).ToList();
        for (int f = 1; current.Count > 0; f++)
        {
            var next = new List<int>();
            foreach (var i in current)
            {
                front[i] = f;
                foreach (var j in dominates[i])
                    if (--dominatedBy[j] == 0) next.Add(j);
            }
            current = next;
        }
        return front;
    }

    /// <summary>+1 when a dominates b (no worse everywhere, better somewhere), -1 when b dominates a, else 0.</summary>
    public static int Compare(double[] a, double[] b)
    {
        bool aBetter = false, bBetter = false;
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] > b[k]) aBetter = true;
            else if (b[k] > a[k]) bBetter = true;
            if (aBetter && bBetter) return 0;
        }
        return aBetter ? 1 : bBetter ? -1 : 0;
    }
}
