using System.Diagnostics;

namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// The attacks of a hostile workflow author or library supplier, through the real executable: shell
/// lines in job scripts, run folders outside out/, parser bombs, forged ids and terminal escapes.
/// Each is refused with a located error (or escaped for display), and nothing is written where it should not be.
/// </summary>
public class HostileInputTests
{
    private static TempDir WithLibrary()
    {
        var dir = new TempDir();
        File.WriteAllText(dir.Combine("lib.smi"), "CCO ethanol\nc1ccccc1 benzene\n");
        return dir;
    }

    [Theory]
    [InlineData("name: \"x\\ntouch pwned\"\nstages:\n  ingest:\n    inputs: [lib.smi]\n", "wf.yaml:1:7:")]
    [InlineData("name: x\nstages:\n  ingest:\n    inputs: [lib.smi]\n    resources: { partition: \"p\\ntouch pwned\" }\n", "wf.yaml:5:29:")]
    [InlineData("name: x\nstages:\n  ingest:\n    inputs: [lib.smi]\n    resources:\n      mem: \"4G\\ntouch pwned\"\n", "wf.yaml:6:12:")]
    [InlineData("name: x\nstages:\n  ingest:\n    inputs: [lib.smi]\n    resources:\n      time: \"10\\ntouch pwned\"\n", "wf.yaml:6:13:")]
    [InlineData("name: ../../../../tmp/x\nstages:\n  ingest:\n    inputs: [lib.smi]\n", "wf.yaml:1:7:")]
    [InlineData("name: /tmp/x\nstages:\n  ingest:\n    inputs: [lib.smi]\n", "wf.yaml:1:7:")]
    public void InjectedWorkflowsAreRefusedByValidateRunAndSubmit(string yaml, string where)
    {
        using var dir = WithLibrary();
        File.WriteAllText(dir.Combine("wf.yaml"), yaml);
        foreach (var args in new[] { new[] { "validate", "wf.yaml" }, ["run", "wf.yaml"], ["submit", "wf.yaml", "--scheduler", "slurm", "--dry-run"] })
        {
            var r = CliProcess.Run(dir.Path, args);
            Assert.True(r.ExitCode == 2, string.Join(' ', args) + ": " + r);
            Assert.Contains(where, r.Stderr);
        }
        Assert.False(Directory.Exists(dir.Combine("out")), "nothing was written");
        Assert.False(File.Exists(dir.Combine("pwned")));
    }

    [Theory]
    [InlineData("--mem", "4G\ntouch pwned")]
    [InlineData("--time", "01:00:00\ntouch pwned")]
    [InlineData("--partition", "debug\ntouch pwned")]
    public void SubmitOptionsWithALineBreakAreRefused(string option, string value)
    {
        using var dir = WithLibrary();
        File.WriteAllText(dir.Combine("wf.yaml"), "name: x\nstages:\n  ingest:\n    inputs: [lib.smi]\n");
        var r = CliProcess.Run(dir.Path, "submit", "wf.yaml", "--scheduler", "slurm", "--dry-run", option, value);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("error: " + option, r.Stderr);
        Assert.False(Directory.Exists(dir.Combine("out")), "no script was written");
    }

