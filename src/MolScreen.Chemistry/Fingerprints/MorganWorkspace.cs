namespace MolScreen.Chemistry.Fingerprints;

/// <summary>
/// Per-thread scratch buffers for <see cref="MorganFingerprint"/>, grown to the largest molecule
/// seen so far and then reused, so fingerprinting a stream of molecules allocates nothing after the
/// first few. Environments are bond bitsets stored flat: atom a's set is words [a*W, (a+1)*W).
/// </summary>
internal sealed class MorganWorkspace
{
    [ThreadStatic] private static MorganWorkspace? t_current;

    public uint[] Invariants = [];
    public uint[] RoundInvariants = [];
    public ulong[] Environments = [];
    public ulong[] RoundEnvironments = [];
    public bool[] Dead = [];
    public MorganEnvironment[] Round = [];
    /// <summary>Environments already turned into bits, in earlier rounds or earlier in this one.</summary>
    public ulong[] Seen = [];
    public ulong[] SeenKeys = [];
    /// <summary>(bond type, neighbour invariant) of one atom, packed so a plain sort orders them as
    /// RDKit's sort of std::pair does.</summary>
    public ulong[] NeighborKeys = [];
    public readonly MorganEnvironmentOrder Order = new();

    public static MorganWorkspace For(int atoms, int words, int radius, int maxDegree)
    {
        var ws = t_current ??= new MorganWorkspace();
        Ensure(ref ws.Invariants, atoms);
        Ensure(ref ws.RoundInvariants, atoms);
        Ensure(ref ws.Environments, atoms * words);
        Ensure(ref ws.RoundEnvironments, atoms * words);
        Ensure(ref ws.Dead, atoms);
        Ensure(ref ws.Round, atoms);
        Ensure(ref ws.Seen, atoms * radius * words);
        Ensure(ref ws.SeenKeys, atoms * radius);
        Ensure(ref ws.NeighborKeys, maxDegree);
        return ws;
    }

    private static void Ensure<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[Math.Max(length, buffer.Length * 2)];
    }
}

/// <summary>One atom's environment in the current round: its bond bitset (by atom index into the
/// round's flat bitset array), a 64-bit digest of that bitset, and the identifier it would add.</summary>
internal readonly record struct MorganEnvironment(ulong Key, uint Identifier, int Atom);

/// <summary>
/// Orders a round's environments so that identical bond sets are adjacent and, within a group,
/// RDKit's tie-break holds: the smallest identifier, then the smallest atom index, comes first and is
/// the one that sets a bit. The order between different bond sets is irrelevant to the result.
/// One instance per thread hands out one cached <see cref="Comparison{T}"/>: Span.Sort boxes struct
/// comparers and wraps IComparer instances in a fresh delegate, either of which allocates per sort.
/// </summary>
internal sealed class MorganEnvironmentOrder
{
    private ulong[] _environments = [];
    private int _words;
    private readonly Comparison<MorganEnvironment> _comparison;

    public MorganEnvironmentOrder() => _comparison = Compare;

    public Comparison<MorganEnvironment> Over(ulong[] roundEnvironments, int wordsPerAtom)
    {
        _environments = roundEnvironments;
        _words = wordsPerAtom;
        return _comparison;
    }

    private int Compare(MorganEnvironment a, MorganEnvironment b)
    {
        int c = a.Key.CompareTo(b.Key);
        if (c != 0) return c;
        c = _environments.AsSpan(a.Atom * _words, _words).SequenceCompareTo(_environments.AsSpan(b.Atom * _words, _words));
        if (c != 0) return c;
        c = a.Identifier.CompareTo(b.Identifier);
        return c != 0 ? c : a.Atom.CompareTo(b.Atom);
    }
}
