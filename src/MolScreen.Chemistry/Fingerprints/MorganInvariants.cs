using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Fingerprints;

/// <summary>
/// Round-0 atom identifiers of RDKit's Morgan fingerprint ("connectivity invariants",
/// getConnectivityInvariants with includeRingMembership): the hash of
/// [atomic number, total degree, H count, formal charge, isotope mass term, 1 if in a ring].
/// The ring term is appended only for ring atoms, so it changes the vector's length, not a value.
/// <para>
/// Hydrogens that are atoms of the graph (RDKit keeps [2H], [3H], H2 and the like) count twice over,
/// as RDKit counts them: in the degree as neighbours, and in the H count (getTotalNumHs with
/// neighbours) next to <see cref="MolGraph.TotalHydrogens"/>, which holds only the folded ones.
/// </para>
/// </summary>
public static class MorganInvariants
{
    /// <summary>Writes the connectivity invariant of every atom of <paramref name="graph"/>.</summary>
    public static void Connectivity(MolGraph graph, Span<uint> destination)
    {
        int n = graph.AtomCount;
        if (destination.Length < n) throw new ArgumentException($"destination holds {destination.Length} invariants, molecule has {n} atoms", nameof(destination));
        var adjacency = graph.Adjacency;
        for (int i = 0; i < n; i++)
        {
            int z = graph.AtomicNumber[i];
            int hydrogens = graph.TotalHydrogens[i];
            foreach (var (neighbor, _) in adjacency[i])
                if (graph.AtomicNumber[neighbor] == 1) hydrogens++;
            uint h = RdkitHash.Combine(0, (uint)z);
            h = RdkitHash.Combine(h, (uint)(adjacency[i].Length + graph.TotalHydrogens[i]));
            h = RdkitHash.Combine(h, (uint)hydrogens);
            // Negative charges and mass terms enter as their uint32 two's complement, as in RDKit's
            // vector<uint32_t>.
            h = RdkitHash.Combine(h, (uint)graph.FormalCharge[i]);
            h = RdkitHash.Combine(h, (uint)MassDelta(z, graph.Isotope[i]));
            if (graph.InRing[i]) h = RdkitHash.Combine(h, 1);
            destination[i] = h;
        }
    }

    /// <summary>The isotope term of the invariant: <c>(int)(mass - standard atomic weight)</c> with
    /// RDKit's periodic table; 0 for unlabelled atoms (<paramref name="isotope"/> = 0).</summary>
    public static int MassDelta(int atomicNumber, int isotope) => AtomMassDelta.For(atomicNumber, isotope);
}
