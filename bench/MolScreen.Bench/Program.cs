using MolScreen.Bench;

// Benchmarks print rows; figures go to docs/benchmarks.md with machine, date and command.
// Usage: dotnet run -c Release --project bench/MolScreen.Bench -- dock [--only 1p62,1owe] (ours vs vina redocking)
// Usage: dotnet run -c Release --project bench/MolScreen.Bench -- ingest [--records 100000,1000000] [--workers N] [--json FILE] [--dir DIR]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: MolScreen.Bench ingest [--records N,N...] [--workers N] [--json FILE] [--dir DIR] [--shared DIR] | featurize [--smiles FILE] | tanimoto [--library N] [--queries Q] | dock [--only ID,ID] [--exhaustiveness N] [--cpu N] [--shared DIR]");
    return args.Length == 0 ? 2 : 0;
}
string Arg(string name, string fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
switch (args[0])
{
    case "ingest":
        var sizes = Arg("--records", "100000,1000000").Split(',').Select(int.Parse).ToList();
        var workers = int.Parse(Arg("--workers", Environment.ProcessorCount.ToString()));
        var dir = Arg("--dir", Path.Combine(Path.GetTempPath(), "molscreen-bench"));
        var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var shared = Arg("--shared", Path.GetFullPath(Path.Combine(repo, "..", "shared", "data")));
        IngestBenchmark.Launcher = Path.Combine(repo, "molscreen");
        System.Diagnostics.Process.Start(IngestBenchmark.Launcher, "--version")!.WaitForExit(); // build outside the timings
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");
        IngestBenchmark.PrintHeader();
        var rows = IngestBenchmark.Run(sizes, workers, dir, Directory.Exists(shared) ? shared : null);
        if (Arg("--json", "") is { Length: > 0 } json) IngestBenchmark.WriteJson(json, rows);
        var ours = rows.Where(r => r.Case.StartsWith("molscreen run")).ToList();
        foreach (var r in ours)
        {
            var peer = rows.First(x => x.Records == r.Records && x.Case.StartsWith("DuckDB"));
            Console.WriteLine($"ratio {r.Records} records: molscreen run / DuckDB = {r.RecordsPerSecond / peer.RecordsPerSecond:F2}x throughput");
        }
        if (ours.Count >= 2)
            Console.WriteLine($"memory growth {ours[0].Records} -> {ours[^1].Records} records: peak RSS (largest process) x{(double)ours[^1].PeakMaxProcessMb / ours[0].PeakMaxProcessMb:F2}");
        return 0;
    case "featurize":
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, OMP_NUM_THREADS={Environment.GetEnvironmentVariable("OMP_NUM_THREADS")}");
        FeaturizeBenchmark.Run(Arg("--smiles", "/usr/share/RDKit/Data/NCI/first_5K.smi"), Path.Combine(root, "bench", "peers", "rdkit_featurize.py"));
        return 0;
    case "tanimoto":
        var benchRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");
        TanimotoBenchmark.Run(int.Parse(Arg("--library", "1000000")), int.Parse(Arg("--queries", "32")), Path.Combine(benchRoot, "bench", "peers", "rdkit_tanimoto.py"));
        return 0;
    case "dock":
        var repoRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var sharedData = Arg("--shared", Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "data")));
        var onlyIds = Arg("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}; peer: vina (AutoDock Vina 1.2.3, Debian)");
        return DockBenchmark.Run(sharedData, onlyIds, int.Parse(Arg("--exhaustiveness", "8")), int.Parse(Arg("--cpu", Environment.ProcessorCount.ToString())));
    default:
        Console.Error.WriteLine($"unknown benchmark '{args[0]}'");
        return 2;
}
