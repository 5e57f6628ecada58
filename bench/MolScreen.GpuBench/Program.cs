using MolScreen.GpuBench;

// GPU benchmarks print Markdown rows for docs/benchmarks.md; each names the device it ran on.
// Usage: MolScreen.GpuBench tanimoto [--library N] [--queries Q] [--cpu]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: MolScreen.GpuBench tanimoto [--library N] [--queries Q] [--cpu]");
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
    default:
        Console.Error.WriteLine($"unknown benchmark '{args[0]}'");
        return 2;
}
