using System.Diagnostics;
using MolScreen.Chemistry.OpenBabel;
using Xunit.Abstractions;

namespace MolScreen.Chemistry.Tests.OpenBabel;

/// <summary>
/// The shim asks libinchi for no AuxInfo layer (option AuxNone), which the key does not read. The
/// keys must stay those Open Babel writes with its default options: the obabel command (Debian
/// package openbabel) is run over NCI first_5K and every key we compute must equal its key.
/// </summary>
[Collection(OpenBabelCollection.Name)]
public class InChIKeyTests(ITestOutputHelper output)
{
    private const string Nci = "/usr/share/RDKit/Data/NCI/first_5K.smi";

    [Fact]
    public void KeysEqualTheObabelCommandsOnNci5k()
    {
        Assert.True(File.Exists(Nci), $"{Nci} missing: run scripts/install-deps.sh (Debian package rdkit-data)");
        var reference = ObabelKeys(Nci);
        int compared = 0;
        var differences = new List<string>();
        foreach (var line in File.ReadLines(Nci).Where(l => l.Length > 0))
        {
            var fields = line.Split('\t', ' ');
            string key;
            try
            {
                using var mol = ObMolecule.FromSmiles(fields[0]);
                key = mol.InChIKey;
            }
            catch (ChemistryException) { continue; }
            compared++;
            if (!reference.TryGetValue(fields[1], out var expected) || expected != key)
                if (differences.Count < 10) differences.Add($"NCI {fields[1]} {fields[0]}: ours {key}, obabel {expected ?? "(none)"}");
        }
        output.WriteLine($"{compared} keys compared with obabel's");
        Assert.True(compared > 4900, $"only {compared} molecules parsed");
        Assert.Empty(differences);
    }

    /// <summary>NCI id → key, from `obabel -ismi FILE -oinchikey -xt` (each key followed by the record's title).</summary>
    private static Dictionary<string, string> ObabelKeys(string file)
    {
        var psi = new ProcessStartInfo("obabel") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-ismi", file, "-oinchikey", "-xt" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("obabel did not start (Debian package openbabel)");
        var stderr = p.StandardError.ReadToEndAsync();
        var keys = new Dictionary<string, string>();
        for (var l = p.StandardOutput.ReadLine(); l != null; l = p.StandardOutput.ReadLine())
        {
            var parts = l.Split(' ', 2);
            if (parts.Length == 2) keys[parts[1].Trim()] = parts[0];
        }
        p.WaitForExit();
        _ = stderr.Result;
        Assert.True(keys.Count > 4900, $"obabel wrote only {keys.Count} keys (exit {p.ExitCode})");
        return keys;
    }
}
