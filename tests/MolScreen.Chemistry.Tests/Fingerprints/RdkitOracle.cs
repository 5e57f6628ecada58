using System.Diagnostics;
using System.Text.Json;
using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Tests.Fingerprints;

/// <summary>
/// Runs when Debian's python3-rdkit and rdkit-data are installed; in CI (CI set) it always runs, so a
/// missing install fails instead of skipping.
/// </summary>
public sealed class RdkitFactAttribute : FactAttribute
{
    public RdkitFactAttribute()
    {
        if (!RdkitOracle.Available && Environment.GetEnvironmentVariable("CI") == null)
            Skip = $"RDKit oracle unavailable ({RdkitOracle.Python} with python3-rdkit, {RdkitOracle.NciFile}); apt-get install python3-rdkit rdkit-data. Runs in CI.";
    }
}

/// <summary>One molecule as RDKit perceived and fingerprinted it (see rdkit_morgan_oracle.py).</summary>
public sealed record OracleMolecule(string Smiles, MolGraph Graph, int[] Bits);

/// <summary>
/// Drives tests/.../rdkit_morgan_oracle.py under Debian's /usr/bin/python3 (the pyenv python first on
/// PATH has no RDKit): one process per call, every SMILES piped in one go.
/// </summary>
public static class RdkitOracle
{
    public const string Python = "/usr/bin/python3";
    public const string NciFile = "/usr/share/RDKit/Data/NCI/first_5K.smi";

    private static readonly Lazy<bool> s_available = new(() =>
        File.Exists(Python) && File.Exists(NciFile) && Run(["-c", "import rdkit.Chem.AllChem"], "").Code == 0);

    public static bool Available => s_available.Value;

    public static string Script
    {
        get
        {
            var d = new DirectoryInfo(AppContext.BaseDirectory);
            while (d != null && !File.Exists(Path.Combine(d.FullName, "MolScreen.sln"))) d = d.Parent;
            if (d == null) throw new InvalidOperationException("repo root not found");
            return Path.Combine(d.FullName, "tests", "MolScreen.Chemistry.Tests", "Fingerprints", "rdkit_morgan_oracle.py");
        }
    }

    /// <summary>SMILES column of the NCI set (SMILES, tab, id per line).</summary>
    public static IReadOnlyList<string> NciSmiles() =>
        File.ReadLines(NciFile).Where(l => l.Length > 0).Select(l => l.Split('\t')[0]).ToList();

    /// <summary>Fingerprints every SMILES with RDKit; null where RDKit rejects the SMILES.</summary>
    public static IReadOnlyList<OracleMolecule?> Describe(IReadOnlyList<string> smiles)
    {
        var (code, stdout, stderr) = Run([Script], string.Join('\n', smiles) + "\n");
        if (code != 0) throw new InvalidOperationException($"oracle exited {code}:\n{stderr}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != smiles.Count) throw new InvalidOperationException($"oracle answered {lines.Length} lines for {smiles.Count} SMILES:\n{stderr}");
        return lines.Select((line, i) => Parse(smiles[i], line)).ToList();
    }

    /// <summary>RDKit's Morgan mass term per element 0..118 and isotope 0..400: [z][isotope].</summary>
    public static int[][] MassDeltas()
    {
        var (code, stdout, stderr) = Run([Script, "--mass-deltas"], "");
        if (code != 0) throw new InvalidOperationException($"oracle exited {code}:\n{stderr}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("deltas").EnumerateArray().Select(e => e.GetInt32()).ToArray())
            .ToArray();
    }

    private static OracleMolecule? Parse(string smiles, string line)
    {
        var root = JsonDocument.Parse(line).RootElement;
        if (!root.GetProperty("ok").GetBoolean()) return null;
        var atoms = Rows(root.GetProperty("atoms"));
        var bonds = Rows(root.GetProperty("bonds"));
        var graph = new MolGraph
        {
            AtomicNumber = atoms.Select(a => a[0]).ToArray(),
            FormalCharge = atoms.Select(a => a[1]).ToArray(),
            Isotope = atoms.Select(a => a[2]).ToArray(),
            TotalHydrogens = atoms.Select(a => a[3]).ToArray(),
            Aromatic = atoms.Select(a => a[4] != 0).ToArray(),
            InRing = atoms.Select(a => a[5] != 0).ToArray(),
            BondBegin = bonds.Select(b => b[0]).ToArray(),
            BondEnd = bonds.Select(b => b[1]).ToArray(),
            BondKinds = bonds.Select(b => (BondKind)b[2]).ToArray(),
            BondInRing = bonds.Select(b => b[3] != 0).ToArray(),
        };
        graph.Validate();
        var bits = root.GetProperty("bits").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        return new OracleMolecule(smiles, graph, bits);
    }

    private static int[][] Rows(JsonElement array) =>
        array.EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();

    private static (int Code, string Stdout, string Stderr) Run(IEnumerable<string> args, string stdin)
    {
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {Python}");
        // Feed stdin while draining both pipes, or a large batch deadlocks on full pipe buffers.
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
