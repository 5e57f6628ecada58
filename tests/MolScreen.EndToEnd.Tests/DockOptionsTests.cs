using System.Globalization;

namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// Every option of `molscreen dock` that docs/cli.md documents, each in at least one run, on a toy
/// pocket small enough that the whole set takes seconds: both ways of giving the box, every mode,
/// both scorings, the pose ranking, score-only, local-only, the receptor filters, the devices
/// that run without a GPU, and the combinations that must be refused.
/// </summary>
public class DockOptionsTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A ring of carbons and oxygens around the origin, plus one water and one sodium ion.</summary>
    private static void WriteInputs(TempDir dir)
    {
        var lines = new List<string>();
        for (int k = 0; k < 24; k++)
        {
            float a = k * MathF.PI / 12;
            lines.Add(PdbAtom(k + 1, "C" + (k % 9), "ALA", k + 1, 5 * MathF.Cos(a), 5 * MathF.Sin(a), (k % 3) - 1f, k % 4 == 0 ? "O" : "C", het: false));
        }
        lines.Add(PdbAtom(25, "O", "HOH", 100, 0, 0, 4.5f, "O", het: true));
        lines.Add(PdbAtom(26, "NA", " NA", 101, 0, 0, -4.5f, "NA", het: true));
        File.WriteAllLines(dir.Combine("r.pdb"), lines);
        File.WriteAllLines(dir.Combine("l.pdbqt"), ChainLigand(3));
        // The same atoms as an SDF reference ligand for --box-from-ligand.
        File.WriteAllText(dir.Combine("ref.sdf"), "ref\n  test\n\n  3  2  0  0  0  0  0  0  0  0999 V2000\n"
            + "   -1.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n"
            + "    0.2500    0.8500    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n"
            + "    1.5000    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0\n"
            + "  1  2  1  0\n  2  3  1  0\nM  END\n$$$$\n");
    }

    private static string PdbAtom(int serial, string name, string res, int resNum, float x, float y, float z, string element, bool het) =>
        string.Create(Inv, $"{(het ? "HETATM" : "ATOM  ")}{serial,5} {(name.Length < 4 ? " " + name.PadRight(3) : name)} {res,3} A{resNum,4}    {x,8:F3}{y,8:F3}{z,8:F3}{1f,6:F2}{20f,6:F2}          {element,2}");

    private static string[] ChainLigand(int torsions)
    {
        string Atom(int serial, int index) => string.Create(Inv,
            $"ATOM  {serial,5}  C{serial % 100,-2} LIG L   1    {-2f + 1.25f * index,8:F3}{(index % 2 == 0 ? 0f : 0.85f),8:F3}{0f,8:F3}  1.00  0.00     0.000 C ");
        var lines = new List<string> { "ROOT", Atom(1, 0), "ENDROOT" };
        for (int k = 1; k <= torsions; k++) { lines.Add($"BRANCH {k,3} {k + 1,3}"); lines.Add(Atom(k + 1, k)); }
        lines.Add(Atom(torsions + 2, torsions + 1));
        for (int k = torsions; k >= 1; k--) lines.Add($"ENDBRANCH {k,3} {k + 1,3}");
        lines.Add($"TORSDOF {torsions}");
        return lines.ToArray();
    }

    private static readonly string[] Box = ["--center", "0", "0", "0", "--size", "16", "16", "16"];
    private static readonly string[] Fast = ["--exhaustiveness", "1", "--mode", "fast", "--num-poses", "2", "--device", "cpu"];

    public static TheoryData<string, string[]> Runs() => new()
    {
        { "box from a PDBQT ligand", ["--box-from-ligand", "l.pdbqt", .. Fast] },
        { "box from an SDF ligand", ["--box-from-ligand", "ref.sdf", .. Fast] },
        { "centre and size", [.. Box, .. Fast] },
        { "balance mode, seed, vinardo", [.. Box, "--exhaustiveness", "1", "--mode", "balance", "--seed", "7", "--scoring", "vinardo", "--ranking", "vina", "--num-poses", "3", "--device", "cpu"] },
        { "detail mode", [.. Box, "--exhaustiveness", "1", "--mode", "detail", "--num-poses", "1", "--device", "cpu"] },
        { "quick mode", [.. Box, "--exhaustiveness", "1", "--mode", "quick", "--device", "cpu"] },
        { "score only", [.. Box, "--score-only"] },
        { "local only", ["--box-from-ligand", "l.pdbqt", "--local-only"] },
        { "keep waters and ions", [.. Box, .. Fast, "--keep-waters", "--keep-ions"] },
        { "emulated GPU kernels with lanes", [.. Box, "--exhaustiveness", "1", "--mode", "fast", "--num-poses", "2", "--device", "ilgpu-cpu", "--gpu-lanes", "2"] },
        { "auto device", [.. Box, "--exhaustiveness", "1", "--mode", "fast", "--num-poses", "2"] },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void DocumentedCombinationDocks(string what, string[] options)
    {
        using var dir = new TempDir();
        WriteInputs(dir);
        var r = CliProcess.Run(dir.Path, ["dock", "--receptor", "r.pdb", "--ligands", "l.pdbqt", .. options, "--out", "o"]);
        Assert.True(r.ExitCode == 0, what + ": " + r);
        Assert.Contains("1 docked, 0 rejected", r.Stdout);
        Assert.True(File.Exists(dir.Combine("o", "poses.parquet")) && File.Exists(dir.Combine("o", "poses", "l.pdbqt")), what);
        Assert.StartsWith("l\n", File.ReadAllText(dir.Combine("o", "poses.sdf")));
    }

    [Theory]
    [InlineData("give either --center/--size or --box-from-ligand, not both", "--box-from-ligand", "l.pdbqt", "--center", "0", "0", "0", "--size", "16", "16", "16")]
    [InlineData("a box is needed", "--exhaustiveness", "1")]
    [InlineData("a box is needed", "--center", "0", "0", "0")]
    [InlineData("--score-only and --local-only exclude each other", "--box-from-ligand", "l.pdbqt", "--score-only", "--local-only")]
    [InlineData("--mode slow", "--box-from-ligand", "l.pdbqt", "--mode", "slow")]
    [InlineData("--scoring ad4", "--box-from-ligand", "l.pdbqt", "--scoring", "ad4")]
    [InlineData("--device tpu", "--box-from-ligand", "l.pdbqt", "--device", "tpu")]
    [InlineData("ranking strain: expected vina", "--box-from-ligand", "l.pdbqt", "--ranking", "strain")]
    public void ConflictingOrMissingOptionsAreUsageErrors(string message, params string[] options)
    {
        using var dir = new TempDir();
        WriteInputs(dir);
        var r = CliProcess.Run(dir.Path, ["dock", "--receptor", "r.pdb", "--ligands", "l.pdbqt", .. options, "--out", "o"]);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains(message, r.Stderr);
    }

    [Fact]
    public void ALigandFileNameCannotForgeSdfRecords()
    {
        using var dir = new TempDir();
        WriteInputs(dir);
        var hostile = "evil\n$$$$\nforged";
        File.Copy(dir.Combine("l.pdbqt"), dir.Combine(hostile + ".pdbqt"));
        var r = CliProcess.Run(dir.Path, ["dock", "--receptor", "r.pdb", "--ligands", "l.pdbqt", hostile + ".pdbqt", .. Box, .. Fast, "--out", "o"]);
        Assert.True(r.ExitCode == 0, r.ToString());
        var sdf = File.ReadAllText(dir.Combine("o", "poses.sdf"));
        var records = sdf.Split("$$$$\n", StringSplitOptions.RemoveEmptyEntries);
        int poses = records.Length;
        Assert.Equal(poses, sdf.Split('\n').Count(l => l == "$$$$"));
        Assert.Equal(poses, records.Count(rec => rec.StartsWith("l\n", StringComparison.Ordinal) || rec.StartsWith("evil\\n$$$$\\nforged\n", StringComparison.Ordinal)));
        Assert.Contains(records, rec => rec.StartsWith("evil\\n$$$$\\nforged\n", StringComparison.Ordinal));
        Assert.DoesNotContain(sdf.Split('\n'), l => l == "forged");
    }
}
