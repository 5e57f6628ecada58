using System.Text.Json;
using MolScreen.Chemistry.Molecules;
using MolScreen.Chemistry.Tests.Descriptors;

namespace MolScreen.Chemistry.Tests.Smarts;

/// <summary>
/// RDKit's view of the NCI first_5K molecules, computed once for the SMARTS, Crippen and PAINS agreement
/// tests: RDKit's perceived graph, MolLogP/MR, PAINS names and the unique-match count of each probe SMARTS.
/// </summary>
public sealed class NciOracle
{
    public NciOracle()
    {
        Assert.True(RdkitOracle.Available, "python3-rdkit and rdkit-data are needed (scripts/install-deps.sh installs them)");
        var lines = RdkitOracle.Run(Path.Combine("Smarts", "rdkit_smarts_oracle.py"), File.ReadLines(RdkitOracle.Nci5k),
            JsonSerializer.Serialize(SmartsAgreementTests.Probes));
        Molecules = lines.Where(e => e.GetProperty("ok").GetBoolean())
            .Select(e => new Entry(e.GetProperty("id").GetString()!, RdkitOracle.Graph(e), e)).ToList();
        Assert.True(Molecules.Count > 4900, $"only {Molecules.Count} molecules parsed by RDKit");
    }

    public List<Entry> Molecules { get; }

    public sealed record Entry(string Id, MolGraph Graph, JsonElement Rdkit);
}

[CollectionDefinition(Name)]
public sealed class NciOracleCollection : ICollectionFixture<NciOracle>
{
    public const string Name = "RDKit oracle over NCI first_5K";
}
