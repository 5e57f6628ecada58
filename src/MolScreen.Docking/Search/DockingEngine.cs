using System.Diagnostics;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Structure;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Search;

/// <summary>
/// Docks ligands into one receptor and box (CPU). Grid maps are built once per receptor/box for the ligand types seen so far
/// and shared by all ligands; chains run in parallel, each with its own generator seeded from (seed, chain), and their
/// results are merged in chain order, so the same seed gives the same bytes whatever the thread count.
/// </summary>
public sealed class DockingEngine
{
    readonly Receptor _receptor;
    readonly ScoringTables _tables;
    readonly DirectScorer _direct;
    readonly object _gate = new();
    GridMaps? _maps;
    public GridBox Box { get; }

    public DockingEngine(Receptor receptor, GridBox box, ScoringWeights weights)
    {
        _receptor = receptor;
        Box = box.Validate();
        _tables = new ScoringTables(weights);
        _direct = new DirectScorer(receptor);
        bool any = false;
        for (int i = 0; i < receptor.Count && !any; i++)
            any = receptor.Xs[i] >= 0
                && receptor.X[i] > box.OriginX - ScoringWeights.Cutoff && receptor.X[i] < box.EndX + ScoringWeights.Cutoff
                && receptor.Y[i] > box.OriginY - ScoringWeights.Cutoff && receptor.Y[i] < box.EndY + ScoringWeights.Cutoff
                && receptor.Z[i] > box.OriginZ - ScoringWeights.Cutoff && receptor.Z[i] < box.EndZ + ScoringWeights.Cutoff;
        if (!any) throw new DockingException("box: no receptor atom within 8 Å of the box; check center/size");
    }

    public ScoringTables Tables => _tables;

    GridMaps MapsFor(LigandModel lig) => MapsForTypes(lig.Xs);

    GridMaps MapsForTypes(IEnumerable<int> types)
    {
        lock (_gate)
        {
            var need = types.Where(t => t >= 0).Distinct().ToList();
            if (_maps == null || need.Any(t => _maps.MapOffset[t] < 0))
            {
                var have = _maps == null ? [] : Enumerable.Range(0, XsType.Count).Where(t => _maps.MapOffset[t] >= 0);
                _maps = GridMaps.Build(_receptor, Box, _tables.Weighted, have.Concat(need));
            }
            return _maps;
        }
    }

    /// <summary>Scores the input pose as is (Vina --score_only).</summary>
    public DockingResult ScoreOnly(LigandModel lig)
    {
        var sw = Stopwatch.StartNew();
        RequireInside(lig, lig.X, lig.Y, lig.Z);
        var s = _direct.Score(lig, lig.X, lig.Y, lig.Z, _tables);
        var pose = new DockedPose(1, s.Total, s.Inter, s.Intra, s.Terms, 0, 0, (float[])lig.X.Clone(), (float[])lig.Y.Clone(), (float[])lig.Z.Clone());
        return new DockingResult(lig.Name, [pose], 1, sw.Elapsed.TotalSeconds);
    }

    /// <summary>Minimises the input pose locally on the grid (Vina --local_only), then scores it.</summary>
    public DockingResult LocalOnly(LigandModel lig)
    {
        var sw = Stopwatch.StartNew();
        RequireInside(lig, lig.X, lig.Y, lig.Z);
        var kin = new LigandKinematics(lig);
        var energy = new PoseEnergy(lig, kin, MapsFor(lig), _tables.Weighted);
        var work = new ChainWork(kin);
        var bfgs = new Bfgs(kin.ConfSize, kin.GradSize);
        var conf = new float[kin.ConfSize];
        kin.Initial(conf);
        bfgs.Minimize(conf, energy, work, LocalSteps(lig), 1000f, 1000f);
        kin.Build(conf, work.X, work.Y, work.Z, work.Frames);
        var s = _direct.Score(lig, work.X, work.Y, work.Z, _tables);
        var pose = new DockedPose(1, s.Total, s.Inter, s.Intra, s.Terms, 0, 0, (float[])work.X.Clone(), (float[])work.Y.Clone(), (float[])work.Z.Clone());
        return new DockingResult(lig.Name, [pose], bfgs.Evaluations, sw.Elapsed.TotalSeconds);
    }

