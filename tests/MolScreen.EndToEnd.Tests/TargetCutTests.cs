using MolScreen.Core.Structures;

namespace MolScreen.EndToEnd.Tests;

/// <summary>Skips when datasets/fetch-rna-targets.sh has not fetched 6zu5.cif (build.sh and test.sh run it).</summary>
public sealed class SixZu5CifFactAttribute : FactAttribute
{
    public static string Cif => Path.Combine(SchemaDocsTests.RepoRoot(), "datasets", "targets", "6zu5.cif");

    public SixZu5CifFactAttribute()
    {
        if (!File.Exists(Cif)) Skip = "datasets/targets/6zu5.cif not fetched (run datasets/fetch-rna-targets.sh)";
    }
}

/// <summary>`molscreen target cut` on the real ribosome, and the shipped ribosome workflow against its output.</summary>
public class TargetCutTests
{
    [SixZu5CifFact]
    public void Cut_of_eS8_feeds_the_shipped_ribosome_workflow()
    {
        using var dir = new TempDir();
        // the layout the workflow expects: workflows/ next to datasets/targets/6zu5-eS8 and datasets/example
        string root = SchemaDocsTests.RepoRoot();
        var cutDir = dir.Combine("datasets", "targets", "6zu5-eS8");
        var r = CliProcess.Run(dir.Path, "target", "cut", "--complex", SixZu5CifFactAttribute.Cif, "--protein", "SI0", "--rna-within", "10", "--out", cutDir);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("chain SI0: 169 protein residues", r.Stdout);
        Assert.Contains("76 within 4.5 Å of RNA", r.Stdout);

        var protein = PdbReader.Read(Path.Combine(cutDir, "protein.pdb"));
        Assert.Equal(["A"], protein.ChainIds);
        Assert.Equal(169, protein.OfKind(ResidueKind.Protein).Count());
        var complex = PdbReader.Read(Path.Combine(cutDir, "complex.pdb"));
        Assert.Equal(["A", "B", "C"], complex.ChainIds);
        Assert.Contains("REMARK 250 chain A = 6zu5 chain SI0", File.ReadAllText(Path.Combine(cutDir, "rna.pdb")));
        // the workflow's RNA partner is the longest stretch of the cut
        var wf = File.ReadAllText(Path.Combine(root, "workflows", "ribosome-6zu5.yaml"));
        var longest = File.ReadAllLines(Path.Combine(cutDir, "rna.fasta")).Where(l => !l.StartsWith('>')).MaxBy(l => l.Length)!;
        Assert.Contains($"rna_sequence: {longest} ", wf);

        Directory.CreateDirectory(dir.Combine("workflows"));
        Directory.CreateDirectory(dir.Combine("datasets", "example"));
        File.Copy(Path.Combine(root, "datasets", "example", "approved-drugs.smi"), dir.Combine("datasets", "example", "approved-drugs.smi"));
        File.WriteAllText(dir.Combine("workflows", "ribosome-6zu5.yaml"), wf);
        var v = CliProcess.Run(dir.Path, "validate", "workflows/ribosome-6zu5.yaml");
        Assert.True(v.ExitCode == 0, v.ToString());
        Assert.Contains("\"interface_patch\":10", v.Stdout);
    }

    [SixZu5CifFact]
    public void Cut_errors_exit_2_and_name_the_problem()
    {
        using var dir = new TempDir();
        var r = CliProcess.Run(dir.Path, "target", "cut", "--complex", SixZu5CifFactAttribute.Cif, "--protein", "L50", "--out", dir.Combine("x"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("chain 'L50' has no protein residues", r.Stderr);
        Assert.Contains("SI0", r.Stderr); // the protein chains are listed
        File.WriteAllText(dir.Combine("t.cif"), "data_T\nloop_\n_atom_site.id\n_atom_site.Cartn_x\n_atom_site.Cartn_y\n_atom_site.Cartn_z\n");
        r = CliProcess.Run(dir.Path, "target", "cut", "--complex", dir.Combine("t.cif"), "--protein", "A", "--out", dir.Combine("x"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("t.cif:2: atom_site has no auth_atom_id or label_atom_id", r.Stderr);
    }
}
