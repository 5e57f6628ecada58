using System.Diagnostics;
using System.Text.Json;
using MolScreen.Core.Structures;
using MolScreen.Interactions.Interface;

namespace MolScreen.Bench;

/// <summary>
/// `mmcif`: reading a large mmCIF (the 6ZU5 ribosome, 21 MB, 165k atoms) with MmcifReader against gemmi
/// (python3-gemmi, C++ behind Python), and the geometric RNA interface of every protein chain compared residue by
/// residue with gemmi's neighbour search: speed of the reader, agreement of the whole path the targets use.
/// </summary>
public static class MmcifBenchmark
{
    public static void Run(string cif, string peerScript, int repeats)
    {
        var times = new List<double>();
        MacromolecularStructure? s = null;
        for (int i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            s = MmcifReader.Read(cif);
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        double ours = times[times.Count / 2];
        var iw = Stopwatch.StartNew();
        var iface = RnaInterface.Compute(s!);
        double oursInterface = iw.Elapsed.TotalSeconds;
        var ourSets = iface.Where(r => r.Contacts).GroupBy(r => r.Residue.ChainId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Residue.Number + (r.Residue.InsertionCode == ' ' ? "" : r.Residue.InsertionCode.ToString())).ToHashSet());

        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true };
        psi.ArgumentList.Add(peerScript);
        psi.ArgumentList.Add(cif);
        using var p = Process.Start(psi)!;
        var json = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"peer {peerScript} exited {p.ExitCode} (python3-gemmi installed?)");
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        double peer = root.GetProperty("read_seconds").GetDouble();
        var peerSets = root.GetProperty("interface").EnumerateObject()
            .ToDictionary(c => c.Name, c => c.Value.EnumerateArray().Select(v => v.GetString()!).ToHashSet());

        int atoms = s!.Residues.Sum(r => r.Atoms.Count);
        Console.WriteLine($"{"case",-34} {"read s",8} {"atoms",8} {"residues",9} {"interface s",12} {"interface residues",19}");
        Console.WriteLine($"{"MolScreen MmcifReader (median of " + repeats + ")",-34} {ours,8:F2} {atoms,8} {s.Residues.Count,9} {oursInterface,12:F2} {ourSets.Values.Sum(v => v.Count),19}");
        Console.WriteLine($"{"gemmi " + GemmiVersion(),-34} {peer,8:F2} {root.GetProperty("atoms").GetInt32(),8} {root.GetProperty("residues").GetInt32(),9} {root.GetProperty("interface_seconds").GetDouble(),12:F2} {peerSets.Values.Sum(v => v.Count),19}");
        Console.WriteLine($"ratio read time MolScreen / gemmi = {ours / peer:F2}x");
        var chains = ourSets.Keys.Union(peerSets.Keys).OrderBy(c => c, StringComparer.Ordinal).ToList();
        var differ = chains.Where(c => !ourSets.GetValueOrDefault(c, []).SetEquals(peerSets.GetValueOrDefault(c, []))).ToList();
        Console.WriteLine($"interface agreement: {chains.Count - differ.Count} of {chains.Count} protein chains identical" +
            (differ.Count > 0 ? $"; differ: {string.Join(", ", differ.Select(c => $"{c} ours-only [{string.Join(" ", ourSets.GetValueOrDefault(c, []).Except(peerSets.GetValueOrDefault(c, [])))}] gemmi-only [{string.Join(" ", peerSets.GetValueOrDefault(c, []).Except(ourSets.GetValueOrDefault(c, [])))}]"))}" : ""));
    }

    static string GemmiVersion()
    {
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", "import gemmi; print(gemmi.__version__)"]) { RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var v = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return v;
    }
}
