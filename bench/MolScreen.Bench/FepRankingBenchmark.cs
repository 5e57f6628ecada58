using System.Diagnostics;
using System.Globalization;
using MolScreen.Core.IO;
using MolScreen.Docking.Grid;

namespace MolScreen.Bench;

/// <summary>
/// Ranking against experiment on the FEP+ JACS set (shared/data/fep-jacs-set): per target, the ligands go through the
/// workflow chain (ingest SDF → featurize → prepare → dock → rank) with `molscreen run`, the box around the modelled
/// ligand poses; prints Spearman ρ of the rank stage's position and of the plain docking score against experimental ΔG
/// (sign chosen so that ρ &gt; 0 means the better-ranked ligands bind more tightly).
/// </summary>
public static class FepRankingBenchmark
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string shared, IReadOnlyList<string> targets, string mode, int exhaustiveness, int workers)
    {
        string dir = Path.Combine(shared, "fep-jacs-set");
        string work = Directory.CreateTempSubdirectory("molscreen-fep-").FullName;
        Console.WriteLine($"{"target",-18} {"ligands",7} {"ranked",6} {"ρ rank",7} {"ρ dock",7} {"wall s",7}");
        foreach (var t in targets)
        {
            string sdf = Path.Combine(dir, $"{t}_ligands.sdf"), protein = Path.Combine(dir, $"{t}_protein.pdb");
            var ligands = ReadLigands(sdf);
            var (x, y, z) = (ligands.SelectMany(l => l.X).ToArray(), ligands.SelectMany(l => l.Y).ToArray(), ligands.SelectMany(l => l.Z).ToArray());
            var box = GridBox.FromLigand(x, y, z, padding: 8f, minSide: 16f);
            string wf = Path.Combine(work, t + ".yaml"), outDir = Path.Combine(work, t);
            File.WriteAllText(wf, string.Create(Inv, $"""
                name: fep-{t}
                seed: 42
                shard_size: 8
                stages:
                  ingest: {"{"} inputs: [{sdf}] {"}"}
                  featurize: {"{"} input: ingest {"}"}
                  prepare: {"{"} input: featurize {"}"}
                  dock:
                    input: prepare
                    target:
                      receptor: {protein}
                      center: [{box.CenterX:F3}, {box.CenterY:F3}, {box.CenterZ:F3}]
                      size: [{box.SizeX:F3}, {box.SizeY:F3}, {box.SizeZ:F3}]
                    params: {"{"} mode: {mode}, exhaustiveness: {exhaustiveness}, num_poses: 1 {"}"}
                  rank:
                    input: dock
                    join: [featurize]
                """));
            var sw = Stopwatch.StartNew();
            var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "molscreen")) { UseShellExecute = false, RedirectStandardOutput = true };
            foreach (var a in new[] { "run", wf, "--out", outDir, "--workers", workers.ToString(Inv) }) psi.ArgumentList.Add(a);
            using (var p = Process.Start(psi)!) { p.StandardOutput.ReadToEnd(); p.WaitForExit(); if (p.ExitCode != 0) { Console.WriteLine($"{t}: molscreen run failed ({p.ExitCode})"); continue; } }
            var ranked = ReadRanked(Path.Combine(outDir, "ranked.parquet")).Result;
            var exp = ligands.ToDictionary(l => l.Name, l => l.DeltaG);
            var rows = ranked.Where(r => r.Name != null && exp.ContainsKey(r.Name)).ToList();
            double[] dg = rows.Select(r => exp[r.Name!]).ToArray();
            // ΔG more negative = tighter; rank 1 and more negative scores = predicted tighter: positive ρ = agreement
            double rhoRank = Spearman(rows.Select(r => (double)r.Rank).ToArray(), dg);
            double rhoDock = Spearman(rows.Select(r => r.DockScore).ToArray(), dg);
            Console.WriteLine(string.Create(Inv, $"{t,-18} {ligands.Count,7} {rows.Count,6} {rhoRank,7:F2} {rhoDock,7:F2} {sw.Elapsed.TotalSeconds,7:F0}"));
        }
        return 0;
    }

    sealed record FepLigand(string Name, double DeltaG, float[] X, float[] Y, float[] Z);

    /// <summary>Title, r_exp_dg and heavy-atom coordinates of each V2000 record.</summary>
    static List<FepLigand> ReadLigands(string sdf)
    {
        var result = new List<FepLigand>();
        var lines = File.ReadAllLines(sdf);
        int i = 0;
        while (i < lines.Length)
        {
            string name = lines[i].Trim();
            int n = int.Parse(lines[i + 3][..3].Trim(), Inv);
            var heavy = lines.Skip(i + 4).Take(n).Where(l => l.Substring(31, 3).Trim() != "H").ToList();
            float F(string l, int at) => float.Parse(l.AsSpan(at, 10), NumberStyles.Float, Inv);
            int end = Array.IndexOf(lines, "$$$$", i);
            double dg = double.NaN;
            for (int k = i; k < end; k++)
                if (lines[k].Contains("<r_exp_dg>")) dg = double.Parse(lines[k + 1].Trim(), Inv);
            result.Add(new FepLigand(name, dg, heavy.Select(l => F(l, 0)).ToArray(), heavy.Select(l => F(l, 10)).ToArray(), heavy.Select(l => F(l, 20)).ToArray()));
            i = end + 1;
        }
        return result;
    }

    sealed record RankedLigand(string? Name, int Rank, double DockScore);

    static async Task<List<RankedLigand>> ReadRanked(string path)
    {
        await using var r = await TableReader.OpenAsync(path);
        var rows = new List<RankedLigand>();
        for (int g = 0; g < r.RowGroupCount; g++)
        {
            var c = await r.ReadRowGroupAsync(g, "name", "rank", "dock_score");
            var name = (string?[])c[0].Values; var rank = (int[])c[1].Values; var score = (double?[])c[2].Values;
            for (int i = 0; i < name.Length; i++) rows.Add(new RankedLigand(name[i], rank[i], score[i] ?? double.NaN));
        }
        return rows;
    }

    /// <summary>Spearman ρ: Pearson correlation of the average ranks.</summary>
    public static double Spearman(double[] a, double[] b)
    {
        double[] Ranks(double[] v)
        {
            var order = Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ToArray();
            var r = new double[v.Length];
            for (int i = 0; i < order.Length;)
            {
                int j = i;
                while (j + 1 < order.Length && v[order[j + 1]] == v[order[i]]) j++;
                for (int k = i; k <= j; k++) r[order[k]] = (i + j) / 2.0 + 1;
                i = j + 1;
            }
            return r;
        }
        var (ra, rb) = (Ranks(a), Ranks(b));
        double ma = ra.Average(), mb = rb.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < ra.Length; i++) { sab += (ra[i] - ma) * (rb[i] - mb); saa += (ra[i] - ma) * (ra[i] - ma); sbb += (rb[i] - mb) * (rb[i] - mb); }
        return sab / Math.Sqrt(saa * sbb);
    }
}