    public static int LocalSteps(LigandModel lig) => (25 + lig.AtomCount) / 3;

    /// <summary>Vina's step budget per chain: 105 × (50 + atoms + 10 × degrees of freedom), scaled by the mode.</summary>
    public static int GlobalSteps(LigandModel lig, DockingOptions o) => o.Steps ??
        Math.Max(1, (int)(o.StepFactor * (70 * 3 * (50 + lig.AtomCount + 10 * (lig.TorsionCount + 6)) / 2)));

    /// <summary>Steps a chain may go without improving its best before it ends (0 = it runs its whole budget).</summary>
    public static int PatienceSteps(int globalSteps, DockingOptions o) =>
        o.Patience is > 0f and < 1f ? Math.Max(1, (int)MathF.Ceiling(o.Patience * globalSteps)) : 0;

    /// <summary>Full search: Monte Carlo chains, merge, re-score, cluster, report the best poses.</summary>
    public DockingResult Dock(LigandModel lig, DockingOptions options)
    {
        options.Validate();
        var sw = Stopwatch.StartNew();
        var kin = new LigandKinematics(lig);
        var energy = new PoseEnergy(lig, kin, MapsFor(lig), _tables.Weighted);
        int[] heavy = Enumerable.Range(0, lig.AtomCount).Where(i => !AdType.IsHydrogen(lig.Ad[i])).ToArray();
        int global = GlobalSteps(lig, options), local = LocalSteps(lig), patience = PatienceSteps(global, options);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxThreads) };
        var chains = new MonteCarloChain[options.Exhaustiveness];
        Parallel.For(0, chains.Length, parallel, c =>
        {
            chains[c] = new MonteCarloChain(energy, heavy);
            chains[c].Start(options.Seed, c, local, patience, options.MinRmsd, options.NumPoses, options.SkipVisited);
        });
        if (options.Consensus > 0f) RunInRounds(chains, global, options, parallel);
        else Parallel.For(0, chains.Length, parallel, c => chains[c].Advance(global));
        var perChain = chains.Select(c => c.Minima()).ToArray();
        var evals = chains.Select(c => c.Evaluations).ToArray();
        return Finish(lig, perChain, evals.Sum(), options, sw.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Runs the chains in rounds of a fixed number of steps with a barrier after each; between rounds
    /// <see cref="ConsensusRounds"/> decides which chains go on (the GPU docker drives its chains with the same code).
    /// Round boundaries are step counts, so the outcome does not depend on the thread count or timing; a chain that is
    /// never stopped follows the same trajectory as without rounds.
    /// </summary>
    static void RunInRounds(MonteCarloChain[] chains, int global, DockingOptions o, ParallelOptions parallel)
    {
        var rounds = new ConsensusRounds(chains.Length, global, o);
        while (!rounds.Done)
        {
            var active = Enumerable.Range(0, chains.Length).Where(c => rounds.Running[c]).ToArray();
            Parallel.ForEach(active, parallel, c => chains[c].Advance(rounds.End));
            rounds.Next(chains.Select(ch => ch.Progress).ToArray(), c => chains[c].Best);
        }
    }

    /// <summary>
    /// Merges chains' minima in chain order, re-scores, clusters and reports, for chains run here or elsewhere (GPU kernel).
    /// Safe to call for many ligands at once (the GPU session does): it only reads the engine's receptor, scorer and
    /// tables, and the lazily built ones (per-term tables, Vinardo) are created under locks.
    /// </summary>
    public DockingResult Finish(LigandModel lig, IReadOnlyList<List<Minimum>> perChain, int evaluations, DockingOptions options, double seconds)
    {
        var sw = Stopwatch.StartNew();
        var kin = new LigandKinematics(lig);
        int[] heavy = Enumerable.Range(0, lig.AtomCount).Where(i => !AdType.IsHydrogen(lig.Ad[i])).ToArray();
        var merged = new List<Minimum>();
        foreach (var list in perChain)
            foreach (var m in list) MonteCarloChain.Add(merged, m, options.MinRmsd, int.MaxValue);
        var poses = Report(lig, kin, merged, perChain, heavy, options, out var candidates);
        return new DockingResult(lig.Name, poses, evaluations, seconds + sw.Elapsed.TotalSeconds) { Candidates = candidates };
    }

    /// <summary>Grid maps covering every type of the given ligands (built once, extended when a new type appears).</summary>
    public GridMaps MapsFor(IEnumerable<LigandModel> ligands) => MapsForTypes(ligands.SelectMany(l => l.Xs));

    /// <summary>
    /// Vina's clustering of the merged minima (sorted by inter + intra, at least MinRmsd apart, within EnergyRange of the
    /// best) gives the candidates; the ranking orders them and the first NumPoses are reported with Vina scores.
    /// </summary>
    List<DockedPose> Report(LigandModel lig, LigandKinematics kin, List<Minimum> merged, IReadOnlyList<List<Minimum>> perChain,
        int[] heavy, DockingOptions o, out List<PoseCandidate> candidates)
    {
        var work = new ChainWork(kin);
        var scored = new List<(Minimum M, float[] X, float[] Y, float[] Z, float Inter, float Intra)>();
        foreach (var m in merged)
        {
            kin.Build(m.Conf, work.X, work.Y, work.Z, work.Frames);
            float inter = _direct.Inter(lig, work.X, work.Y, work.Z, _tables.Weighted);
            float intra = DirectScorer.Intra(lig, work.X, work.Y, work.Z, _tables.Weighted);
            scored.Add((m, (float[])work.X.Clone(), (float[])work.Y.Clone(), (float[])work.Z.Clone(), inter, intra));
        }
        // Vina orders by inter + intra; the reference intra is the best pose's
        scored.Sort((a, b) => (a.Inter + a.Intra).CompareTo(b.Inter + b.Intra));
        candidates = [];
        var poses = new List<DockedPose>();
        if (scored.Count == 0) return poses;
        float intraRef = scored[0].Intra;
        float bestEnergy = scored[0].Inter + scored[0].Intra;
        foreach (var s in scored)
        {
            if (candidates.Any(c => PoseRmsd.InOrder(c.Heavy, s.M.Heavy) < o.MinRmsd)) continue;
            // TorsionDivide is monotone, so comparing energies before the division is Vina's energy_range test
            if (PairPotential.TorsionDivide(s.Inter + s.Intra - intraRef, lig.NumTors, _tables.Weights)
                > PairPotential.TorsionDivide(bestEnergy - intraRef, lig.NumTors, _tables.Weights) + o.EnergyRange) break;
            var terms = new float[5];
            for (int k = 0; k < 5; k++) terms[k] = _direct.Inter(lig, s.X, s.Y, s.Z, _tables.Term(k));
            var (chains, minima) = PoseCandidate.Population(s.M.Heavy, perChain, PoseRanker.PopulationRadius);
            candidates.Add(new PoseCandidate(s.Inter, s.Intra, _direct.Inter(lig, s.X, s.Y, s.Z, Vinardo.Weighted), terms,
                chains, perChain.Count, minima, s.M.Heavy, s.X, s.Y, s.Z));
        }
        var order = PoseRanker.Order(candidates, o.Ranking);
        var elements = heavy.Select(i => AdType.IsCarbon(lig.Ad[i]) ? 0 : lig.Ad[i]).ToArray();
        var topHeavy = candidates[order[0]].Heavy;
        foreach (int i in order.Take(o.NumPoses))
        {
            var c = candidates[i];
            float total = PairPotential.TorsionDivide(c.Energy - intraRef, lig.NumTors, _tables.Weights);
            poses.Add(new DockedPose(poses.Count + 1, total, c.Inter, c.Intra, c.Terms,
                PoseRmsd.LowerBound(topHeavy, c.Heavy, elements), PoseRmsd.InOrder(topHeavy, c.Heavy), c.X, c.Y, c.Z));
        }
        return poses;
    }

    ScoringTables? _vinardo;
    ScoringTables Vinardo { get { lock (_gate) return _vinardo ??= new ScoringTables(ScoringWeights.VinardoDefault); } }

    void RequireInside(LigandModel lig, float[] x, float[] y, float[] z)
    {
        for (int i = 0; i < lig.AtomCount; i++)
            if (!Box.Contains(x[i], y[i], z[i]))
                throw new DockingException($"ligand {lig.Name}: atom {i + 1} ({lig.AtomNames[i]}) lies outside the box");
    }
}
