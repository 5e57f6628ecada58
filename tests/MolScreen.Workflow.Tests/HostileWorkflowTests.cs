using System.Diagnostics;
using System.Text;
using MolScreen.Workflow.Definition;
using MolScreen.Workflow.Planning;
using MolScreen.Workflow.Slurm;

namespace MolScreen.Workflow.Tests;

/// <summary>
/// Workflow files written to attack the engine: shell lines smuggled into job scripts, names that
/// leave the output folder, parser bombs and forged ids. Each must be refused while loading, with
/// file:line:col, before anything is written.
/// </summary>
public class HostileWorkflowTests
{
    private static WorkflowException Fails(TempDir dir, string yaml)
    {
        var path = dir.File("wf.yaml", yaml);
        var e = Assert.Throws<WorkflowException>(() => WorkflowLoader.Load(path, TestCatalog.Create()));
        Assert.StartsWith(path + ":", e.Message);
        return e;
    }

    private static string Library(TempDir dir) { dir.File("lib.smi", "CCO a\nCCN b\n"); return "lib.smi"; }

    [Theory]
    [InlineData("\"t\\ntouch /tmp/pwned\"")]
    [InlineData("\"t\\n\"")]
    [InlineData("../../../../tmp/x")]
    [InlineData("/tmp/x")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("\"a b\"")]
    [InlineData("\"t\\e[31m\"")]
    public void UnsafeWorkflowNamesAreRefusedAtTheirPosition(string name)
    {
        using var dir = new TempDir();
        var e = Fails(dir, $"stages:\n  ingest:\n    inputs: [{Library(dir)}]\nname: {name}\n");
        Assert.Equal((4L, 7L), (e.Line, e.Column));
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\u001b', e.Message);
    }

    [Theory]
    [InlineData("partition", "\"short\\nrm -rf ~\"")]
    [InlineData("partition", "\"short\\n\"")]
    [InlineData("partition", "\"short; id\"")]
    [InlineData("mem", "\"4G\\n\"")]
    [InlineData("mem", "\"4G\\nid\"")]
    [InlineData("time", "\"01:00:00\\n\"")]
    [InlineData("time", "\"10\\nid\"")]
    public void ResourcesThatWouldInjectScriptLinesAreRefused(string key, string value)
    {
        using var dir = new TempDir();
        var e = Fails(dir, $"name: t\nstages:\n  ingest:\n    inputs: [{Library(dir)}]\n    resources:\n      {key}: {value}\n");
        Assert.Equal((6L, 9L + key.Length), (e.Line, e.Column));
        Assert.Contains($"'{key}'", e.Reason);
    }

    [Fact]
    public void ValidResourcesStillLoad()
    {
        using var dir = new TempDir();
        var path = dir.File("wf.yaml", $"name: run-1.v2\nstages:\n  ingest:\n    inputs: [{Library(dir)}]\n    resources: {{ mem: 500M, time: 1-02:00:00, partition: \"gpu,cpu_long\" }}\n");
        var wf = WorkflowLoader.Load(path, TestCatalog.Create());
        Assert.Equal(new StageResources(1, "500M", "1-02:00:00", 0, "gpu,cpu_long"), wf.Stages[0].Resources);
    }

    [Theory]
    [InlineData("\"x\\n> <score>\"")]
    [InlineData("\"x\\e]0;title\\a\"")]
    [InlineData("\"x\\r\"")]
    public void ForgedIdPrefixIsRefused(string prefix)
    {
        using var dir = new TempDir();
        var e = Fails(dir, $"name: t\nstages:\n  ingest:\n    inputs:\n      - path: {Library(dir)}\n        id_prefix: {prefix}\n");
        Assert.Equal((6L, 20L), (e.Line, e.Column));
        Assert.Contains("control character", e.Reason);
    }

    [Fact]
    public void ControlCharactersAnywhereAreRefusedButADescriptionMaySpanLines()
    {
        using var dir = new TempDir();
        var e = Fails(dir, $"name: t\nstages:\n  ingest:\n    inputs: [\"{Library(dir)}\\u001b[2J\"]\n");
        Assert.Equal(4, e.Line);
        Assert.Contains("U+001B", e.Reason);
        var path = dir.File("ok.yaml", $"name: t\ndescription: |\n  two\n  lines\nstages:\n  ingest:\n    inputs: [{Library(dir)}]\n");
        Assert.Equal("two\nlines\n", WorkflowLoader.Load(path, TestCatalog.Create()).Description);
    }

