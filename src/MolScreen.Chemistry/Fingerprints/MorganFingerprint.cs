using System.Numerics;
using System.Runtime.CompilerServices;
using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Fingerprints;

/// <summary>
/// Morgan (ECFP-like) fingerprints folded into a bit vector, computed to match RDKit 2022.09's
/// <c>GetMorganFingerprintAsBitVect(mol, radius, nBits)</c> with its defaults (connectivity
/// invariants with ring membership, bond types on, chirality and features off) bit for bit, given
/// the same perceived graph.
/// <para>
/// Packed layout: bit i lives in byte i/8 at position i%8, least significant bit first, so a
/// 2048-bit ECFP4 is 256 bytes and can be compared with <see cref="Tanimoto"/>.
/// </para>
/// <para>Thread-safe: scratch space is per thread (<see cref="MorganWorkspace"/>).</para>
/// </summary>
public static class MorganFingerprint
{
    public const int Ecfp4Radius = 2;
    public const int Ecfp4Bits = 2048;
    public const int Ecfp4Bytes = Ecfp4Bits / 8;

    /// <summary>ECFP4 (radius 2, 2048 bits) as a new 256-byte packed array.</summary>
    public static byte[] Ecfp4Packed(MolGraph graph)
    {
        var packed = new byte[Ecfp4Bytes];
        Compute(graph, Ecfp4Radius, packed);
        return packed;
    }

    /// <summary>ECFP4 written into <paramref name="destination"/>, which must be exactly 256 bytes
    /// (for example one row of a contiguous fingerprint block); allocates nothing once the calling
    /// thread's scratch buffers have grown to the molecule's size.</summary>
    public static void Ecfp4Packed(MolGraph graph, Span<byte> destination)
    {
        if (destination.Length != Ecfp4Bytes)
            throw new ArgumentException($"an ECFP4 fingerprint is {Ecfp4Bytes} bytes, destination has {destination.Length}", nameof(destination));
        Compute(graph, Ecfp4Radius, destination);
    }

    /// <summary>
    /// Morgan fingerprint of any radius folded to <c>destination.Length * 8</c> bits (identifier
    /// modulo the bit count, as RDKit folds): radius 1 is ECFP2, 3 is ECFP6, a 128-byte destination
    /// gives the 1024-bit fold. The destination is overwritten.
    /// </summary>
    public static void Compute(MolGraph graph, int radius, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        if (destination.IsEmpty) throw new ArgumentException("destination is empty", nameof(destination));
        destination.Clear();
        uint bitCount = (uint)destination.Length * 8;

        int n = graph.AtomCount, words = (graph.BondCount + 63) >> 6;
        var adjacency = graph.Adjacency;
        int maxDegree = 0;
        for (int a = 0; a < n; a++) maxDegree = Math.Max(maxDegree, adjacency[a].Length);
        var ws = MorganWorkspace.For(n, words, radius, maxDegree);

        var invariants = ws.Invariants;
        MorganInvariants.Connectivity(graph, invariants);
        for (int a = 0; a < n; a++) SetBit(destination, invariants[a] % bitCount);

        var environments = ws.Environments;
        var roundEnvironments = ws.RoundEnvironments;
        var roundInvariants = ws.RoundInvariants;
        environments.AsSpan(0, n * words).Clear();
        var dead = ws.Dead.AsSpan(0, n);
        dead.Clear();
        int seenCount = 0;

        for (int layer = 0; layer < radius; layer++)
        {
            // Atoms retired in an earlier round keep last round's environment and get identifier 0,
            // exactly as RDKit's per-round copies leave them; both can still reach live neighbours.
            environments.AsSpan(0, n * words).CopyTo(roundEnvironments);
            roundInvariants.AsSpan(0, n).Clear();
            var round = ws.Round.AsSpan(0, ExpandRound(graph, layer, words, invariants, environments,
                roundInvariants, roundEnvironments, dead, ws));

            round.Sort(ws.Order.Over(roundEnvironments, words));
            for (int r = 0; r < round.Length; r++)
            {
                var env = round[r];
                var bonds = roundEnvironments.AsSpan(env.Atom * words, words);
                // An environment already covered (earlier round, or a lower identifier this round)
                // adds no bit, and its atom stops growing: RDKit's duplicate-environment pruning.
                bool duplicate = (r > 0 && round[r - 1].Key == env.Key
                                  && bonds.SequenceEqual(roundEnvironments.AsSpan(round[r - 1].Atom * words, words)))
                                 || Seen(ws, seenCount, words, env.Key, bonds);
                if (duplicate)
                {
                    dead[env.Atom] = true;
                    continue;
                }
                SetBit(destination, env.Identifier % bitCount);
                ws.SeenKeys[seenCount] = env.Key;
                bonds.CopyTo(ws.Seen.AsSpan(seenCount * words, words));
                seenCount++;
            }

            (invariants, roundInvariants) = (roundInvariants, invariants);
            (environments, roundEnvironments) = (roundEnvironments, environments);
        }
    }

