using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MolScreen.Docking.Tests;

/// <summary>Runs the peer tools the tests compare against (Debian autodock-vina, openbabel); never used by the product.</summary>
public static partial class Peers
{
    public static (int Exit, string Output) Run(string exe, string args, int timeoutMs = 600_000)
    {
        var psi = new ProcessStartInfo(exe, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {exe}");
        var so = p.StandardOutput.ReadToEndAsync();
        var se = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs)) { p.Kill(true); throw new TimeoutException($"{exe} {args} timed out"); }
        return (p.ExitCode, so.Result + se.Result);
    }

    /// <summary>SDF/MOL2 crystal ligand → PDBQT the way the Vina baseline prepared it (obabel -h -p 7.4).</summary>
    public static string ObabelLigand(string input, string outDir)
    {
        string outPath = Path.Combine(outDir, Path.GetFileNameWithoutExtension(input) + ".pdbqt");
        var (exit, output) = Run("obabel", $"\"{input}\" -h -p 7.4 -O \"{outPath}\"");
        if (exit != 0 || !File.Exists(outPath)) throw new InvalidOperationException($"obabel failed on {input}: {output}");
        return outPath;
    }

    /// <summary>
    /// A PDB receptor prepared the way the Vina baseline did: ATOM/HETATM only, waters dropped, altloc A kept (altloc column
    /// blanked), then obabel -xr -p 7.4, keeping ATOM/HETATM lines of its PDBQT.
    /// </summary>
    public static string ObabelReceptor(string pdb, string outDir)
    {
        string clean = Path.Combine(outDir, Path.GetFileNameWithoutExtension(pdb) + "_clean.pdb");
        var lines = File.ReadLines(pdb)
            .Where(l => (l.StartsWith("ATOM  ") || l.StartsWith("HETATM")) && !(l.Length > 20 && l[17..20] == "HOH"))
            .Where(l => l.Length < 17 || l[16] == ' ' || l[16] == 'A')
            .Select(l => l.Length > 16 ? l[..16] + " " + l[17..] : l);
        File.WriteAllLines(clean, lines);
        string raw = Path.Combine(outDir, Path.GetFileNameWithoutExtension(pdb) + "_raw.pdbqt");
        var (exit, output) = Run("obabel", $"\"{clean}\" -xr -p 7.4 -O \"{raw}\"");
        if (exit != 0 || !File.Exists(raw)) throw new InvalidOperationException($"obabel failed on {pdb}: {output}");
        string rec = Path.Combine(outDir, Path.GetFileNameWithoutExtension(pdb) + "_obabel.pdbqt");
        File.WriteAllLines(rec, File.ReadLines(raw).Where(l => l.StartsWith("ATOM  ") || l.StartsWith("HETATM")));
        return rec;
    }

    public sealed record VinaScore(double Total, double Inter, double Intra);

    public static VinaScore VinaScoreOnly(string receptor, string ligand, string extra = "")
    {
        var (exit, output) = Run("vina", $"--receptor \"{receptor}\" --ligand \"{ligand}\" --score_only --autobox {extra}");
        if (exit != 0) throw new InvalidOperationException($"vina --score_only failed: {output}");
        return new VinaScore(Grab(output, "Estimated Free Energy of Binding"), Grab(output, @"\(1\) Final Intermolecular Energy"), Grab(output, @"\(2\) Final Total Internal Energy"));
    }

    /// <summary>Unweighted intermolecular sum of one term: vina with a unit weight on it and zero on the others.</summary>
    public static double VinaTerm(string receptor, string ligand, int term)
    {
        string[] names = ["gauss1", "gauss2", "repulsion", "hydrophobic", "hydrogen"];
        string w = string.Join(" ", names.Select((n, k) => $"--weight_{n} {(k == term ? 1 : 0)}"));
        return VinaScoreOnly(receptor, ligand, w).Inter;
    }

    static double Grab(string output, string label)
    {
        var m = Regex.Match(output, label + @"\s*:\s*(-?[0-9.]+)");
        if (!m.Success) throw new InvalidOperationException($"no '{label}' in vina output: {output}");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
