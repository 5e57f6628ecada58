using MolScreen.Workflow.Definition;

namespace MolScreen.Workflow.Tests;

public class WorkflowLoaderTests
{
    private static WorkflowDefinition Load(TempDir dir, string yaml) =>
        WorkflowLoader.Load(dir.File("wf.yaml", yaml), TestCatalog.Create());

    private static WorkflowException Fails(TempDir dir, string yaml) =>
        Assert.Throws<WorkflowException>(() => Load(dir, yaml));

    [Fact]
    public void ValidWorkflowResolvesInputsParametersAndDefaults()
    {
        using var dir = new TempDir();
        dir.File("lib/a.smi", "CCO a\n");
        dir.File("lib/b.smi", "CCN b\n");
        dir.File("x.csv", "smiles,id\nCCO,1\n");
        var wf = Load(dir, """
            name: t
            seed: 7
            shard_size: 3
            stages:
              ingest:
                inputs:
                  - lib/*.smi
                  - path: x.csv
                    smiles_column: smiles
              measure:
                input: ingest
                params: { scale: 2.5 }
                resources: { cpus: 2, mem: 8G, time: "02:00:00", gpus: 1 }
            """);
        Assert.Equal(("t", 7, 3), (wf.Name, wf.Seed, wf.ShardSize));
        var ingest = wf.Find("ingest")!;
        Assert.Equal(["a.smi", "b.smi", "x.csv"], ingest.Inputs.Select(i => Path.GetFileName(i.Path)));
        Assert.Equal("smiles", ingest.Inputs[2].Parameters.GetString("smiles_column"));
        var m = wf.Find("measure")!;
        Assert.Equal(2.5, m.Parameters.GetNumber("scale"));
        Assert.Equal("Br", m.Parameters.GetString("reject_marker"));
        Assert.Equal(new StageResources(2, "8G", "02:00:00", 1), m.Resources);
        Assert.Equal(64, wf.ContentHash.Length);
    }

    [Fact]
    public void UnknownStageKindIsLocated()
    {
        using var dir = new TempDir();
        var e = Fails(dir, "name: t\nstages:\n  dockk:\n    input: ingest\n");
        Assert.Equal((3L, 3L), (e.Line, e.Column));
        Assert.Contains("unknown stage kind 'dockk'", e.Message);
        Assert.Contains("known: collect, ingest, measure", e.Message);
        Assert.StartsWith(Path.Combine(dir.Path, "wf.yaml") + ":3:3:", e.Message);
    }

    [Fact]
    public void MissingInputFileIsLocated()
    {
        using var dir = new TempDir();
        var e = Fails(dir, "name: t\nstages:\n  ingest:\n    inputs: [nothere.smi]\n");
        Assert.Equal(4L, e.Line);
        Assert.Contains("input file not found: nothere.smi", e.Message);
    }

    [Fact]
    public void WrongTypesAreReportedWithWhatWasExpected()
    {
        using var dir = new TempDir();
        dir.File("a.smi", "C\n");
        var e1 = Fails(dir, "name: t\nshard_size: lots\nstages:\n  ingest:\n    inputs: [a.smi]\n");
        Assert.Equal((2L, 13L), (e1.Line, e1.Column));
        Assert.Contains("'shard_size' expects an integer, got 'lots'", e1.Message);

        var e2 = Fails(dir, "name: t\nstages:\n  ingest:\n    inputs: [a.smi]\n  measure:\n    input: ingest\n    params:\n      scale: big\n");
        Assert.Equal(8L, e2.Line);
        Assert.Contains("'scale' expects number", e2.Message);

        var e3 = Fails(dir, "name: t\nstages:\n  ingest:\n    inputs: [a.smi]\n    params:\n      format: pdf\n");
        Assert.Contains("'pdf' is not one of auto, smiles, csv, tsv, sdf, parquet", e3.Message);

        var e4 = Fails(dir, "name: t\nstages:\n  ingest:\n    inputs: [a.smi]\n    params:\n      max_record_bytes: 10\n");
        Assert.Contains("below the minimum", e4.Message);
    }

    [Fact]
    public void UnknownKeysAndParametersAreRejected()
    {
        using var dir = new TempDir();
        dir.File("a.smi", "C\n");
        Assert.Contains("unknown key 'shardsize'", Fails(dir, "name: t\nshardsize: 3\nstages:\n  ingest:\n    inputs: [a.smi]\n").Message);
        var e = Fails(dir, "name: t\nstages:\n  ingest:\n    inputs: [a.smi]\n    params:\n      smile_column: x\n");
        Assert.Contains("unknown parameter 'smile_column'", e.Message);
        Assert.Contains("smiles_column", e.Message);
        Assert.Contains("unknown key 'cpu'", Fails(dir, "name: t\nstages:\n  ingest:\n    inputs: [a.smi]\n    resources: {cpu: 2}\n").Message);
        Assert.Contains("'mem' expects a size", Fails(dir, "name: t\nstages:\n  ingest:\n    inputs: [a.smi]\n    resources: {mem: lots}\n").Message);
    }

    [Fact]
    public void MissingOrUndefinedStageInputs()
    {
        using var dir = new TempDir();
        dir.File("a.smi", "C\n");
        Assert.Contains("needs 'inputs'", Fails(dir, "name: t\nstages:\n  ingest:\n    params: {}\n").Message);
        Assert.Contains("needs 'input'", Fails(dir, "name: t\nstages:\n  measure:\n    params: {}\n").Message);
        var e = Fails(dir, "name: t\nstages:\n  ingest:\n    inputs: [a.smi]\n  measure:\n    input: featurize\n");
        Assert.Contains("input stage 'featurize' is not defined", e.Message);
        Assert.Equal(5L, e.Line);
        Assert.Contains("use 'inputs'", Fails(dir, "name: t\nstages:\n  ingest:\n    input: a.smi\n").Message);
    }

    [Fact]
    public void CyclesAreRejected()
    {
        using var dir = new TempDir();
        var e = Fails(dir, "name: t\nstages:\n  a:\n    kind: measure\n    input: b\n  b:\n    kind: measure\n    input: a\n");
        Assert.Contains("cycle: a -> b -> a", e.Message);
        Assert.Equal(3L, e.Line);
    }

    [Fact]
    public void BrokenYamlIsLocated()
    {
        using var dir = new TempDir();
        var e = Fails(dir, "name: t\nstages:\n  ingest: [unclosed\n");
        Assert.Contains("invalid YAML", e.Message);
        Assert.True(e.Line >= 3);
        Assert.Contains("expected a mapping", Fails(dir, "- just\n- a list\n").Message);
        Assert.Contains("missing required key 'name'", Fails(dir, "stages: {}\n").Message);
    }
}
