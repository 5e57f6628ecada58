using MolScreen.Bench;
using Xunit.Abstractions;

namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// The CI slice of `MolScreen.Bench fuzz`: 20k mutated SMILES, SDF records and workflow files through
/// the real ingest and featurize stages and the workflow loader. No batch may lose a record, no
/// exception other than a located WorkflowException may escape, no batch may exceed its time limit.
/// </summary>
public class FuzzSliceTests(ITestOutputHelper output)
{
    [Fact]
    public void TwentyThousandMutatedInputsAreAllAccountedFor()
    {
        using var dir = new TempDir();
        var t = FuzzBenchmark.Run(20_000, seed: 16, batchLimit: TimeSpan.FromSeconds(120), output.WriteLine, dir.Combine("fuzz"));
        output.WriteLine(t.ToString());
        Assert.Equal(20_000, t.Inputs);
        Assert.True(t.Clean, t.ToString());
        // Per batch the bench compares against the exact record count; overall only '#' comment lines may be missing.
        Assert.InRange(t.Ingested + t.IngestRejected, (t.Smiles + t.Sdf) * 99 / 100, t.Smiles + t.Sdf);
        Assert.Equal(t.Ingested, t.Featurized + t.FeaturizeRejected);
        Assert.Equal(t.Yaml, t.WorkflowsLoaded + t.WorkflowsRefused);
        Assert.True(t.IngestRejected > 0 && t.Ingested > 0 && t.WorkflowsRefused > 0, "the mutations reach both outcomes");
    }
}