    [Fact]
    public void RunWithoutOutStaysUnderOut()
    {
        using var dir = WithLibrary();
        File.WriteAllText(dir.Combine("wf.yaml"), "name: lib.v1\nstages:\n  ingest:\n    inputs: [lib.smi]\n");
        var r = CliProcess.Run(dir.Path, "run", "wf.yaml");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.True(File.Exists(dir.Combine("out", "lib.v1", "run.json")));
        Assert.Equal(["lib.smi", "out", "wf.yaml"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void YamlBombsFailFast()
    {
        using var dir = WithLibrary();
        File.WriteAllText(dir.Combine("deep.yaml"), "name: x\nstages: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        var bomb = "name: x\nx0: &a0 [lol]\n" + string.Concat(Enumerable.Range(1, 9).Select(i => $"x{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n")) + "stages: *a9\n";
        File.WriteAllText(dir.Combine("bomb.yaml"), bomb);
        var sw = Stopwatch.StartNew();
        var deep = CliProcess.Run(dir.Path, "validate", "deep.yaml");
        var alias = CliProcess.Run(dir.Path, "validate", "bomb.yaml");
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), $"took {sw.Elapsed}");
        Assert.True(deep.ExitCode == 2, deep.ToString());
        Assert.Contains("deep.yaml:2:", deep.Stderr);
        Assert.Contains("nested deeper than 64", deep.Stderr);
        Assert.True(alias.ExitCode == 2, alias.ToString());
        Assert.Contains("bomb.yaml:2:5: YAML anchor '&a0' is not allowed", alias.Stderr);
    }

    [Fact]
    public void DeeplyNestedReactiveGroupFailsValidate()
    {
        using var dir = WithLibrary();
        var smarts = string.Concat(Enumerable.Repeat("[$(C", 20_000)) + string.Concat(Enumerable.Repeat(")]", 20_000));
        File.WriteAllText(dir.Combine("wf.yaml"),
            $"name: x\nstages:\n  ingest:\n    inputs: [lib.smi]\n  featurize:\n    input: ingest\n    params:\n      reactive_groups:\n        - acyl=C(=O)Cl\n        - \"bomb={smarts}\"\n");
        var r = CliProcess.Run(dir.Path, "validate", "wf.yaml");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("wf.yaml:10:11: parameter 'reactive_groups': reactive group 'bomb'", r.Stderr);
        Assert.Contains("pattern longer than 4096 characters", r.Stderr);
        // Within the length limit, the nesting limit speaks.
        var nine = string.Concat(Enumerable.Repeat("[$(C", 9)) + string.Concat(Enumerable.Repeat(")]", 9));
        File.WriteAllText(dir.Combine("wf.yaml"),
            $"name: x\nstages:\n  ingest:\n    inputs: [lib.smi]\n  featurize:\n    input: ingest\n    params:\n      reactive_groups: [\"nine={nine}\"]\n");
        var nested = CliProcess.Run(dir.Path, "validate", "wf.yaml");
        Assert.True(nested.ExitCode == 2, nested.ToString());
        Assert.Contains("wf.yaml:8:25: parameter 'reactive_groups': reactive group 'nine': recursive SMARTS '$(' nested deeper than 8", nested.Stderr);
        Assert.True(r.Stderr.Length < 2000, "the message shortens the pattern");
    }

    [Fact]
    public void DeepBranchesAreRejectedRecordsNotACrash()
    {
        using var dir = WithLibrary();
        var deep = string.Concat(Enumerable.Repeat("C(", 200_000)) + "C" + new string(')', 200_000);
        File.WriteAllText(dir.Combine("deep.smi"), $"CCO ok\n{deep} deep\nCCN ok2\n");
        var ingest = CliProcess.Run(dir.Path, "ingest", "deep.smi", "--out", "lib.parquet");
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("in 3 = out 2 + rejected 1", ingest.Stdout);
        var reasons = CliProcess.Run(dir.Path, "inspect", "lib.rejects.parquet", "--width", "200");
        Assert.Contains("branches nested deeper than 256", reasons.Stdout);
        var featurize = CliProcess.Run(dir.Path, "featurize", "lib.parquet", "--out", "f.parquet");
        Assert.True(featurize.ExitCode == 0, featurize.ToString());
        Assert.Contains("in 2 = out 2 + rejected 0", featurize.Stdout);
    }

    [Theory]
    [InlineData("x\n> <score>\n-99\n\n$$$$")]
    [InlineData("x\u001b]0;owned\u0007")]
    public void ForgedIdPrefixIsRefusedByTheDirectIngest(string prefix)
    {
        using var dir = WithLibrary();
        var r = CliProcess.Run(dir.Path, "ingest", "lib.smi", "--out", "lib.parquet", "--id-prefix", prefix);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("control characters", r.Stderr);
        Assert.DoesNotContain('\u001b', r.Stderr);
        Assert.False(File.Exists(dir.Combine("lib.parquet")));
    }

    [Fact]
    public void InspectEscapesTerminalSequencesInNames()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("lib.tsv"), "smiles\tname\nCCO\tev\u001b[2Jil\u0007\nCCN\tplain\n");
        Assert.Equal(0, CliProcess.Run(dir.Path, "ingest", "lib.tsv", "--out", "lib.parquet").ExitCode);
        var r = CliProcess.Run(dir.Path, "inspect", "lib.parquet");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("ev\\e[2Jil\\x07", r.Stdout);
        Assert.DoesNotContain('\u001b', r.Stdout);
        Assert.DoesNotContain('\u0007', r.Stdout);
    }
}
