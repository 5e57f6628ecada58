using MolScreen.Chemistry.Fingerprints;
using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Tests.Fingerprints;

/// <summary>
/// ECFP4 behaviour that needs no RDKit at run time: expected bits below were recorded from RDKit
/// 2022.09 GetMorganFingerprintAsBitVect(m, 2, 2048), so these run everywhere.
/// </summary>
public sealed class MorganFingerprintTests
{
    private static MolGraph Graph((int Z, int H, int Charge, int Isotope, bool Aromatic, bool Ring)[] atoms,
        (int Begin, int End, BondKind Kind, bool Ring)[] bonds) => new()
    {
        AtomicNumber = atoms.Select(a => a.Z).ToArray(),
        TotalHydrogens = atoms.Select(a => a.H).ToArray(),
        FormalCharge = atoms.Select(a => a.Charge).ToArray(),
        Isotope = atoms.Select(a => a.Isotope).ToArray(),
        Aromatic = atoms.Select(a => a.Aromatic).ToArray(),
        InRing = atoms.Select(a => a.Ring).ToArray(),
        BondBegin = bonds.Select(b => b.Begin).ToArray(),
        BondEnd = bonds.Select(b => b.End).ToArray(),
        BondKinds = bonds.Select(b => b.Kind).ToArray(),
        BondInRing = bonds.Select(b => b.Ring).ToArray(),
    };

    private static MolGraph Atom(int z, int h, int charge = 0, int isotope = 0) => Graph([(z, h, charge, isotope, false, false)], []);

    private static readonly MolGraph Methanol = Graph([(6, 3, 0, 0, false, false), (8, 1, 0, 0, false, false)], [(0, 1, BondKind.Single, false)]);

    private static readonly MolGraph Benzene = Graph(
        Enumerable.Repeat((6, 1, 0, 0, true, true), 6).ToArray(),
        Enumerable.Range(0, 6).Select(i => (i, (i + 1) % 6, BondKind.Aromatic, true)).ToArray());

    /// <summary>CC(=O)[O-].[Na+]</summary>
    private static readonly MolGraph SodiumAcetate = Graph(
        [(6, 3, 0, 0, false, false), (6, 0, 0, 0, false, false), (8, 0, 0, 0, false, false), (8, 0, -1, 0, false, false), (11, 0, 1, 0, false, false)],
        [(0, 1, BondKind.Single, false), (1, 2, BondKind.Double, false), (1, 3, BondKind.Single, false)]);

    /// <summary>[2H]O: the deuterium stays an atom of the graph, as RDKit keeps it.</summary>
    private static readonly MolGraph DeuteriumHydroxide = Graph([(1, 0, 0, 2, false, false), (8, 1, 0, 0, false, false)], [(0, 1, BondKind.Single, false)]);

    private static MolGraph Alkane(int carbons) => Graph(
        Enumerable.Range(0, carbons).Select(i => (6, i == 0 || i == carbons - 1 ? 3 : 2, 0, 0, false, false)).ToArray(),
        Enumerable.Range(0, carbons - 1).Select(i => (i, i + 1, BondKind.Single, false)).ToArray());

    private static int[] Bits(MolGraph g) => MorganRdkitOracleTests.OnBits(MorganFingerprint.Ecfp4Packed(g));

    [Fact]
    public void MatchesRecordedRdkitBits()
    {
        Assert.Equal([1264], Bits(Atom(6, 4)));
        Assert.Equal([807, 1057, 1155], Bits(Methanol));
        Assert.Equal([389, 1088, 1873], Bits(Benzene));
        Assert.Equal([650, 715, 807, 1017, 1057, 1213, 1226, 1809, 1917], Bits(SodiumAcetate));
    }

    [Fact]
    public void IsotopeTermTruncatesTowardZeroAsRdkitDoes()
    {
        // [14CH4] differs from methane; [11CH4] does not, since 11.0114 - 12.011 truncates to 0.
        Assert.Equal([1271], Bits(Atom(6, 4, isotope: 14)));
        Assert.Equal([1264], Bits(Atom(6, 4, isotope: 11)));
        Assert.Equal(0, MorganInvariants.MassDelta(6, 13));
        Assert.Equal(1, MorganInvariants.MassDelta(1, 2));
        Assert.Equal(0, MorganInvariants.MassDelta(0, 13));
    }

