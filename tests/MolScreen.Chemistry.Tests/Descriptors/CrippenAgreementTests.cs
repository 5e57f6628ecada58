using MolScreen.Chemistry.Descriptors;
using MolScreen.Chemistry.Tests.Smarts;
using Xunit.Abstractions;

namespace MolScreen.Chemistry.Tests.Descriptors;

/// <summary>Wildman–Crippen logP and MR against RDKit's MolLogP / CalcCrippenDescriptors on RDKit's NCI graphs.</summary>
[Collection(NciOracleCollection.Name)]
public class CrippenAgreementTests(NciOracle oracle, ITestOutputHelper output)
{
    [Fact]
    public void LogPAndMrAgreeWithRdkitOnNci5k()
    {
        var crippen = CrippenLogP.Default;
        int exact = 0, close = 0, mrExact = 0;
        var worst = new List<string>();
        foreach (var m in oracle.Molecules)
        {
            var (logP, mr) = crippen.Calculate(m.Graph);
            double dLogP = Math.Abs(logP - m.Rdkit.GetProperty("logp").GetDouble());
            double dMr = Math.Abs(mr - m.Rdkit.GetProperty("mr").GetDouble());
            if (dLogP < 1e-6) exact++;
            if (dLogP < 0.1) close++;
            if (dMr < 1e-6) mrExact++;
            if (dLogP >= 1e-6 || dMr >= 1e-6) worst.Add($"{m.Id} (logP {logP:F4} vs {m.Rdkit.GetProperty("logp").GetDouble():F4}, MR {mr:F3} vs {m.Rdkit.GetProperty("mr").GetDouble():F3})");
        }
        int n = oracle.Molecules.Count;
        output.WriteLine($"logP within 1e-6: {exact}/{n}; within 0.1: {close}/{n}; MR within 1e-6: {mrExact}/{n}");
        foreach (var w in worst.Take(20)) output.WriteLine(w);
        Assert.True(exact == n, $"logP agrees within 1e-6 on only {exact} of {n}: {string.Join(", ", worst.Take(10))}");
        Assert.True(mrExact == n, $"MR agrees within 1e-6 on only {mrExact} of {n}: {string.Join(", ", worst.Take(10))}");
    }

    /// <summary>
    /// AtomTypes runs one pass over the atoms, each trying only the rows its element class admits, behind
    /// the pattern screen. It must give exactly the table's definition: rows in order, unscreened
    /// searches, the first row that matches an atom types it.
    /// </summary>
    [Fact]
    public void SinglePassTypingEqualsTheRowByRowDefinitionOnNci5k()
    {
        var crippen = CrippenLogP.Default;
        int atoms = 0;
        var differences = new List<string>();
        foreach (var m in oracle.Molecules)
        {
            var fast = crippen.AtomTypes(m.Graph);
            var target = new MolScreen.Chemistry.Smarts.SmartsTarget(MolScreen.Chemistry.Molecules.ExplicitHydrogens.Add(m.Graph));
            for (int a = 0; a < target.Graph.AtomCount; a++, atoms++)
            {
                var reference = crippen.Types.FirstOrDefault(row => row.Pattern.SearchAt(target, a));
                if (!ReferenceEquals(reference, fast[a]) && differences.Count < 10)
                    differences.Add($"{m.Id} atom {a}: {fast[a]?.Label ?? "-"} vs {reference?.Label ?? "-"}");
            }
        }
        output.WriteLine($"{atoms} atoms of {oracle.Molecules.Count} molecules typed");
        Assert.True(atoms > 100_000);
        Assert.Empty(differences);
    }
}
