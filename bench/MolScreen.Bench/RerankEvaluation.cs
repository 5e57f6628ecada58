using System.Globalization;
using MolScreen.Docking.Search;

namespace MolScreen.Bench;

/// <summary>
/// Offline study of pose re-ranking on a redocking dump (<see cref="RerankDump"/>): every weight setting on a grid is
/// applied through <see cref="PoseRanker"/> (the engine's own code) to the stored candidates; top-1 success (RMSD &lt; 2 Å)
/// is counted separately on a fixed tuning half and a held-out validation half of the complexes. The weights are chosen on
/// the tuning half only; the validation half is reported for them, never used to choose.
/// </summary>
public static class RerankEvaluation
{
    /// <summary>
    /// Tuning half, fixed before any result was seen: the even positions of the 27 complex ids in ordinal order
    /// (1G9V_RQ3, 1IA1_TQ3, 1W1P_GIO, 1a30, ...); the odd positions are the validation half.
    /// </summary>
    public static readonly HashSet<string> TuningHalf =
        ["1G9V_RQ3", "1W1P_GIO", "1ac8", "1iep", "1kzk", "1nav", "1p62", "1s3v", "1t46", "1y6b", "2bsm", "5wlo", "7cpa", "bace1-macrocycle"];

    static readonly float[] StrainGrid = [0f, 0.25f, 0.5f, 1f, 2f];
    static readonly float[] VinardoGrid = [0f, 0.25f, 0.5f, 1f, 2f];
    static readonly float[] PopulationGrid = [0f, 0.5f, 1f, 1.5f, 2f, 3f, 4f];

    public static int Run(string dumpPath, int numPoses)
    {
        // several dumps (comma-separated) when the set was docked by more than one process
        var complexes = dumpPath.Split(',').SelectMany(RerankDump.Read).ToList();
        var tune = complexes.Where(c => TuningHalf.Contains(c.Id)).ToList();
        var validate = complexes.Where(c => !TuningHalf.Contains(c.Id)).ToList();
        Console.WriteLine($"{complexes.Count} complexes: tuning {tune.Count} ({string.Join(",", tune.Select(c => c.Id))}), validation {validate.Count} ({string.Join(",", validate.Select(c => c.Id))})");
        Console.WriteLine($"{"ranking",-52} {"tune top-1",10} {"valid top-1",11} {"all top-1",9} {"all best-of-" + numPoses,14}");
        Row("Vina peer (its own run)", tune.Count(c => c.Vina[0].Rmsd < 2), validate.Count(c => c.Vina[0].Rmsd < 2),
            complexes.Count(c => c.Vina.Min(v => v.Rmsd) < 2), tune.Count, validate.Count);
        Print("ours, Vina order", default, tune, validate, numPoses);
        var grid = (from s in StrainGrid from v in VinardoGrid from p in PopulationGrid select new RankingWeights(s, v, p)).ToList();
        // simplest first, so that among equal tuning scores the fewest and smallest weights win
        static int Nonzero(RankingWeights w) => (w.Strain != 0 ? 1 : 0) + (w.Vinardo != 0 ? 1 : 0) + (w.Population != 0 ? 1 : 0);
        var families = new (string Name, Func<RankingWeights, bool> In)[]
        {
            ("strain only", w => w.Vinardo == 0 && w.Population == 0),
            ("Vinardo consensus only", w => w.Strain == 0 && w.Population == 0),
            ("population only", w => w.Strain == 0 && w.Vinardo == 0),
            ("all three", _ => true),
        };
        foreach (var (name, inFamily) in families)
        {
            var best = grid.Where(inFamily)
                .OrderByDescending(w => Successes(tune, w))
                .ThenBy(Nonzero).ThenBy(w => w.Strain + w.Vinardo + w.Population)
                .First();
            Print($"best on tuning, {name}: {best}", best, tune, validate, numPoses);
        }
        foreach (PoseRanking r in Enum.GetValues<PoseRanking>())
            Print($"shipped option --ranking {r.ToString().ToLowerInvariant()}", RankingWeights.For(r), tune, validate, numPoses);
        Console.WriteLine("per complex, top-1 RMSD: Vina peer | ours Vina order | each shipped option");
        foreach (var c in complexes.OrderBy(c => c.Id, StringComparer.Ordinal))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Id,-16} {(TuningHalf.Contains(c.Id) ? "tune " : "valid")} {c.Vina[0].Rmsd,6:F2} | {Top(c, default, 1),6:F2} | {string.Join(" ", Enum.GetValues<PoseRanking>().Select(r => Top(c, RankingWeights.For(r), 1).ToString("F2", CultureInfo.InvariantCulture)))}"));
        return 0;
    }

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
        Console.WriteLine($"{name,-52} {$"{tuneOk}/{nTune}",10} {$"{validOk}/{nValid}",11} {$"{tuneOk + validOk}/{nTune + nValid}",9} {$"{anyOk}/{nTune + nValid}",14}");
}