    [Fact]
    public void HydrogenAtomsInTheGraphCountAsTheirNeighboursHydrogens()
    {
        // RDKit: the O of [2H]O has the same invariant as water's O (bit 790).
        Assert.Equal([749, 790, 1643], Bits(DeuteriumHydroxide));
        Assert.Equal([790], Bits(Atom(8, 2)));
    }

    [Fact]
    public void IsolatedAtomsAddOnlyTheirAtomBit()
    {
        var water3 = Graph(Enumerable.Repeat((8, 2, 0, 0, false, false), 3).ToArray(), []);
        Assert.Equal([790], Bits(water3));
        Assert.Equal([1213, 1866], Bits(Graph([(11, 0, 1, 0, false, false), (17, 0, -1, 0, false, false)], [])));
    }

    [Fact]
    public void PackingIsByteMajorLeastSignificantBitFirst()
    {
        var packed = MorganFingerprint.Ecfp4Packed(Methanol);
        Assert.Equal(256, packed.Length);
        // 807 = 100*8+7, 1057 = 132*8+1, 1155 = 144*8+3.
        var expected = new byte[256];
        expected[100] = 0x80;
        expected[132] = 0x02;
        expected[144] = 0x08;
        Assert.Equal(expected, packed);
    }

    [Fact]
    public void SpanOverloadOverwritesItsRowOnlyAndAllocatesNothing()
    {
        var block = new byte[3 * 256];
        Array.Fill(block, (byte)0xFF);
        var row = block.AsSpan(256, 256);
        MorganFingerprint.Ecfp4Packed(SodiumAcetate, row);
        Assert.Equal(MorganFingerprint.Ecfp4Packed(SodiumAcetate), row.ToArray());
        Assert.All(block.Take(256).Concat(block.Skip(512)), b => Assert.Equal(0xFF, b));

        // Warm-up: a graph builds its adjacency once, and the thread's scratch grows to the larger molecule.
        var big = Alkane(150);
        MorganFingerprint.Ecfp4Packed(big, row);
        MorganFingerprint.Ecfp4Packed(Benzene, row);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            MorganFingerprint.Ecfp4Packed(big, row);
            MorganFingerprint.Ecfp4Packed(Benzene, row);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ScratchBuffersFromALargeMoleculeDoNotLeakIntoTheNext()
    {
        var fresh = Bits(Methanol);
        Bits(Alkane(150));
        Assert.Equal(fresh, Bits(Methanol));
        Assert.Equal([1264], Bits(Atom(6, 4)));
    }

    [Fact]
    public void LongChainEnvironmentsSpanSeveralWords()
    {
        // Past a few carbons a linear alkane has no new kinds of radius-2 environment, so 150 carbons
        // (149 bonds, three 64-bit words per environment) must give the same bits as 20 (one word):
        // a word-boundary slip in the bond bitsets would change the deduplication and the bits.
        Assert.Equal(Bits(Alkane(20)), Bits(Alkane(150)));
    }

    [Fact]
    public void RadiusZeroIsTheAtomInvariantsOnly()
    {
        var invariants = new uint[2];
        MorganInvariants.Connectivity(Methanol, invariants);
        var packed = new byte[256];
        MorganFingerprint.Compute(Methanol, 0, packed);
        Assert.Equal(invariants.Select(i => (int)(i % 2048)).Order(), MorganRdkitOracleTests.OnBits(packed));
    }

    [Fact]
    public void RejectsWrongSizesAndRadius()
    {
        Assert.Throws<ArgumentException>(() => MorganFingerprint.Ecfp4Packed(Methanol, new byte[128]));
        Assert.Throws<ArgumentException>(() => MorganFingerprint.Compute(Methanol, 2, Span<byte>.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => MorganFingerprint.Compute(Methanol, -1, new byte[256]));
        Assert.Throws<ArgumentException>(() => MorganInvariants.Connectivity(Methanol, new uint[1]));
    }

    [Fact]
    public void EmptyMoleculeHasNoBits()
    {
        Assert.Empty(Bits(Graph([], [])));
    }
}
