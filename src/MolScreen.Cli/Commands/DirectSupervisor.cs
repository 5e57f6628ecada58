using System.Diagnostics;
using System.Globalization;
using MolScreen.Core.Shards;
using MolScreen.Workflow.Execution;

namespace MolScreen.Cli.Commands;

/// <summary>
/// Runs a direct stage command (`molscreen featurize IN --out OUT`) in a supervised child process, the way `run`
/// runs shards: the child journals the record it is on; when it dies on a record (native crash, stack overflow) or
/// runs past the record time limit, its half-written files are removed and it is started again with that record
/// rejected (`native crash` or `timeout after N s`), so one record cannot abort the command.
/// </summary>
internal static class DirectSupervisor
{
    /// <summary>Set in the child: the journal path; the culprits file sits beside it.</summary>
    public const string JournalVariable = "MOLSCREEN_DIRECT_JOURNAL";
    public const int MaxCrashes = 5;

    /// <summary>In the child: the guard its stage journals to and skips culprits with; null in the supervisor.</summary>
    public static RecordGuard? ChildGuard()
    {
        if (Environment.GetEnvironmentVariable(JournalVariable) is not { Length: > 0 } journal) return null;
        var culprits = new Dictionary<long, string?>();
        var path = CrashesPath(journal);
        if (File.Exists(path))
            foreach (var p in File.ReadAllLines(path).Select(l => l.Split(' ', 2)))
                if (long.TryParse(p[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k)) culprits.TryAdd(k, p.Length == 2 ? p[1] : null);
        return new RecordGuard(journal, culprits);
    }

    private static string CrashesPath(string journal) => Path.ChangeExtension(journal, ".crashes");

    public static async Task<int> RunAsync(string kind, IReadOnlyList<string> outputs, int timeoutSeconds, CancellationToken ct)
    {
        var first = Path.GetFullPath(outputs[0]);
        var journal = Path.Combine(Path.GetDirectoryName(first)!, "." + Path.GetFileName(first) + ".inflight");
        File.Delete(journal);
        File.Delete(CrashesPath(journal));
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                var psi = ProcessWorkerFactory.Launch(Environment.GetCommandLineArgs().Skip(1));
                psi.RedirectStandardInput = psi.RedirectStandardOutput = psi.RedirectStandardError = false;
                psi.Environment[JournalVariable] = journal;
                // A direct command keeps the caller's thread settings (Launch pins workers to one OpenMP thread).
                // As the engine's workers: Open Babel is one thread per process, and its OpenMP loops must not make the
                // output depend on the caller's OMP_NUM_THREADS.
                psi.Environment["OMP_NUM_THREADS"] = "1";
                using var child = Process.Start(psi) ?? throw new InvalidOperationException($"{kind}: could not start the worker process");
                using var stop = new CancellationTokenSource();
                var watch = RecordWatchdog.WatchAsync(journal, DateTime.UtcNow, timeoutSeconds, _ => Kill(child), stop.Token);
                try { await child.WaitForExitAsync(ct); }
                catch (OperationCanceledException) { Kill(child); throw; }
                finally { stop.Cancel(); }
                var timedOut = await watch;
                // Exit codes 0-2 are the command's own answer; a signal (128 + n) or the watchdog is a crash.
                if (timedOut == null && child.ExitCode is >= 0 and < 128) return child.ExitCode;
                foreach (var o in outputs) RemoveTempsOf(o, child.Id);
                var culprit = timedOut ?? RecordGuard.ReadJournal(journal);
                var what = timedOut != null ? $"record {culprit} ran past --record-timeout ({timeoutSeconds} s)" : $"the worker died (exit code {child.ExitCode})";
                if (culprit == null || attempt >= MaxCrashes)
                {
                    Console.Error.WriteLine($"error: {kind}: {what}{(culprit == null ? " outside any record" : $"; {attempt} attempts, giving up")}");
                    return ExitCodes.Failure;
                }
                var reason = timedOut != null ? $" timeout after {timeoutSeconds} s" : "";
                File.AppendAllText(CrashesPath(journal), $"{culprit.Value.ToString(CultureInfo.InvariantCulture)}{reason}\n");
                Console.Error.WriteLine($"{kind}: {what}; retrying with record {culprit} rejected");
            }
        }
        finally
        {
            File.Delete(journal);
            File.Delete(CrashesPath(journal));
        }
    }

    private static void Kill(Process p)
    {
        try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    /// <summary>The hidden temp file a dead child left for an output (AtomicFile names it after the target and the pid).</summary>
    private static void RemoveTempsOf(string target, int pid)
    {
        var full = Path.GetFullPath(target);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) return;
        foreach (var f in Directory.EnumerateFiles(dir, "." + Path.GetFileName(full) + ".tmp.*." + pid.ToString(CultureInfo.InvariantCulture)))
            try { File.Delete(f); } catch (IOException) { }
    }
}
