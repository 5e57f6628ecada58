using System.Diagnostics;
using System.Text.Json;
using MolScreen.Chemistry.Molecules;
using MolScreen.Chemistry.Tests.Descriptors;

namespace MolScreen.Chemistry.Tests.Smarts;

/// <summary>
/// Small test molecules as RDKit perceives them (aromaticity, hydrogens, rings), served by one long-lived
/// oracle process so each unit test can name its molecule by SMILES without paying for an RDKit start.
/// </summary>
public static class RdkitGraphs
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, MolGraph> Cache = new();
    private static Process? _oracle;

    public static MolGraph Get(string smiles)
    {
        lock (Gate)
        {
            if (Cache.TryGetValue(smiles, out var cached)) return cached;
            Assert.True(RdkitOracle.Available, "python3-rdkit and rdkit-data are needed (scripts/install-deps.sh installs them)");
            _oracle ??= Start();
            _oracle.StandardInput.WriteLine($"{smiles}\tunit");
            _oracle.StandardInput.Flush();
            var line = _oracle.StandardOutput.ReadLine() ?? throw new InvalidOperationException("RDKit oracle exited");
            var e = JsonDocument.Parse(line).RootElement;
            if (!e.GetProperty("ok").GetBoolean()) throw new ArgumentException($"RDKit cannot read {smiles}");
            return Cache[smiles] = RdkitOracle.Graph(e);
        }
    }

    private static Process Start()
    {
        var psi = new ProcessStartInfo(RdkitOracle.Python) { RedirectStandardInput = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Smarts", "rdkit_smarts_oracle.py"));
        psi.ArgumentList.Add("[]");
        return Process.Start(psi)!;
    }
}
