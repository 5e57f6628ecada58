namespace MolScreen.Docking.Search;

/// <summary>
/// When chains count as having converged: at least <see cref="Quorum"/> chains hold a best pose within
/// <see cref="Rmsd"/> Å (in-order heavy-atom RMSD) of the lowest best pose of all chains and within
/// <see cref="Energy"/> kcal/mol (search energy, inter + intra) of its energy; the lowest chain counts itself.
/// </summary>
public readonly record struct ConsensusRule(int Quorum, float Rmsd, float Energy)
{
    /// <summary>The quorum for a fraction of the chains (at least 2: one chain cannot confirm itself).</summary>
    public static ConsensusRule For(int chains, float fraction, float rmsd, float energy) =>
        new(Math.Max(2, (int)MathF.Ceiling(fraction * chains)), rmsd, energy);
}

/// <summary>
/// Cross-chain stopping rule, checked between rounds of Monte Carlo steps. Independent chains that keep landing on the
/// same best pose are unlikely to find a better one by running on (the redocking traces show most chains stall long
/// before their budget ends), whereas a single chain's stall says little: on 1t40 one chain stalls for 29% of its budget
/// before it finds the crystal pose. So once a quorum agrees, the agreeing chains stop, and a chain that does not agree
/// keeps running only while it still improves its own best from one round to the next (it may be descending towards
/// a better, different pose). Without a quorum every chain keeps running until its own patience or budget ends it.
/// The decision reads only the chains' states at round boundaries, so it does not depend on thread timing.
/// </summary>
public static class ChainConsensus
{
    /// <summary>
    /// Marks in <paramref name="agrees"/> the chains whose best agrees with the lowest best (ties: the lower chain index)
    /// and returns how many do; chains with no minimum yet (null) never agree.
    /// </summary>
    public static int Agreeing(IReadOnlyList<Minimum?> bests, ConsensusRule rule, bool[] agrees)
    {
        int anchor = -1;
        for (int c = 0; c < bests.Count; c++)
            if (bests[c] is { } m && (anchor < 0 || m.Energy < bests[anchor]!.Energy)) anchor = c;
        int count = 0;
        for (int c = 0; c < bests.Count; c++)
        {
            agrees[c] = anchor >= 0 && bests[c] is { } m && m.Energy <= bests[anchor]!.Energy + rule.Energy
                && PoseRmsd.InOrder(bests[anchor]!.Heavy, m.Heavy) < rule.Rmsd;
            if (agrees[c]) count++;
        }
        return count;
    }

    /// <summary>
    /// Decides which of the <paramref name="running"/> chains run the next round (updated in place; a stopped chain never
    /// resumes). <paramref name="improved"/>: whether each chain lowered its best during the round just run. Every chain's
    /// best votes, stopped ones included. Returns whether the quorum was reached.
    /// </summary>
    public static bool NextRound(IReadOnlyList<Minimum?> bests, IReadOnlyList<bool> improved, ConsensusRule rule, bool[] running)
    {
        var agrees = new bool[bests.Count];
        if (Agreeing(bests, rule, agrees) < rule.Quorum) return false;
        for (int c = 0; c < running.Length; c++)
            running[c] = running[c] && !agrees[c] && improved[c];
        return true;
    }
}

/// <summary>
/// One ligand's chains run in rounds under <see cref="ChainConsensus"/>: the round boundaries (step counts, a fixed
/// fraction of the budget) and the decision after each round. The CPU engine and the GPU docker both drive their chains
/// with it, so a search stops the same chains at the same steps wherever its chains run.
/// </summary>
public sealed class ConsensusRounds
{
    readonly ConsensusRule _rule;
    readonly int _round, _global;
    readonly float[] _before;

    /// <summary>Which chains run the next round (a chain stopped by the rule or its patience never resumes).</summary>
    public bool[] Running { get; }
    /// <summary>The step the next round runs the running chains to (exclusive).</summary>
    public int End { get; private set; }
    /// <summary>No chain runs again: the budget is spent, or every chain has ended or been stopped.</summary>
    public bool Done { get; private set; }

    /// <param name="chains">chains of the ligand, each freshly started (best energy float.MaxValue)</param>
    public ConsensusRounds(int chains, int globalSteps, DockingOptions o)
    {
        _rule = ConsensusRule.For(chains, o.Consensus, o.ConsensusRmsd, o.ConsensusEnergy);
        _global = globalSteps;
        _round = Math.Max(1, (int)MathF.Ceiling(o.ConsensusRound * globalSteps));
        _before = Enumerable.Repeat(float.MaxValue, chains).ToArray();
        Running = Enumerable.Repeat(true, chains).ToArray();
        End = Math.Min(_round, globalSteps);
    }

    /// <summary>
    /// Decides the next round once every running chain has reached <see cref="End"/> (or ended on its patience).
    /// <paramref name="best"/>: a chain's best minimum so far (null before its first); read only when the rule votes.
    /// </summary>
    public void Next(IReadOnlyList<ChainProgress> progress, Func<int, Minimum?> best)
    {
        for (int c = 0; c < Running.Length; c++)
            if (progress[c].Ended != 0) Running[c] = false;
        if (End >= _global || !Running.Any(r => r)) { Done = true; return; }
        // a stopped chain's best does not move, so the previous round's bests are this round's starting points
        var improved = new bool[Running.Length];
        for (int c = 0; c < Running.Length; c++)
        {
            improved[c] = progress[c].BestE < _before[c];
            _before[c] = progress[c].BestE;
        }
        var bests = Enumerable.Range(0, Running.Length).Select(best).ToArray();
        ChainConsensus.NextRound(bests, improved, _rule, Running);
        if (!Running.Any(r => r)) { Done = true; return; }
        End = Math.Min(End + _round, _global);
    }
}
