namespace MolScreen.Chemistry.Smarts;

/// <summary>
/// The order in which a search visits pattern atoms. Each step after a component's first is reached
/// through a bond from an earlier step, so candidates come from one atom's neighbours rather than the
/// whole molecule; other bonds back to earlier steps (ring closures) are checked as soon as both
/// ends are placed. Hydrogen-only pattern atoms hanging off one neighbour go last and may stand for a
/// hydrogen folded into that neighbour's atom.
/// </summary>
internal sealed class MatchPlan
{
    public int Steps => Atom.Length;
    /// <summary>Pattern atom placed at each step.</summary>
    public required int[] Atom { get; init; }
    public required AtomQuery[] Query { get; init; }
    /// <summary>Earlier step this one is bonded from, or -1 when it starts a component.</summary>
    public required int[] Parent { get; init; }
    public required byte[] ParentBond { get; init; }
    /// <summary>Further earlier steps this one must be bonded to, with the bond masks.</summary>
    public required int[][] ClosureSteps { get; init; }
    public required byte[][] ClosureBonds { get; init; }
    /// <summary>The step may be matched by one of the parent atom's folded hydrogens.</summary>
    public required bool[] FoldedHydrogen { get; init; }

    /// <param name="anchor">Pattern atom to place first (recursive SMARTS put atom 0 on a given atom), or -1 to
    /// start from the most selective atom.</param>
    public static MatchPlan Build(QueryGraph g, int anchor)
    {
        int n = g.Atoms.Count;
        var stepOf = Enumerable.Repeat(-1, n).ToArray();
        var order = new List<int>(n);
        var hydrogenLeaf = new bool[n];
        for (int a = 0; a < n; a++) hydrogenLeaf[a] = g.Atoms[a].RequiresHydrogen && g.Degree(a) == 1;

        while (order.Count < n)
        {
            int next = order.Count == 0 && anchor >= 0 ? anchor : BestUnplaced(g, stepOf, hydrogenLeaf, frontierOnly: true);
            if (next < 0) next = BestUnplaced(g, stepOf, hydrogenLeaf, frontierOnly: false);
            stepOf[next] = order.Count;
            order.Add(next);
        }

        var parent = new int[n];
        var parentBond = new byte[n];
        var closureSteps = new int[n][];
        var closureBonds = new byte[n][];
        var folded = new bool[n];
        for (int k = 0; k < n; k++)
        {
            int a = order[k];
            parent[k] = -1;
            var steps = new List<int>();
            var masks = new List<byte>();
            foreach (var (x, y, mask) in g.Bonds)
            {
                int other = x == a ? y : y == a ? x : -1;
                if (other < 0 || stepOf[other] >= k) continue;
                if (parent[k] < 0) { parent[k] = stepOf[other]; parentBond[k] = mask; }
                else { steps.Add(stepOf[other]); masks.Add(mask); }
            }
            closureSteps[k] = steps.ToArray();
            closureBonds[k] = masks.ToArray();
            folded[k] = hydrogenLeaf[a] && parent[k] >= 0;
        }
        return new MatchPlan
        {
            Atom = order.ToArray(), Query = order.Select(a => g.Atoms[a]).ToArray(), Parent = parent, ParentBond = parentBond,
            ClosureSteps = closureSteps, ClosureBonds = closureBonds, FoldedHydrogen = folded,
        };
    }

    /// <summary>
    /// The unplaced atom to visit next: with frontierOnly, only atoms bonded to a placed one. Atoms that
    /// are more constrained are preferred: hydrogen leaves last, then more bonds to placed atoms, then
    /// a rarer element (heteroatoms before carbon before unspecified), then pattern order.
    /// </summary>
    private static int BestUnplaced(QueryGraph g, int[] stepOf, bool[] hydrogenLeaf, bool frontierOnly)
    {
        int best = -1;
        (int, int, int) bestScore = default;
        for (int a = 0; a < g.Atoms.Count; a++)
        {
            if (stepOf[a] >= 0) continue;
            int placedNeighbours = 0;
            foreach (var (x, y, _) in g.Bonds)
                if ((x == a && stepOf[y] >= 0) || (y == a && stepOf[x] >= 0)) placedNeighbours++;
            if (frontierOnly && placedNeighbours == 0) continue;
            int z = g.Atoms[a].RequiredElement;
            var score = (hydrogenLeaf[a] ? 0 : 1, placedNeighbours, z == 0 ? 0 : z == 6 ? 1 : 2);
            if (best < 0 || score.CompareTo(bestScore) > 0) { best = a; bestScore = score; }
        }
        return best;
    }
}
