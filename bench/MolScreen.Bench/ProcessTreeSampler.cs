using System.Diagnostics;

namespace MolScreen.Bench;

/// <summary>
/// Polls /proc for the resident memory of a process and all its descendants (the `run` parent and
/// its worker processes), keeping the peak of the largest single process and of their sum.
/// </summary>
public sealed class ProcessTreeSampler : IDisposable
{
    private readonly int _root;
    private readonly Thread _thread;
    private volatile bool _stop;
    public long PeakMaxProcessKb { get; private set; }
    public long PeakSumKb { get; private set; }

    public ProcessTreeSampler(int rootPid)
    {
        _root = rootPid;
        _thread = new Thread(Loop) { IsBackground = true };
        _thread.Start();
    }

    private void Loop()
    {
        while (!_stop)
        {
            long sum = 0, max = 0;
            foreach (var pid in Tree())
            {
                var kb = RssKb(pid);
                sum += kb; max = Math.Max(max, kb);
            }
            PeakSumKb = Math.Max(PeakSumKb, sum);
            PeakMaxProcessKb = Math.Max(PeakMaxProcessKb, max);
            Thread.Sleep(20);
        }
    }

    private List<int> Tree()
    {
        var parent = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parent[pid] = int.Parse(fields[1]);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        var tree = new List<int> { _root };
        for (int i = 0; i < tree.Count; i++) tree.AddRange(parent.Where(p => p.Value == tree[i]).Select(p => p.Key));
        return tree;
    }

    private static long RssKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmRSS:")) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }
        catch (IOException) { }
        return 0;
    }

    public void Dispose() { _stop = true; _thread.Join(); }

    /// <summary>Runs a command to completion while sampling its process tree.</summary>
    public static (double Seconds, long PeakMaxKb, long PeakSumKb, string Stdout, int Exit) Measure(ProcessStartInfo psi)
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        using var sampler = new ProcessTreeSampler(p.Id);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        var seconds = sw.Elapsed.TotalSeconds;
        sampler.Dispose();
        if (p.ExitCode != 0) Console.Error.WriteLine(stderr.Result);
        return (seconds, sampler.PeakMaxProcessKb, sampler.PeakSumKb, stdout.Result, p.ExitCode);
    }
}
