using System.Diagnostics;
using System.Text.Json;
using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Tests.Descriptors;

/// <summary>
/// Runs RDKit (Debian python3-rdkit) once over a SMILES file and returns, per molecule, RDKit's own
/// perceived graph as a MolGraph together with RDKit's descriptor values. Comparing our formulas on
/// RDKit's graph isolates the formulas from perception differences between toolkits.
/// </summary>
public static class RdkitOracle
{
    public const string Python = "/usr/bin/python3";
    public const string Nci5k = "/usr/share/RDKit/Data/NCI/first_5K.smi";

    public static bool Available => File.Exists(Python) && File.Exists(Nci5k);

    public static List<JsonElement> Run(string script, IEnumerable<string> lines, params string[] args)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, script));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        foreach (var l in lines) p.StandardInput.WriteLine(l);
        p.StandardInput.Close();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"RDKit oracle failed: {stderr.Result}");
        return stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }

    public static MolGraph Graph(JsonElement e) => new()
    {
        AtomicNumber = Ints(e, "z"), FormalCharge = Ints(e, "q"), Isotope = Ints(e, "iso"), TotalHydrogens = Ints(e, "h"),
        Aromatic = Bools(e, "arom"), InRing = Bools(e, "ring"),
        BondBegin = Ints(e, "bb"), BondEnd = Ints(e, "be"), BondKinds = Ints(e, "bk").Select(k => (BondKind)k).ToArray(), BondInRing = Bools(e, "bring"),
    };

    private static int[] Ints(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetInt32()).ToArray();
    private static bool[] Bools(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetBoolean()).ToArray();
}
