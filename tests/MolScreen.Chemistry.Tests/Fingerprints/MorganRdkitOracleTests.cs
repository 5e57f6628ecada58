using MolScreen.Chemistry.Fingerprints;
using MolScreen.Chemistry.Molecules;
using Xunit.Abstractions;

namespace MolScreen.Chemistry.Tests.Fingerprints;

/// <summary>The RDKit answers for this class's molecules: one oracle process, run on first use.</summary>
public sealed class RdkitMorganAnswers
{
    private readonly Lazy<(IReadOnlyList<OracleMolecule?> Nci, IReadOnlyList<OracleMolecule?> EdgeCases)> _answers = new(() =>
    {
        var nci = RdkitOracle.NciSmiles();
        var all = RdkitOracle.Describe([.. nci, .. EdgeCaseMolecules.Smiles]);
        return (all.Take(nci.Count).ToList(), all.Skip(nci.Count).ToList());
    });

    public IReadOnlyList<OracleMolecule?> Nci => _answers.Value.Nci;
    public IReadOnlyList<OracleMolecule?> EdgeCases => _answers.Value.EdgeCases;
}

/// <summary>
/// ECFP4 against RDKit 2022.09's GetMorganFingerprintAsBitVect(m, 2, 2048) on the graphs RDKit itself
/// perceived, so any difference is in the fingerprint code, not in perception.
/// </summary>
public sealed class MorganRdkitOracleTests(RdkitMorganAnswers rdkit, ITestOutputHelper output) : IClassFixture<RdkitMorganAnswers>
{
    [RdkitFact]
    public void NciFirst5KIsBitIdenticalToRdkit()
    {
        var parsed = rdkit.Nci.OfType<OracleMolecule>().ToList();
        // A handful of NCI SMILES fail RDKit sanitization; a collapse in that count means the oracle broke.
        Assert.InRange(parsed.Count, 4_980, rdkit.Nci.Count);
        var mismatches = parsed.Select(Mismatch).OfType<string>().ToList();
        output.WriteLine($"NCI first_5K: {parsed.Count - mismatches.Count}/{parsed.Count} bit-identical ({rdkit.Nci.Count - parsed.Count} of {rdkit.Nci.Count} rejected by RDKit)");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} differ:\n{string.Join('\n', mismatches.Take(20))}");
    }

    [RdkitFact]
    public void EdgeCasesAreBitIdenticalToRdkit()
    {
        var molecules = rdkit.EdgeCases.Select((m, i) => m ?? throw new InvalidOperationException($"RDKit rejected {EdgeCaseMolecules.Smiles[i]}")).ToList();
        var mismatches = molecules.Select(Mismatch).OfType<string>().ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} differ:\n{string.Join('\n', mismatches)}");

        // The list must keep exercising what it is there for.
        var graphs = molecules.Select(m => m.Graph).ToList();
        Assert.Contains(graphs, g => g.BondCount == 0 && g.AtomCount > 1);
        Assert.Contains(graphs, g => g.AtomCount == 1);
        Assert.Contains(graphs, g => g.BondCount > 128);
        Assert.Contains(graphs, g => g.Isotope.Any(i => i > 0) && g.AtomicNumber.Contains(1));
        Assert.Contains(graphs, g => g.FormalCharge.Any(c => c < 0) && g.FormalCharge.Any(c => c > 0));
        Assert.Contains(graphs, g => g.Aromatic.Where((a, i) => a && g.AtomicNumber[i] is 7 or 8 or 16 or 34).Any());
    }

    [RdkitFact]
    public void AtomAndBondOrderDoNotChangeTheFingerprint()
    {
        var random = new Random(20240917);
        foreach (var m in rdkit.Nci.OfType<OracleMolecule>().Take(500))
        {
            var shuffled = Permute(m.Graph, random);
            Assert.Equal(m.Bits, OnBits(MorganFingerprint.Ecfp4Packed(shuffled)));
        }
    }

    [RdkitFact]
    public void FoldingTo1024BitsEqualsFoldingRdkits2048Bits()
    {
        // identifier % 1024 == (identifier % 2048) % 1024, so the 1024-bit fold is the 2048-bit one ORed onto itself.
        var fold = new byte[128];
        foreach (var m in rdkit.Nci.OfType<OracleMolecule>().Take(500))
        {
            MorganFingerprint.Compute(m.Graph, 2, fold);
            Assert.Equal(m.Bits.Select(b => b % 1024).Distinct().Order(), OnBits(fold));
        }
    }

    private static string? Mismatch(OracleMolecule m)
    {
        var ours = OnBits(MorganFingerprint.Ecfp4Packed(m.Graph));
        if (ours.SequenceEqual(m.Bits)) return null;
        return $"{m.Smiles}: missing [{string.Join(',', m.Bits.Except(ours))}] extra [{string.Join(',', ours.Except(m.Bits))}]";
    }

    internal static int[] OnBits(ReadOnlySpan<byte> packed)
    {
        var bits = new List<int>();
        for (int i = 0; i < packed.Length * 8; i++)
            if ((packed[i >> 3] & (1 << (i & 7))) != 0) bits.Add(i);
        return [.. bits];
    }

    private static MolGraph Permute(MolGraph g, Random random)
    {
        var atomOrder = Enumerable.Range(0, g.AtomCount).OrderBy(_ => random.Next()).ToArray();
        var newIndex = new int[g.AtomCount];
        for (int i = 0; i < atomOrder.Length; i++) newIndex[atomOrder[i]] = i;
        var bondOrder = Enumerable.Range(0, g.BondCount).OrderBy(_ => random.Next()).ToArray();
        bool flip = random.Next(2) == 0;
        return new MolGraph
        {
            AtomicNumber = atomOrder.Select(a => g.AtomicNumber[a]).ToArray(),
            FormalCharge = atomOrder.Select(a => g.FormalCharge[a]).ToArray(),
            Isotope = atomOrder.Select(a => g.Isotope[a]).ToArray(),
            TotalHydrogens = atomOrder.Select(a => g.TotalHydrogens[a]).ToArray(),
            Aromatic = atomOrder.Select(a => g.Aromatic[a]).ToArray(),
            InRing = atomOrder.Select(a => g.InRing[a]).ToArray(),
            BondBegin = bondOrder.Select(b => newIndex[flip ? g.BondEnd[b] : g.BondBegin[b]]).ToArray(),
            BondEnd = bondOrder.Select(b => newIndex[flip ? g.BondBegin[b] : g.BondEnd[b]]).ToArray(),
            BondKinds = bondOrder.Select(b => g.BondKinds[b]).ToArray(),
            BondInRing = bondOrder.Select(b => g.BondInRing[b]).ToArray(),
        };
    }
}

/// <summary>The isotope term of the atom invariant against RDKit's periodic table, every element and
/// mass number 0..400 (its own oracle process).</summary>
public sealed class MorganMassTermOracleTests
{
    [RdkitFact]
    public void MassTermMatchesRdkitForEveryElementAndIsotope()
    {
        var rdkit = RdkitOracle.MassDeltas();
        Assert.Equal(119, rdkit.Length);
        var differences = new List<string>();
        for (int z = 0; z < rdkit.Length; z++)
            for (int isotope = 0; isotope < rdkit[z].Length; isotope++)
                if (MorganInvariants.MassDelta(z, isotope) != rdkit[z][isotope])
                    differences.Add($"Z={z} A={isotope}: ours {MorganInvariants.MassDelta(z, isotope)}, RDKit {rdkit[z][isotope]}");
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(30)));
    }
}
