using MolScreen.Chemistry.Smarts;

namespace MolScreen.Chemistry.Tests.Smarts;

/// <summary>
/// Each SMARTS primitive, bond, logic form and explicit-hydrogen pattern counted on RDKit's graphs of the
/// NCI molecules, against RDKit's own unique-match counts (explicit hydrogens merged, as in its filter
/// catalogs). Any difference is a semantic difference in this matcher.
/// </summary>
[Collection(NciOracleCollection.Name)]
public class SmartsAgreementTests(NciOracle oracle)
{
    public static readonly string[] Probes =
    [
        "[#6]", "[#7]", "[#8]", "[#16]", "[#9,#17,#35,#53]", "[#0]",
        "C", "c", "N", "n", "O", "o", "S", "s", "P", "p", "B", "[Cl]", "[Br]", "I", "[Se]", "[se]", "[Si]", "[As]", "[Na,K]", "[Sn]",
        "*", "a", "A",
        "[CH3]", "[CH2]", "[CH]", "[CH0]", "[NH2]", "[NH]", "[nH]", "[OH]", "[H3]", "[H0]", "[h]", "[h2]", "[h0]",
        "[D1]", "[D2]", "[D3]", "[D4]", "[D]", "[X1]", "[X2]", "[X3]", "[X4]", "[X]",
        "[v1]", "[v2]", "[v3]", "[v4]", "[v5]", "[v6]", "[v]", "[c;v4]", "[n;v3]", "[n;v4]", "[s;v2]", "[s;v4]",
        "[R]", "[R0]", "[R1]", "[R2]", "[R3]", "[R4]", "[r]", "[r3]", "[r4]", "[r5]", "[r6]", "[r7]", "[r8]",
        "[x]", "[x0]", "[x2]", "[x3]", "[x4]",
        "[+]", "[-]", "[+0]", "[++]", "[+2]", "[-2]", "[N+]", "[n+]", "[O-]", "[N+1]", "[13C]", "[2H]", "[12C]", "[0C]",
        "[$(C=O)]", "[$([OH]C=O)]", "[C;$(C(=O)[OH]),$(C#N)]", "[N;!$(N-C=O)]", "[$(c1ccccc1)]", "[$([#7;R][#6;R]=[#8])]",
        "[!#6;!#1]", "[C,N;R]", "[C,N&R]", "[!C;R]", "[#6&!R,#7]", "[C;H1,H2;!R]", "[!#6&X2,O-]", "[!!N]", "[N;!H0;!H1]",
        "C-C", "C=C", "C#C", "c:c", "C~*", "*@*", "*!@*", "*-!@*", "[#6]=,#[#6]", "c-c", "c-a", "*/*", "C=,:*", "*-;!@*",
        "*~;@*", "*!-*", "*=;@*",
        "C1CCCCC1", "c1ccccc1", "C1CC1", "c1ccc2ccccc2c1", "[R2]@[R2]", "*1**1", "C%10CCC%10", "*1:*:*:*:*1", "*1~*~*~*~*~*~*1",
        "C(=O)(O)N", "CC(C)(C)C", "C(=O)O", "[#6]~[#7]~[#6]", "O=C-N", "c(:c)(:c)-[#6](=O)",
        "C.N", "[OH].[OH]",
        "[#1]", "[#6]-[#1]", "[#6](-[#1])-[#1]", "[#6](-[#1])(-[#1])-[#1]", "[#7](-[#1])-[#1]", "[#8]-[#1]", "c-[#1]",
        "[#1]-[#7]-c", "[H]O", "[#1]-[#6]=[#6]-[#1]", "[$([#6](-[#1])(-[#1])-[#1])]", "[#7;!$([#7]-[#1])]", "[#6;X4](-[#1])-c",
    ];

    [Fact]
    public void ProbeCountsAgreeWithRdkitOnNci5k()
    {
        var patterns = Probes.Select(SmartsPattern.Parse).ToArray();
        var misses = new Dictionary<string, List<string>>();
        int nonzero = 0;
        foreach (var m in oracle.Molecules)
        {
            var target = new SmartsTarget(m.Graph);
            var expected = m.Rdkit.GetProperty("probes").EnumerateArray().Select(x => x.GetInt32()).ToArray();
            for (int i = 0; i < patterns.Length; i++)
            {
                int ours = patterns[i].CountUnique(target);
                if (expected[i] > 0) nonzero++;
                if (ours != expected[i])
                    (misses.TryGetValue(Probes[i], out var l) ? l : misses[Probes[i]] = new()).Add($"{m.Id} ({ours} vs {expected[i]})");
            }
        }
        Assert.True(nonzero > 0);
        Assert.True(misses.Count == 0, string.Join("\n", misses.Select(p => $"{p.Key}: {p.Value.Count} molecules differ, e.g. {string.Join(", ", p.Value.Take(5))}")));
    }
}