    [Fact]
    public void DeepYamlNestingFailsFastWithAPosition()
    {
        using var dir = new TempDir();
        const int depth = 100_000;
        var sw = Stopwatch.StartNew();
        var e = Fails(dir, "name: t\nstages: " + new string('[', depth) + new string(']', depth) + "\n");
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"took {sw.Elapsed}");
        Assert.Equal(2L, e.Line);
        Assert.InRange(e.Column, 9L + YamlGuard.MaxDepth - 2, 9L + YamlGuard.MaxDepth);
        Assert.Contains($"nested deeper than {YamlGuard.MaxDepth}", e.Reason);
    }

    [Fact]
    public void AliasBombIsRefusedAtTheFirstAnchor()
    {
        // The classic "billion laughs": nine levels of ten aliases each, about half a kilobyte.
        var yaml = new StringBuilder("name: t\nx0: &a0 [lol]\n");
        for (int i = 1; i <= 9; i++)
            yaml.Append($"x{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        yaml.Append("stages: *a9\n");
        Assert.InRange(yaml.Length, 400, 700);
        using var dir = new TempDir();
        var sw = Stopwatch.StartNew();
        var e = Fails(dir, yaml.ToString());
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"took {sw.Elapsed}");
        Assert.Equal((2L, 5L), (e.Line, e.Column));
        Assert.Contains("anchor '&a0' is not allowed", e.Reason);
    }

    [Fact]
    public void AliasWithoutAnchorAndOversizedFilesAreRefused()
    {
        using var dir = new TempDir();
        Assert.Contains("alias", Fails(dir, $"name: t\nstages:\n  ingest:\n    inputs: [{Library(dir)}]\n    description: *nothing\n").Reason);
        var big = Fails(dir, "name: t\n#" + new string('x', YamlGuard.MaxFileBytes) + "\n");
        Assert.Contains("larger than", big.Reason);
    }

    [Theory]
    [InlineData(null, "4G\n", null)]
    [InlineData(null, "4G\nid", null)]
    [InlineData(null, null, "01:00:00\n")]
    [InlineData("short\n", null, null)]
    [InlineData("short'$(id)'", null, null)]
    public void SubmitOptionsThatWouldInjectScriptLinesAreRefused(string? partition, string? mem, string? time)
    {
        var options = new SlurmOptions { Partition = partition, Memory = mem, Time = time };
        var problem = options.Problem();
        Assert.NotNull(problem);
        Assert.StartsWith(partition != null ? "--partition" : mem != null ? "--mem" : "--time", problem);
        Assert.DoesNotContain('\n', problem);
        Assert.Null(new SlurmOptions { Partition = "gpu", Memory = "16G", Time = "2-00:00:00", CpusPerTask = 4, GpusPerTask = 1 }.Problem());
    }

    [Fact]
    public void ScriptsQuoteEveryPathAndRefuseControlCharactersInThem()
    {
        using var dir = new TempDir();
        var path = dir.File("it's.yaml", $"name: t\nstages:\n  ingest:\n    inputs: [{Library(dir)}]\n");
        var wf = WorkflowLoader.Load(path, TestCatalog.Create());
        var plan = Plan.Build(wf, Path.Combine(dir.Path, "out dir"));
        var script = SlurmScripts.Stage(plan, plan.Stages[0], new StageResources(), 10, "/opt/molscreen");
        Assert.Contains("'" + Path.Combine(dir.Path, "it'\\''s.yaml") + "'", script);
        Assert.Contains("--out '" + Path.Combine(dir.Path, "out dir") + "'", script);
        // A plan whose folder holds a newline (no loader involved) still cannot become a script line.
        var hostile = Plan.Build(wf, Path.Combine(dir.Path, "out\nrm -rf ~"));
        Assert.Throws<ArgumentException>(() => SlurmScripts.Stage(hostile, hostile.Stages[0], new StageResources(), 10, "/opt/molscreen"));
        Assert.Throws<ArgumentException>(() => SlurmScripts.Stage(plan, plan.Stages[0], new StageResources(Memory: "4G\nid"), 10, "/opt/molscreen"));
        Assert.Throws<ArgumentException>(() => SlurmScripts.Finalize(hostile, "/opt/molscreen"));
    }
}

/// <summary>Inputs the fuzz bench found that made the YAML library or the loader throw something other than a located error.</summary>
public class FuzzFoundWorkflowTests
{
    [Theory]
    [InlineData("name: t\nstages:\n  ingest:\n    input: \ningest\n    params: {}\n")]
    [InlineData("name: t\nstages:\n  ? {a: 1}\n  : {inputs: [x.smi]}\n")]
    [InlineData("name: t\nstages:\n  ingest:\n    inputs:\n      - { ? [p] : x, path: x.smi }\n")]
    [InlineData("? [name]\n: t\n")]
    public void MalformedFilesGiveALocatedError(string yaml)
    {
        using var dir = new TempDir();
        var path = dir.File("wf.yaml", yaml);
        var e = Assert.Throws<WorkflowException>(() => WorkflowLoader.Load(path, TestCatalog.Create()));
        Assert.StartsWith(path + ":", e.Message);
    }
}
