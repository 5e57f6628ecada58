using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Smarts;

/// <summary>
/// A compiled SMARTS pattern. Parse once, match many molecules; to screen one molecule against many
/// patterns, wrap it once in a <see cref="SmartsTarget"/> and pass that.
/// Matches are arrays indexed by pattern atom, holding target atom indices. MolGraph keeps hydrogens
/// folded into their heavy atoms, so a pattern atom that can only be hydrogen ([#1], [H]) with one
/// neighbour matches one of that neighbour's hydrogens and reads <see cref="ImplicitHydrogen"/>; two
/// such atoms on one neighbour need two hydrogens there. This gives the matches RDKit gives after
/// merging query hydrogens, as its filter catalogs do.
/// </summary>
public sealed class SmartsPattern
{
    /// <summary>Match entry of a pattern hydrogen matched by a hydrogen folded into its neighbour.</summary>
    public const int ImplicitHydrogen = SubstructureSearch.FoldedHydrogen;

    private readonly MatchPlan _free;
    private readonly MatchPlan _anchored;
    private readonly PatternScreen _screen;

    internal SmartsPattern(string smarts, QueryGraph graph)
    {
        Smarts = smarts;
        AtomCount = graph.Atoms.Count;
        _free = MatchPlan.Build(graph, anchor: -1);
        _anchored = MatchPlan.Build(graph, anchor: 0);
        _screen = new PatternScreen(graph);
        FirstAtomClasses = graph.Atoms.Count > 0 ? graph.Atoms[0].Classes : AtomClasses.All;
    }

    /// <summary>The classes an atom matched by the first pattern atom can have (what a recursive SMARTS admits).</summary>
    internal ulong FirstAtomClasses { get; }

    /// <summary>Parses a SMARTS string; throws <see cref="SmartsException"/> with the position of the problem.</summary>
    public static SmartsPattern Parse(string smarts)
    {
        ArgumentNullException.ThrowIfNull(smarts);
        return new SmartsPattern(smarts, SmartsParser.Parse(smarts));
    }

    public string Smarts { get; }
    public int AtomCount { get; }
    public override string ToString() => Smarts;

    public bool IsMatch(MolGraph molecule) => IsMatch(new SmartsTarget(molecule));

    public bool IsMatch(SmartsTarget target) =>
        CouldMatch(target) && SubstructureSearch.Run(_free, target, -1, FirstMatch.Instance);

    /// <summary><see cref="IsMatch(SmartsTarget)"/> without the screen: the search alone, to test that screening changes nothing.</summary>
    internal bool IsMatchUnscreened(SmartsTarget target) => SubstructureSearch.Run(_free, target, -1, FirstMatch.Instance);

    /// <param name="uniquify">Keep one match per set of target atoms (RDKit's uniquify).</param>
    /// <param name="max">Stop after this many matches.</param>
    public IReadOnlyList<int[]> Matches(MolGraph molecule, bool uniquify = true, int max = int.MaxValue) =>
        Matches(new SmartsTarget(molecule), uniquify, max);

    public IReadOnlyList<int[]> Matches(SmartsTarget target, bool uniquify = true, int max = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (!CouldMatch(target)) return [];
        var collector = new Collector(AtomCount, uniquify, max);
        SubstructureSearch.Run(_free, target, -1, collector);
        return collector.Results;
    }

    /// <summary>Number of matches with distinct target atom sets.</summary>
    public int CountUnique(MolGraph molecule) => CountUnique(new SmartsTarget(molecule));

    public int CountUnique(SmartsTarget target) => Matches(target, uniquify: true).Count;

    /// <summary>
    /// Whether some match puts the pattern's first atom on <paramref name="atom"/>: the test behind
    /// recursive SMARTS, and the atom-typing rule of RDKit's Crippen table.
    /// </summary>
    public bool MatchesAt(SmartsTarget target, int atom)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)atom, (uint)target.AtomCount, nameof(atom));
        // The extra slot is the stand-in hydrogen, which counts against no element.
        if (atom < target.AtomCount && !CouldMatch(target)) return false;
        return SearchAt(target, atom);
    }

    /// <summary><see cref="MatchesAt"/> without the screen, for callers that screened the pattern against the target already.</summary>
    internal bool SearchAt(SmartsTarget target, int atom) => SubstructureSearch.Run(_anchored, target, atom, FirstMatch.Instance);

    /// <summary>False when the molecule certainly has no match (<see cref="PatternScreen"/>); a search decides otherwise.</summary>
    internal bool CouldMatch(SmartsTarget target) => _screen.Admits(target);

    private sealed class FirstMatch : IMatchSink
    {
        public static readonly FirstMatch Instance = new();
        public bool Accept(MatchPlan plan, int[] mapped) => false;
    }

    private sealed class Collector(int atoms, bool uniquify, int max) : IMatchSink
    {
        public readonly List<int[]> Results = new();
        private readonly HashSet<int[]> _seen = new(AtomSetComparer.Instance);

        public bool Accept(MatchPlan plan, int[] mapped)
        {
            var match = new int[atoms];
            for (int k = 0; k < atoms; k++) match[plan.Atom[k]] = mapped[k];
            if (uniquify && !_seen.Add(SortedAtoms(match))) return true;
            Results.Add(match);
            return Results.Count < max;
        }

        private static int[] SortedAtoms(int[] match)
        {
            int n = 0;
            foreach (var a in match) if (a >= 0) n++;
            var key = new int[n];
            n = 0;
            foreach (var a in match) if (a >= 0) key[n++] = a;
            Array.Sort(key);
            return key;
        }
    }

    private sealed class AtomSetComparer : IEqualityComparer<int[]>
    {
        public static readonly AtomSetComparer Instance = new();
        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] key)
        {
            var h = new HashCode();
            foreach (var a in key) h.Add(a);
            return h.ToHashCode();
        }
    }
}
