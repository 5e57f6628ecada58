using System.Diagnostics;
using System.Text.Json;

namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// CI's slice of bench/ ingest: the same harness on 20k and 200k records through the `./molscreen`
/// launcher. Asserts on what does not depend on the machine's speed: every record accounted for
/// (the harness checks the balance line) and memory that does not grow with library size.
/// </summary>
public class IngestBenchSliceTests
{
    private sealed record Row(string Case, long Records, double Seconds, double RecordsPerSecond, long PeakMaxProcessMb, long PeakSumMb);

    [Fact]
    public async Task RunMemoryStaysFlatFrom20kTo200kRecords()
    {
        using var dir = new TempDir();
        var json = dir.Combine("rows.json");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "MolScreen.Bench.dll"), "ingest", "--records", "20000,200000",
                                  "--workers", "2", "--dir", dir.Combine("work"), "--json", json })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), "benchmark slice timed out");
        var output = await stdout;
        Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}\n{output}\n{await stderr}");

        var rows = JsonSerializer.Deserialize<List<Row>>(File.ReadAllText(json))!;
        var run = rows.Where(r => r.Case.StartsWith("molscreen run")).OrderBy(r => r.Records).ToList();
        Assert.Equal([20_000L, 200_000L], run.Select(r => r.Records));
        Assert.All(rows, r => Assert.True(r.RecordsPerSecond > 0));
        var growth = (double)run[1].PeakMaxProcessMb / run[0].PeakMaxProcessMb;
        Assert.True(growth < 1.25, $"peak RSS of the largest process grew x{growth:F2} for 10x the records:\n{output}");
    }
}
