using MolScreen.GpuBench;

// GPU benchmarks print Markdown rows for docs/benchmarks.md; each names the device it ran on.
// Usage: MolScreen.GpuBench tanimoto [--library N] [--queries Q] [--cpu]
//        MolScreen.GpuBench mlp FEATURES.parquet MODELS_DIR [--compounds N] [--host-only]
//        MolScreen.GpuBench dock DIR [--n N] [--exhaustiveness E] [--mode fast|balance|detail] [--steps S] [--sample K] [--lanes G] [--cpu]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: MolScreen.GpuBench tanimoto [--library N] [--queries Q] [--cpu]\n" +
        "       MolScreen.GpuBench mlp FEATURES.parquet MODELS_DIR [--compounds N] [--host-only]\n" +
        "       MolScreen.GpuBench dock DIR [--n N] [--exhaustiveness E] [--mode fast|balance|detail] [--steps S] [--sample K] [--lanes G] [--cpu]\n" +
        "         DIR holds def_receptor.pdbqt, config_def.json and def_unique_charged/ or def_unique_charged.tar.gz (DUD-E def);\n" +
        "         --lanes G: threads per Monte Carlo chain (1 = one thread per chain; default 8 on CUDA, 1 on --cpu)");
    return args.Length == 0 ? 2 : 0;
}
string Arg(string name, string fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
bool preferGpu = !args.Contains("--cpu");
Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");
switch (args[0])
{
    case "tanimoto":
        TanimotoGpuBenchmark.Run(int.Parse(Arg("--library", "1000000")), int.Parse(Arg("--queries", "100")), preferGpu);
        return 0;
    case "mlp" when args.Length >= 3:
        return await MlpGpuBenchmark.RunAsync(args[1], args[2], int.Parse(Arg("--compounds", "1000000")), args.Contains("--host-only")) == 0 ? 0 : 1;
    case "dock":
        if (args.Length < 2 || args[1].StartsWith("--")) { Console.Error.WriteLine("dock: give the def-dude directory"); return 2; }
        return DockGpuBenchmark.Run(args[1], int.Parse(Arg("--n", "1000")), int.Parse(Arg("--exhaustiveness", "8")),
            Enum.Parse<MolScreen.Docking.Search.SearchMode>(Arg("--mode", "balance"), ignoreCase: true),
            args.Contains("--steps") ? int.Parse(Arg("--steps", "")) : null, int.Parse(Arg("--sample", "4")), preferGpu,
            args.Contains("--lanes") ? int.Parse(Arg("--lanes", "")) : null);
    default:
        Console.Error.WriteLine($"unknown benchmark '{args[0]}'");
        return 2;
}
