namespace MolScreen.Chemistry.Smarts;

/// <summary>Receives each complete match (target atom per plan step); returns false to stop the search.</summary>
internal interface IMatchSink
{
    bool Accept(MatchPlan plan, int[] mapped);
}

/// <summary>Scratch arrays for one search, pooled by <see cref="SmartsTarget"/>.</summary>
internal sealed class SearchState(int targetAtoms)
{
    public readonly bool[] Used = new bool[targetAtoms];
    /// <summary>Folded hydrogens of each target atom already standing for a pattern hydrogen.</summary>
    public readonly int[] FoldedUsed = new int[targetAtoms];
    public int[] Mapped = [];

    public void Reset(int steps)
    {
        if (Mapped.Length < steps) Mapped = new int[steps];
    }
}

/// <summary>
/// Backtracking subgraph-monomorphism search over a <see cref="MatchPlan"/>: pattern atoms map to
/// distinct target atoms, every pattern bond to a target bond its mask accepts. A pattern hydrogen
/// leaf may instead take one of its neighbour's folded hydrogens (recorded as -1); folded hydrogens of
/// one atom are interchangeable, so each count of them is tried once, not once per permutation.
/// Every placement is undone on the way out, so the pooled state is clean for the next search.
/// </summary>
internal static class SubstructureSearch
{
    public const int FoldedHydrogen = -1;

    /// <param name="anchor">Target atom for the plan's first step, or -1 to try every atom.</param>
    /// <returns>True when the sink stopped the search.</returns>
    public static bool Run(MatchPlan plan, SmartsTarget t, int anchor, IMatchSink sink)
    {
        var state = t.RentState(plan.Steps);
        try { return Extend(plan, t, state, 0, anchor, sink); }
        finally { t.ReturnState(state); }
    }

    private static bool Extend(MatchPlan plan, SmartsTarget t, SearchState s, int k, int anchor, IMatchSink sink)
    {
        if (k == plan.Steps) return !sink.Accept(plan, s.Mapped);
        var query = plan.Query[k];
        int parentStep = plan.Parent[k];
        if (parentStep < 0)
        {
            if (k == 0 && anchor >= 0) return !s.Used[anchor] && query.Matches(t, anchor) && Place(plan, t, s, k, anchor, sink);
            for (int a = 0; a < t.AtomCount; a++)
                if (!s.Used[a] && query.Matches(t, a) && ClosuresHold(plan, t, s, k, a) && Place(plan, t, s, k, a, sink)) return true;
            return false;
        }

        int p = s.Mapped[parentStep];
        byte mask = plan.ParentBond[k];
        for (int i = t.NeighborStart[p], end = t.NeighborStart[p + 1]; i < end; i++)
        {
            int a = t.Neighbor[i];
            if (s.Used[a] || !BondMask.Accepts(mask, t.NeighborBondState[i]) || !query.Matches(t, a) || !ClosuresHold(plan, t, s, k, a)) continue;
            if (Place(plan, t, s, k, a, sink)) return true;
        }

        if (plan.FoldedHydrogen[k] && s.FoldedUsed[p] < t.ImplicitHydrogens[p]
            && BondMask.Accepts(mask, BondMask.HydrogenBondState) && query.Matches(t, t.AtomCount))
        {
            s.FoldedUsed[p]++;
            s.Mapped[k] = FoldedHydrogen;
            bool stop = Extend(plan, t, s, k + 1, -1, sink);
            s.FoldedUsed[p]--;
            if (stop) return true;
        }
        return false;
    }

    private static bool Place(MatchPlan plan, SmartsTarget t, SearchState s, int k, int atom, IMatchSink sink)
    {
        s.Used[atom] = true;
        s.Mapped[k] = atom;
        bool stop = Extend(plan, t, s, k + 1, -1, sink);
        s.Used[atom] = false;
        return stop;
    }

    private static bool ClosuresHold(MatchPlan plan, SmartsTarget t, SearchState s, int k, int atom)
    {
        var steps = plan.ClosureSteps[k];
        for (int j = 0; j < steps.Length; j++)
        {
            int other = s.Mapped[steps[j]];
            int state = -1;
            for (int i = t.NeighborStart[atom], end = t.NeighborStart[atom + 1]; i < end; i++)
                if (t.Neighbor[i] == other) { state = t.NeighborBondState[i]; break; }
            if (state < 0 || !BondMask.Accepts(plan.ClosureBonds[k][j], state)) return false;
        }
        return true;
    }
}
