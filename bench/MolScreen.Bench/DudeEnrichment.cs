using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

namespace MolScreen.Bench;

/// <summary>One docked ligand of the enrichment set.</summary>
public sealed record EnrichmentLigand(string Name, bool Active, float Score);

/// <summary>Actives against decoys: how many of each, their median rank by docking score (1 = best), ROC AUC and the
/// enrichment factor in the top 1% (at least one compound: on a small slice this is the hit rate of the best-scored one).</summary>
public sealed record EnrichmentResult(IReadOnlyList<EnrichmentLigand> Ligands, int Failed, double MedianActiveRank, double MedianDecoyRank, double RocAuc, double Ef1, double Seconds);

/// <summary>
/// Ranking sanity on DUD-E target `def` (peptide deformylase) as Uni-Dock ships it (shared/data/unidock-examples/def-dude:
/// receptor PDBQT, box, 102 active and 5,696 decoy PDBQT ligands). Docks an evenly spaced slice of each and ranks all of
/// them by docking score; a working screen puts the actives' median rank ahead of the decoys'.
/// </summary>
public static class DudeEnrichment
{
    /// <summary>Docks ligands in parallel (<paramref name="parallel"/> at a time, each with options.MaxThreads threads);
    /// each ligand's result depends only on it and the seed, so the result does not depend on the parallelism.</summary>
    public static EnrichmentResult Run(string sharedData, int actives, int decoys, DockingOptions options, int parallel = 1)
    {
        string dir = Path.Combine(sharedData, "unidock-examples", "def-dude");
        var box = Box(Path.Combine(dir, "config_def.json"));
        var engine = new DockingEngine(ReceptorReader.Read(Path.Combine(dir, "def_receptor.pdbqt")), box, ScoringWeights.Vina);
        var ligands = Slice(Path.Combine(dir, "def_unique_charged.tar.gz"), actives, decoys);
        var sw = Stopwatch.StartNew();
        var results = new EnrichmentLigand?[ligands.Count];
        Parallel.For(0, ligands.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel) }, i =>
        {
            var (name, active, lines) = ligands[i];
            try
            {
                var r = engine.Dock(LigandReader.Parse(lines, name), options);
                if (r.Poses.Count > 0) results[i] = new EnrichmentLigand(name, active, r.Poses[0].Score);
            }
            catch (Docking.DockingException) { }
        });
        return Summarize(results, sw.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The same slice, box and receptor through AutoDock Vina 1.2.3 (Debian `vina`, one process per ligand, --cpu 1,
    /// <paramref name="parallel"/> processes at a time), for the side-by-side enrichment. Peers run only in tests and benchmarks.
    /// </summary>
    public static EnrichmentResult RunVina(string sharedData, int actives, int decoys, int exhaustiveness, long seed, int parallel = 1)
    {
        string dir = Path.Combine(sharedData, "unidock-examples", "def-dude");
        var box = Box(Path.Combine(dir, "config_def.json"));
        var ligands = Slice(Path.Combine(dir, "def_unique_charged.tar.gz"), actives, decoys);
        var work = Directory.CreateTempSubdirectory("molscreen-dude-vina-");
        var sw = Stopwatch.StartNew();
        var results = new EnrichmentLigand?[ligands.Count];
        try
        {
            Parallel.For(0, ligands.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel) }, i =>
            {
                var (name, active, lines) = ligands[i];
                string lig = Path.Combine(work.FullName, name + ".pdbqt"), output = Path.Combine(work.FullName, name + "_out.pdbqt");
                File.WriteAllLines(lig, lines);
                var psi = new ProcessStartInfo("vina") { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var a in new[] { "--receptor", Path.Combine(dir, "def_receptor.pdbqt"), "--ligand", lig,
                             "--center_x", F(box.CenterX), "--center_y", F(box.CenterY), "--center_z", F(box.CenterZ),
                             "--size_x", F(box.SizeX), "--size_y", F(box.SizeY), "--size_z", F(box.SizeZ),
                             "--exhaustiveness", exhaustiveness.ToString(), "--seed", seed.ToString(), "--cpu", "1", "--num_modes", "1", "--out", output })
                    psi.ArgumentList.Add(a);
                using var p = Process.Start(psi)!;
                var stderr = p.StandardError.ReadToEndAsync();
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                stderr.Wait();
                if (p.ExitCode != 0 || !File.Exists(output)) return;
                var remark = File.ReadLines(output).FirstOrDefault(l => l.StartsWith("REMARK VINA RESULT:"));
                if (remark != null && float.TryParse(remark[19..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0],
                        System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var score))
                    results[i] = new EnrichmentLigand(name, active, score);
            });
        }
        finally { work.Delete(true); }
        return Summarize(results, sw.Elapsed.TotalSeconds);
    }

    static string F(float v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    static EnrichmentResult Summarize(EnrichmentLigand?[] results, double seconds)
    {
        var docked = results.OfType<EnrichmentLigand>().ToList();
        int failed = results.Length - docked.Count;
        var ranked = docked.OrderBy(l => l.Score).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        double Median(bool active)
        {
            var ranks = ranked.Select((l, i) => (l, rank: i + 1)).Where(x => x.l.Active == active).Select(x => (double)x.rank).ToList();
            return ranks.Count == 0 ? double.NaN : ranks.Count % 2 == 1 ? ranks[ranks.Count / 2] : (ranks[ranks.Count / 2 - 1] + ranks[ranks.Count / 2]) / 2;
        }
        return new EnrichmentResult(ranked, failed, Median(true), Median(false), Auc(ranked), EnrichmentFactor(ranked, 0.01), seconds);
    }

    /// <summary>Active rate among the best ⌈fraction·N⌉ (at least one) over the active rate of all: 1 is random.</summary>
    static double EnrichmentFactor(IReadOnlyList<EnrichmentLigand> ranked, double fraction)
    {
        int actives = ranked.Count(l => l.Active);
        if (ranked.Count == 0 || actives == 0) return double.NaN;
        int top = Math.Max(1, (int)Math.Ceiling(fraction * ranked.Count));
        return ranked.Take(top).Count(l => l.Active) / (double)top / (actives / (double)ranked.Count);
    }

    /// <summary>P(active scores better than decoy), ties counted half (Mann–Whitney U / n₁n₀).</summary>
    static double Auc(IReadOnlyList<EnrichmentLigand> l)
    {
        var a = l.Where(x => x.Active).Select(x => x.Score).ToList();
        var d = l.Where(x => !x.Active).Select(x => x.Score).ToList();
        if (a.Count == 0 || d.Count == 0) return double.NaN;
        double u = 0;
        foreach (var s in a) foreach (var t in d) u += s < t ? 1 : s == t ? 0.5 : 0;
        return u / (a.Count * (double)d.Count);
    }

    static GridBox Box(string configPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(configPath));
        float F(string k) => (float)doc.RootElement.GetProperty(k).GetDouble();
        return new GridBox(F("center_x"), F("center_y"), F("center_z"), F("size_x"), F("size_y"), F("size_z")).Validate();
    }

    /// <summary>Evenly spaced actives and decoys by file number (deterministic), read straight from the tarball.</summary>
    static List<(string Name, bool Active, List<string> Lines)> Slice(string tarGz, int actives, int decoys)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var gz = new GZipStream(File.OpenRead(tarGz), CompressionMode.Decompress))
        using (var tar = new TarReader(gz))
            while (tar.GetNextEntry() is { } e)
            {
                var name = Path.GetFileNameWithoutExtension(e.Name);
                if (e.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || e.DataStream == null || !e.Name.EndsWith(".pdbqt")) continue;
                using var sr = new StreamReader(e.DataStream);
                all[name] = sr.ReadToEnd();
            }
        List<string> Pick(string prefix, int n)
        {
            var names = all.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
                .OrderBy(k => int.Parse(k[prefix.Length..])).ToList();
            if (n >= names.Count) return names;
            return Enumerable.Range(0, n).Select(i => names[(int)((long)i * names.Count / n)]).ToList();
        }
        return Pick("actives", actives).Select(n => (n, true)).Concat(Pick("decoys", decoys).Select(n => (n, false)))
            .Select(x => (x.n, x.Item2, all[x.n].Split('\n').Select(l => l.TrimEnd('\r')).ToList())).ToList();
    }
}
