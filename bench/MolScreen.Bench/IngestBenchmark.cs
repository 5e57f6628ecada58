using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace MolScreen.Bench;

/// <summary>
/// Ingest throughput and memory: `molscreen run` (worker processes) and `molscreen ingest` (one
/// process) on libraries of N SMILES built from real compounds, against DuckDB reading the same file
/// as CSV and writing Parquet (no SMILES checks: the raw I/O floor) in the same run.
/// </summary>
public static partial class IngestBenchmark
{
    public sealed record Row(string Case, long Records, double Seconds, double RecordsPerSecond, long PeakMaxProcessMb, long PeakSumMb);

    public static List<Row> Run(IReadOnlyList<int> sizes, int workers, string workDir, string? sharedData)
    {
        Directory.CreateDirectory(workDir);
        var smiles = SourceSmiles(sharedData);
        Console.WriteLine($"ingest benchmark: {smiles.Count} distinct source SMILES ({(sharedData != null ? "../shared/data DUD-E + MUV + HIV" : "synthetic")}), {workers} worker(s), {Environment.ProcessorCount} cores");
        var rows = new List<Row>();
        foreach (var n in sizes)
        {
            var lib = Path.Combine(workDir, $"lib-{n}.smi");
            WriteLibrary(lib, smiles, n);
            var wf = Path.Combine(workDir, $"wf-{n}.yaml");
            File.WriteAllText(wf, $"name: bench{n}\nshard_size: 10000\nstages:\n  ingest:\n    inputs: [{lib}]\n");
            var outDir = Path.Combine(workDir, $"out-{n}");
            if (Directory.Exists(outDir)) Directory.Delete(outDir, true);

            var run = ProcessTreeSampler.Measure(Molscreen("run", wf, "--out", outDir, "--workers", workers.ToString()));
            Check(run.Exit, run.Stdout, n);
            rows.Add(new($"molscreen run (-j {workers})", n, run.Seconds, n / run.Seconds, run.PeakMaxKb / 1024, run.PeakSumKb / 1024));

            var single = ProcessTreeSampler.Measure(Molscreen("ingest", lib, "--out", Path.Combine(workDir, $"direct-{n}.parquet")));
            Check(single.Exit, single.Stdout, n);
            rows.Add(new("molscreen ingest (1 process)", n, single.Seconds, n / single.Seconds, single.PeakMaxKb / 1024, single.PeakSumKb / 1024));

            var duck = DuckDbCopy(lib, Path.Combine(workDir, $"duckdb-{n}.parquet"), workers);
            rows.Add(new($"DuckDB CSV->Parquet ({workers} threads)", n, duck, n / duck, 0, 0));
            foreach (var r in rows.Skip(rows.Count - 3)) Print(r);
        }
        return rows;
    }

    public static void PrintHeader() =>
        Console.WriteLine($"{"case",-34} {"records",9} {"wall s",8} {"records/s",11} {"peak RSS max proc MB",21} {"peak RSS sum MB",16}");

    private static void Print(Row r) =>
        Console.WriteLine($"{r.Case,-34} {r.Records,9} {r.Seconds,8:F2} {r.RecordsPerSecond,11:N0} {r.PeakMaxProcessMb,21} {r.PeakSumMb,16}");

    private static void Check(int exit, string stdout, int n)
    {
        if (exit != 0) throw new InvalidOperationException($"molscreen exited {exit}:\n{stdout}");
        var m = BalanceLine().Match(stdout);
        if (!m.Success || long.Parse(m.Groups[1].Value) != n)
            throw new InvalidOperationException($"record accounting missing or wrong for {n} records:\n{stdout}");
    }

    [GeneratedRegex(@"in (?:= out \+ rejected: )?(\d+) = (?:out )?(\d+) \+ (?:rejected )?(\d+)")]
    private static partial Regex BalanceLine();

    /// <summary>The repo's `./molscreen` launcher: exactly what a user runs (it builds first if sources changed).</summary>
    public static string Launcher { get; set; } = "molscreen";

    private static ProcessStartInfo Molscreen(params string[] args)
    {
        var psi = new ProcessStartInfo(Launcher) { UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["CI"] = "true";
        return psi;
    }

    private static double DuckDbCopy(string lib, string target, int threads)
    {
        using var conn = new DuckDBConnection("Data Source=:memory:");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SET threads={threads}";
        cmd.ExecuteNonQuery();
        var sw = Stopwatch.StartNew();
        cmd.CommandText = $"COPY (SELECT * FROM read_csv('{lib}', delim='\t', header=true, quote='', columns={{'smiles':'VARCHAR','name':'VARCHAR'}})) TO '{target}' (FORMAT parquet, COMPRESSION snappy)";
        cmd.ExecuteNonQuery();
        return sw.Elapsed.TotalSeconds;
    }

    private static List<string> SourceSmiles(string? sharedData)
    {
        var list = new List<string>();
        if (sharedData != null)
        {
            foreach (var f in Directory.EnumerateFiles(Path.Combine(sharedData, "dude-ism-20"), "*.ism", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                list.AddRange(File.ReadLines(f).Select(l => l.Split(' ', 2)[0]));
            using var gz = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(sharedData, "moleculenet", "hiv.csv.gz")), System.IO.Compression.CompressionMode.Decompress);
            using var r = new StreamReader(gz);
            r.ReadLine();
            for (var line = r.ReadLine(); line != null; line = r.ReadLine()) list.Add(line[..line.LastIndexOf(',')]);
        }
        else
        {
            string[] cores = ["c1ccccc1", "C1CCNCC1", "c1ccncc1", "C1CCOC1", "c1ccc2ccccc2c1"];
            string[] tails = ["C", "CC", "O", "N", "C(=O)O", "C(F)(F)F", "Cl", "OC"];
            for (int i = 0; i < 40_000; i++) list.Add(cores[i % cores.Length] + tails[(i / 5) % tails.Length] + new string('C', i % 6));
        }
        return list;
    }

    private static void WriteLibrary(string path, List<string> smiles, int n)
    {
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 20);
        w.Write("smiles\tname\n");
        for (int i = 0; i < n; i++) { w.Write(smiles[i % smiles.Count]); w.Write("\tbench-"); w.Write(i); w.Write('\n'); }
    }

    public static void WriteJson(string path, List<Row> rows) =>
        File.WriteAllText(path, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
}
