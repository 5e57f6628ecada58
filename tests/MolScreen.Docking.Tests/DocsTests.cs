using MolScreen.Docking.Output;

namespace MolScreen.Docking.Tests;

/// <summary>The dock output schema and command stay documented.</summary>
public sealed class DocsTests
{
    [Fact]
    public void Every_pose_column_and_the_dock_command_are_documented()
    {
        string root = SharedData.RepoRoot();
        string schemas = File.ReadAllText(Path.Combine(root, "docs", "parquet-schemas.md"));
        foreach (var f in PoseTable.Schema.DataFields) Assert.Contains($"| `{f.Name}` |", schemas);
        string cli = File.ReadAllText(Path.Combine(root, "docs", "cli.md"));
        foreach (var opt in new[] { "--receptor", "--ligands", "--center", "--size", "--box-from-ligand", "--exhaustiveness", "--mode", "--seed",
                     "--num-poses", "--ranking", "--device", "--gpu-lanes", "--score-only", "--local-only", "--out" })
            Assert.Contains(opt, cli);
    }
}
