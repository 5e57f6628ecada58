using MolScreen.Chemistry.Fingerprints;

namespace MolScreen.Ranking;

/// <summary>One ranked compound: its row in the candidate table and where it stands.</summary>
public sealed record RankedCompound(int Row, int Rank, int ParetoRank, double? Desirability, int Cluster, int ClusterSize, bool InTop, string Rationale);

/// <summary>The ranking of a candidate table, best first, and what it was ranked on.</summary>
public sealed record Ranking(IReadOnlyList<RankedCompound> Compounds, IReadOnlyList<Objective> ObjectivesUsed, IReadOnlyList<DesirabilityTerm> TermsUsed)
{
    public int Count => Compounds.Count;
}

/// <summary>
/// Turns a candidate table into a ranking: derived columns (ligand efficiency, filter failures,
/// novelty), then Pareto fronts over the objectives the run has, desirability within a front, and
/// the diversity pick over Butina clusters.
/// </summary>
public static class Ranker
{
    private static readonly string[] FilterColumns = ["pass_ro5", "pass_veber", "pass_pains", "pass_reactive"];

    public static Ranking Rank(CandidateTable t, RankSettings s, CancellationToken ct, out List<(int Row, string Reason)> rejected)
    {
        if (!t.Has("ecfp4") || !t.Has("canonical_smiles"))
            throw new ArgumentException("rank needs the featurize columns canonical_smiles and ecfp4: make a featurize stage its input or join it (join: [featurize])");
        AddDerived(t, s);

        var objectives = s.Objectives.Where(o => Present(t, o.Column)).ToList();
        var terms = s.Terms.Where(d => Present(t, d.Column)).ToList();
        var used = objectives.Select(o => o.Column).Concat(terms.Select(d => d.Column)).Distinct().ToList();

        rejected = new List<(int, string)>();
        var rows = new List<int>();
        // Input order is shard order, so "first" means the same compound featurize would have kept had it seen every shard.
        var firstWithKey = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = s.Dedupe ? t["inchikey"] : null;
        for (int i = 0; i < t.Count; i++)
        {
            if (t["ecfp4"]!.Values[i] is not byte[] { Length: Tanimoto.FingerprintBytes })
            {
                var missing = t.MissingInJoin.FirstOrDefault(m => t["ecfp4"]!.Stage == m.Key && m.Value.Contains(t.Ids[i])).Key;
                rejected.Add((i, missing != null ? $"no row in stage '{missing}' (not featurized), so no ECFP4 to cluster on" : "no ECFP4 fingerprint"));
                continue;
            }
            var bad = used.FirstOrDefault(c => t[c]!.Number(i) is { } v && !double.IsFinite(v));
            if (bad != null) { rejected.Add((i, $"{bad} is {t[bad]!.Number(i)}: cannot rank a non-finite score")); continue; }
            if (keys?.Values[i] is string { Length: > 0 } key && !firstWithKey.TryAdd(key, t.Ids[i]))
            {
                rejected.Add((i, $"duplicate of {firstWithKey[key]} (same InChIKey {key})"));
                continue;
            }
            rows.Add(i);
        }

        var oriented = rows.Select(i => objectives.Select(o => o.Oriented(t[o.Column]!.Number(i))).ToArray()).ToList();
        var fronts = ParetoRanking.Fronts(oriented);
        ct.ThrowIfCancellationRequested();
        var desirability = rows.Select(i => Desirability.Combine(terms, c => t[c]!.Number(i))).ToArray();
        var sorted = Enumerable.Range(0, rows.Count)
            .OrderBy(k => fronts[k]).ThenByDescending(k => desirability[k] ?? -1).ThenBy(k => t.Ids[rows[k]], StringComparer.Ordinal).ToArray();

        // Clustered best-first, so each cluster's centroid is its best-ranked compound on ties.
        var fps = new byte[sorted.Length * Tanimoto.FingerprintBytes];
        for (int j = 0; j < sorted.Length; j++) ((byte[])t["ecfp4"]!.Values[rows[sorted[j]]]!).CopyTo(fps, j * Tanimoto.FingerprintBytes);
        var clusterOfSorted = ButinaClustering.Cluster(fps, s.ClusterCutoff);
        ct.ThrowIfCancellationRequested();
        var sizes = clusterOfSorted.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var (order, topCount) = DiversityPick.Order(Enumerable.Range(0, sorted.Length).ToArray(), clusterOfSorted, s.TopN, s.MaxPerCluster);

        var ranked = new List<RankedCompound>(order.Length);
        for (int r = 0; r < order.Length; r++)
        {
            int j = order[r], k = sorted[j], row = rows[k], cluster = clusterOfSorted[j];
            ranked.Add(new RankedCompound(row, r + 1, fronts[k], desirability[k], cluster, sizes[cluster], r < topCount,
                Rationale.For(t, row, r + 1, fronts[k], desirability[k], cluster)));
        }
        return new Ranking(ranked, objectives, terms);
    }

    private static bool Present(CandidateTable t, string column) =>
        t[column] is { IsNumeric: true } c && Enumerable.Range(0, t.Count).Any(i => c.Values[i] != null);

    /// <summary>Ligand efficiency (−score / heavy atoms), filter failures, and novelty when a reference set is given.</summary>
    private static void AddDerived(CandidateTable t, RankSettings s)
    {
        if (t["dock_score"] is { } score && t["heavy_atoms"] is { } heavy && !t.Has("ligand_efficiency"))
        {
            var le = t.AddComputed("ligand_efficiency", typeof(double));
            for (int i = 0; i < t.Count; i++)
                if (score.Number(i) is { } sc && heavy.Number(i) is double n && n > 0) le.Values[i] = -sc / n;
        }
        var flags = FilterColumns.Select(c => t[c]).Where(c => c != null).ToList();
        if (flags.Count > 0 && !t.Has("filter_failures"))
        {
            var ff = t.AddComputed("filter_failures", typeof(int));
            for (int i = 0; i < t.Count; i++)
                if (flags.Any(f => f!.Values[i] is bool)) ff.Values[i] = flags.Count(f => f!.Values[i] is false);
        }
        if (s.Reference != null && !t.Has("novelty"))
        {
            var reference = new TanimotoIndex(ReferenceSet.Load(s.Reference));
            var nov = t.AddComputed("novelty", typeof(double));
            var ecfp = t["ecfp4"]!;
            for (int i = 0; i < t.Count; i++)
                if (ecfp.Values[i] is byte[] { Length: Tanimoto.FingerprintBytes } fp)
                    nov.Values[i] = 1.0 - reference.MaxSimilarity(fp);
        }
    }
}
