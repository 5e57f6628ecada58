using System.Diagnostics;
using System.Globalization;
using MolScreen.Chemistry;
using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;

namespace MolScreen.Bench;

/// <summary>
/// Featurize throughput per core: our Featurizer (Open Babel parse, standardize, canonical SMILES,
/// InChIKey; our descriptors, ECFP4, PAINS, reactive groups) in one thread, against RDKit doing the
/// same work in one process on the same SMILES in the same run. Rates are given per wall second and
/// per CPU second (the VM is shared, so CPU time is the steadier figure); a second timed pass
/// records the per-step split. Each SMILES is featurized three times: a first (cold) pass, the warm pass
/// the ratios use, and the split pass.
/// </summary>
public static class FeaturizeBenchmark
{
    public static void Run(string smilesFile, string peerScript)
    {
        var smiles = File.ReadLines(smilesFile).Where(l => l.Length > 0 && !l.StartsWith("smiles", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.Split('\t', ' ')[0]).ToList();
        var featurizer = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        foreach (var s in smiles.Take(200)) TryCompute(featurizer, s, null); // warm-up: JIT, pattern compilation
        // The first pass still pays for tiered JIT recompiling the hot code (about a third of its CPU time, on a
        // background thread); a library of millions runs at the warm rate, so that is the headline figure.
        var cold = Timed(featurizer, smiles, null);
        var (failed, ours, oursCpu) = Timed(featurizer, smiles, null);
        var steps = new FeaturizeSteps(ThreadCpuClock.Nanoseconds, 1_000_000_000);
        Timed(featurizer, smiles, steps);

        var same = Peer(peerScript, smilesFile, "same");
        var light = Peer(peerScript, smilesFile, "light");

        Console.WriteLine($"{"case",-52} {"molecules",10} {"failed",7} {"wall s",8} {"CPU s",8} {"mol/s wall",11} {"mol/CPU-s",10}");
        Row("molscreen Featurizer, first pass (JIT still busy)", (smiles.Count, cold.Failed, cold.Wall, cold.Cpu));
        Row("molscreen Featurizer, warm (1 thread, full featurize)", (smiles.Count, failed, ours, oursCpu));
        Row("RDKit 2022.09 same work minus InChIKey (1 process)", same);
        Row("RDKit 2022.09 light: parse+canon+Morgan+3 descr.", light);
        double oursRate = smiles.Count / oursCpu;
        Console.WriteLine($"ratio molscreen warm / RDKit per CPU-second: same work = {oursRate / (same.Molecules / same.Cpu):F2}x; light set = {oursRate / (light.Molecules / light.Cpu):F2}x");
        Console.WriteLine($"ratio molscreen warm / RDKit per wall second: same work = {(smiles.Count / ours) / (same.Molecules / same.Wall):F2}x; light set = {(smiles.Count / ours) / (light.Molecules / light.Wall):F2}x");
        Console.WriteLine($"per-step split (third pass, thread CPU time, {steps.TotalSeconds * 1e6 / smiles.Count:F0} µs/molecule):");
        foreach (var step in Enum.GetValues<FeaturizeStep>())
            Console.WriteLine($"  {step,-18} {steps.Seconds(step) * 1e6 / smiles.Count,8:F1} µs {100 * steps.Seconds(step) / steps.TotalSeconds,6:F1}%");
    }

    private static void Row(string name, (int Molecules, int Failed, double Wall, double Cpu) r) =>
        Console.WriteLine($"{name,-52} {r.Molecules,10} {r.Failed,7} {r.Wall,8:F2} {r.Cpu,8:F2} {r.Molecules / r.Wall,11:N0} {r.Molecules / r.Cpu,10:N0}");

    private static (int Failed, double Wall, double Cpu) Timed(Featurizer featurizer, List<string> smiles, FeaturizeSteps? steps)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        int failed = 0;
        foreach (var s in smiles) if (!TryCompute(featurizer, s, steps)) failed++;
        var wall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        return (failed, wall, (process.TotalProcessorTime - cpu0).TotalSeconds);
    }

    private static (int Molecules, int Failed, double Wall, double Cpu) Peer(string script, string smilesFile, string mode)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true };
        foreach (var a in new[] { script, smilesFile, mode }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var line = p.StandardOutput.ReadToEnd().Trim().Split(' ');
        p.WaitForExit();
        if (p.ExitCode != 0 || line.Length != 5) throw new InvalidOperationException($"RDKit peer failed (exit {p.ExitCode})");
        return (int.Parse(line[1]), int.Parse(line[2]), double.Parse(line[3], CultureInfo.InvariantCulture), double.Parse(line[4], CultureInfo.InvariantCulture));
    }

    private static bool TryCompute(Featurizer f, string smiles, FeaturizeSteps? steps)
    {
        try { f.Compute("smiles", smiles, steps); return true; }
        catch (ChemistryException) { return false; }
    }
}
