using System.Diagnostics;
using MolScreen.Chemistry;
using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;

namespace MolScreen.Bench;

/// <summary>
/// Featurize throughput per core: our Featurizer (Open Babel parse, standardize, canonical SMILES,
/// InChIKey; our descriptors, ECFP4, PAINS, reactive groups) in one thread, against RDKit doing the
/// same work in one process on the same SMILES in the same run.
/// </summary>
public static class FeaturizeBenchmark
{
    public static void Run(string smilesFile, string peerScript)
    {
        var smiles = File.ReadLines(smilesFile).Where(l => l.Length > 0 && !l.StartsWith("smiles", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.Split('\t', ' ')[0]).ToList();
        var featurizer = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        foreach (var s in smiles.Take(200)) TryCompute(featurizer, s); // warm-up: JIT, pattern compilation
        var sw = Stopwatch.StartNew();
        int failed = 0;
        foreach (var s in smiles) if (!TryCompute(featurizer, s)) failed++;
        var ours = sw.Elapsed.TotalSeconds;

        var (same, sameFailed, sameSeconds) = Peer(peerScript, smilesFile, "same");
        var (light, lightFailed, lightSeconds) = Peer(peerScript, smilesFile, "light");

        Console.WriteLine($"{"case",-52} {"molecules",10} {"failed",7} {"seconds",8} {"mol/s/core",11}");
        Console.WriteLine($"{"molscreen Featurizer (1 thread, full featurize)",-52} {smiles.Count,10} {failed,7} {ours,8:F2} {smiles.Count / ours,11:N0}");
        Console.WriteLine($"{"RDKit 2022.09 same work minus InChIKey (1 process)",-52} {same,10} {sameFailed,7} {sameSeconds,8:F2} {same / sameSeconds,11:N0}");
        Console.WriteLine($"{"RDKit 2022.09 light: parse+canon+Morgan+3 descr.",-52} {light,10} {lightFailed,7} {lightSeconds,8:F2} {light / lightSeconds,11:N0}");
        Console.WriteLine($"ratio molscreen / RDKit (same work) = {(smiles.Count / ours) / (same / sameSeconds):F2}x; vs RDKit light set = {(smiles.Count / ours) / (light / lightSeconds):F2}x");
    }

    private static (int Molecules, int Failed, double Seconds) Peer(string script, string smilesFile, string mode)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true };
        foreach (var a in new[] { script, smilesFile, mode }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var line = p.StandardOutput.ReadToEnd().Trim().Split(' ');
        p.WaitForExit();
        if (p.ExitCode != 0 || line.Length != 4) throw new InvalidOperationException($"RDKit peer failed (exit {p.ExitCode})");
        return (int.Parse(line[1]), int.Parse(line[2]), double.Parse(line[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool TryCompute(Featurizer f, string smiles)
    {
        try { f.Compute("smiles", smiles); return true; }
        catch (ChemistryException) { return false; }
    }
}
