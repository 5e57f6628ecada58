using MolScreen.Chemistry.Descriptors;
using MolScreen.Chemistry.Tests.Smarts;

namespace MolScreen.Chemistry.Tests.Descriptors;

public class CrippenLogPTests
{
    [Fact]
    public void ReadsRdkitTableWithCompiledHydrogenRows()
    {
        var types = CrippenLogP.Default.Types;
        Assert.Equal(110, types.Count);
        Assert.Equal(("C1", "[CH4]", 0.1441, 2.503), (types[0].Label, types[0].Pattern.Smarts, types[0].LogP, types[0].MolarRefractivity));
        Assert.Equal(["[#1]O[CX4,c]", "[#1]O[!#6;!#7;!#8;!#16]", "[#1][!#6;!#7;!#8]"],
            types.Where(t => t.Label == "H2").Select(t => t.Pattern.Smarts));
        // Rows with an empty MR field contribute nothing to MR.
        Assert.Equal((-1.95, 0.0), types.Where(t => t.Label == "N10").Select(t => (t.LogP, t.MolarRefractivity)).Single());
    }

    [Theory]
    // Hydrogens follow the heavy atoms, in heavy-atom order; the H on the pyrrole n is H3, not H2.
    [InlineData("c1cc[nH]c1", "C18 C18 C18 N11 C18 H1 H1 H1 H3 H1", 1.0147, 20.7927)]
    [InlineData("Oc1ccccc1", "O2 C23 C18 C18 C18 C18 C18 H2 H1 H1 H1 H1 H1", 1.3922, 28.1068)]
    [InlineData("O", "O2 H2 H2", -0.8247, 3.6138)]
    [InlineData("CC(=O)O", "C1 C5 O9 O2 H1 H1 H1 H4", 0.0909, 13.3098)]
    public void TypesEveryAtomAsRdkit(string smiles, string labels, double logP, double mr)
    {
        var g = RdkitGraphs.Get(smiles);
        Assert.Equal(labels, string.Join(' ', CrippenLogP.Default.AtomTypes(g).Select(t => t?.Label ?? "-")));
        var (ourLogP, ourMr) = CrippenLogP.Default.Calculate(g);
        Assert.Equal(logP, ourLogP, 1e-9);
        Assert.Equal(mr, ourMr, 1e-9);
    }

    [Fact]
    public void MissingTableIsReportedClearly()
    {
        var e = Assert.Throws<FileNotFoundException>(() => CrippenLogP.Load("/nonexistent/Crippen.txt"));
        Assert.Contains("rdkit-data", e.Message);
    }
}
