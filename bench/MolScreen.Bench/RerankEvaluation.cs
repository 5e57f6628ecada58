using System.Globalization;
using MolScreen.Docking.Search;

namespace MolScreen.Bench;

/// <summary>
/// Offline study of pose re-ranking on a redocking dump (<see cref="RerankDump"/>): every weight setting on a grid is
/// applied through <see cref="PoseRanker"/> (the engine's own code) to the stored candidates; top-1 success (RMSD &lt; 2 Å)
/// is counted separately on a fixed tuning half and a held-out validation half of the complexes. Weights are chosen on the
/// tuning half only; the validation half is reported for them. As a cross-check the roles are also swapped (2-fold).
/// </summary>
public static class RerankEvaluation
{
    /// <summary>
    /// Tuning half, fixed before any result was seen: the even positions of the 27 complex ids in ordinal order
    /// (1G9V_RQ3, 1IA1_TQ3, 1W1P_GIO, 1a30, ...); the odd positions are the validation half.
    /// </summary>
    public static readonly HashSet<string> TuningHalf =
        ["1G9V_RQ3", "1W1P_GIO", "1ac8", "1iep", "1kzk", "1nav", "1p62", "1s3v", "1t46", "1y6b", "2bsm", "5wlo", "7cpa", "bace1-macrocycle"];

    /// <summary>Values tried per weight (same order as <see cref="RankingWeights.Names"/>), zero first.</summary>
    static readonly float[][] Grid =
    [
        [0f, 0.25f, 0.5f, 1f, 2f],           // strain (extra weight on intra)
        [0f, 0.25f, 0.5f, 1f, 2f],           // Vinardo inter
        [0f, 0.5f, 1f, 2f, 4f],              // population (kcal/mol for all chains)
        [0f, 0.1f, 0.25f, 0.5f, 1f],         // hbond term
        [0f, 0.005f, 0.01f, 0.02f, 0.04f],   // gauss1 (contact) term
        [0f, 0.01f, 0.025f, 0.05f, 0.1f],    // hydrophobic term
    ];

    public static int Run(string dumpPath, int numPoses, string? peerCsv = null)
    {
        // several dumps (comma-separated) when the set was docked by more than one process
        var complexes = dumpPath.Split(',').SelectMany(RerankDump.Read).ToList();
        if (peerCsv != null)
        {
            var peer = File.ReadLines(peerCsv).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0],
                f => new List<VinaMode> { new(float.NaN, float.Parse(f[1], CultureInfo.InvariantCulture)), new(float.NaN, float.Parse(f[2], CultureInfo.InvariantCulture)) });
            complexes = complexes.Select(c => c.Vina.Count > 0 ? c : c with { Vina = peer.TryGetValue(c.Id, out var v) ? v : [new(float.NaN, float.NaN)] }).ToList();
        }
        var tune = complexes.Where(c => TuningHalf.Contains(c.Id)).ToList();
        var validate = complexes.Where(c => !TuningHalf.Contains(c.Id)).ToList();
        Console.WriteLine($"{complexes.Count} complexes: tuning {tune.Count} ({string.Join(",", tune.Select(c => c.Id))}), validation {validate.Count} ({string.Join(",", validate.Select(c => c.Id))})");
        Console.WriteLine($"{"ranking",-60} {"tune",6} {"valid",6} {"all",6} {"best-of-" + numPoses,10}");
        Row("Vina peer", tune.Count(c => c.Vina[0].Rmsd < 2), validate.Count(c => c.Vina[0].Rmsd < 2),
            complexes.Count(c => c.Vina.Min(v => v.Rmsd) < 2), tune.Count, validate.Count);
        Print("ours, Vina order", default, tune, validate, numPoses);
        foreach (var (fit, other, label) in new[] { (tune, validate, "tuned on tuning half"), (validate, tune, "SWAPPED: tuned on validation half") })
        {
            Console.WriteLine($"-- {label}; columns stay tune/valid as named above");
            for (int k = 0; k < Grid.Length; k++)
                Print($"{RankingWeights.Names[k]} only: {Best(fit, Single(k))}", Best(fit, Single(k)), tune, validate, numPoses);
            var all = Best(fit, Combined());
            Print($"all: {all}", all, tune, validate, numPoses);
        }
        foreach (PoseRanking r in Enum.GetValues<PoseRanking>())
            Print($"shipped --ranking {PoseRanker.Name(r)}", RankingWeights.For(r), tune, validate, numPoses);
        Console.WriteLine("per complex, top-1 RMSD: Vina peer | ours Vina order | each shipped option");
        foreach (var c in complexes.OrderBy(c => c.Id, StringComparer.Ordinal))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Id,-16} {(TuningHalf.Contains(c.Id) ? "tune " : "valid")} {c.Vina[0].Rmsd,6:F2} | {Top(c, default, 1),6:F2} | {string.Join(" ", Enum.GetValues<PoseRanking>().Select(r => Top(c, RankingWeights.For(r), 1).ToString("F2", CultureInfo.InvariantCulture)))}"));
        return 0;
    }

    static IEnumerable<RankingWeights> Single(int k) => Grid[k].Select(v => { var w = new float[Grid.Length]; w[k] = v; return RankingWeights.FromArray(w); });

    /// <summary>Pairs of weights (the full 6-dimensional grid would fit 14 complexes by chance).</summary>
    static IEnumerable<RankingWeights> Combined()
    {
        for (int a = 0; a < Grid.Length; a++)
            for (int b = a + 1; b < Grid.Length; b++)
                foreach (var va in Grid[a])
                    foreach (var vb in Grid[b])
                    {
                        var w = new float[Grid.Length]; w[a] = va; w[b] = vb;
                        yield return RankingWeights.FromArray(w);
                    }
    }

    /// <summary>Most top-1 successes on the set; among equals the fewest non-zero and then the smallest weights (closest to Vina).</summary>
    static RankingWeights Best(List<RerankComplex> set, IEnumerable<RankingWeights> candidates) =>
        candidates.OrderByDescending(w => Successes(set, w))
            .ThenBy(w => w.AsArray().Count(x => x != 0))
            .ThenBy(w => w.AsArray().Select((x, i) => x / Grid[i][^1]).Sum())
            .First();

    static int Successes(List<RerankComplex> set, RankingWeights w) => set.Count(c => Top(c, w, 1) < 2);

    /// <summary>Lowest crystal RMSD among the first <paramref name="n"/> candidates in the ranking's order.</summary>
    public static float Top(RerankComplex c, RankingWeights w, int n)
    {
        int chains = c.Exhaustiveness > 0 ? c.Exhaustiveness : 8;
        var order = PoseRanker.Order(c.Candidates.Select(k => k.ToCandidate(chains)).ToList(), w);
        return order.Take(n).Min(i => c.Candidates[i].Rmsd);
    }

    static void Print(string name, RankingWeights w, List<RerankComplex> tune, List<RerankComplex> validate, int numPoses) =>
        Row(name, Successes(tune, w), Successes(validate, w), tune.Concat(validate).Count(c => Top(c, w, numPoses) < 2), tune.Count, validate.Count);

    static void Row(string name, int tuneOk, int validOk, int anyOk, int nTune, int nValid) =>
        Console.WriteLine($"{name,-60} {$"{tuneOk}/{nTune}",6} {$"{validOk}/{nValid}",6} {$"{tuneOk + validOk}/{nTune + nValid}",6} {$"{anyOk}/{nTune + nValid}",10}");
}