    /// <summary>
    /// Grows every live atom's environment by one bond shell and computes its next identifier:
    /// hash(layer, own identifier, sorted (bond type, neighbour identifier) pairs). Returns how many
    /// environments it wrote to the workspace's round list.
    /// </summary>
    private static int ExpandRound(MolGraph graph, int layer, int words, uint[] invariants, ulong[] environments,
        uint[] roundInvariants, ulong[] roundEnvironments, Span<bool> dead, MorganWorkspace ws)
    {
        var adjacency = graph.Adjacency;
        var bondKinds = graph.BondKinds;
        int count = 0;
        for (int atom = 0; atom < graph.AtomCount; atom++)
        {
            if (dead[atom]) continue;
            var neighbors = adjacency[atom];
            // RDKit retires bondless atoms before their first environment: an isolated atom (a
            // counter-ion, a lone water) contributes only its round-0 identifier.
            if (neighbors.Length == 0)
            {
                dead[atom] = true;
                continue;
            }
            var mine = roundEnvironments.AsSpan(atom * words, words);
            var keys = ws.NeighborKeys.AsSpan(0, neighbors.Length);
            for (int k = 0; k < neighbors.Length; k++)
            {
                var (neighbor, bond) = neighbors[k];
                mine[bond >> 6] |= 1UL << bond;
                Or(mine, environments.AsSpan(neighbor * words, words));
                // Bond type in the high half: sorting the packed keys sorts by (type, identifier).
                keys[k] = ((ulong)(uint)bondKinds[bond] << 32) | invariants[neighbor];
            }
            keys.Sort();

            uint id = RdkitHash.Combine((uint)layer, invariants[atom]);
            foreach (ulong key in keys) id = RdkitHash.Combine(id, RdkitHash.Pair((uint)(key >> 32), (uint)key));
            roundInvariants[atom] = id;
            ws.Round[count++] = new MorganEnvironment(Digest(mine), id, atom);
        }
        return count;
    }

    private static bool Seen(MorganWorkspace ws, int seenCount, int words, ulong key, ReadOnlySpan<ulong> bonds)
    {
        var keys = ws.SeenKeys;
        for (int s = 0; s < seenCount; s++)
            if (keys[s] == key && bonds.SequenceEqual(ws.Seen.AsSpan(s * words, words))) return true;
        return false;
    }

    private static void Or(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        for (int w = 0; w < target.Length; w++) target[w] |= source[w];
    }

    /// <summary>Cheap 64-bit digest of a bond set so most environment comparisons are one compare.</summary>
    private static ulong Digest(ReadOnlySpan<ulong> bonds)
    {
        ulong h = 0x9E3779B97F4A7C15;
        foreach (ulong w in bonds) h = (BitOperations.RotateLeft(h, 27) ^ w) * 0xBF58476D1CE4E5B9;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetBit(Span<byte> packed, uint bit) => packed[(int)(bit >> 3)] |= (byte)(1 << (int)(bit & 7));
}
