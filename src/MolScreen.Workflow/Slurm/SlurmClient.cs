using System.Diagnostics;

namespace MolScreen.Workflow.Slurm;

/// <summary>State of one array task (or of a plain job, with Shard = null) as `scontrol show job -o` reports it.</summary>
public sealed record SlurmTask(string JobId, int? Shard, string State, string Reason, string ExitCode)
{
    public bool Active => State is "PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING" or "SUSPENDED" or "REQUEUED" or "RESIZING";
    public bool Failed => State is "FAILED" or "TIMEOUT" or "CANCELLED" or "NODE_FAIL" or "OUT_OF_MEMORY" or "PREEMPTED" or "BOOT_FAIL" or "DEADLINE";
}

/// <summary>
/// The two SLURM commands MolScreen needs: sbatch to submit, scontrol to read job state. scontrol
/// rather than sacct, so no accounting database is required.
/// </summary>
public sealed class SlurmClient
{
    public string Submit(string script, IEnumerable<string> args)
    {
        var (code, stdout, stderr) = Run("sbatch", ["--parsable", .. args, script]);
        if (code != 0) throw new InvalidOperationException($"sbatch {Path.GetFileName(script)} failed (exit {code}): {stderr.Trim()}");
        return stdout.Trim().Split(';')[0];
    }

    /// <summary>Every task of a job; empty when SLURM no longer knows the job.</summary>
    public IReadOnlyList<SlurmTask> Tasks(string jobId)
    {
        var (code, stdout, _) = Run("scontrol", ["show", "job", "-o", jobId]);
        if (code != 0) return [];
        var tasks = new List<SlurmTask>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = Fields(line);
            var state = f.GetValueOrDefault("JobState", "UNKNOWN");
            var reason = f.GetValueOrDefault("Reason", "None");
            var exit = f.GetValueOrDefault("ExitCode", "");
            if (f.TryGetValue("ArrayTaskId", out var ids) && ArraySpec.Parse(ids) is { } shards)
                tasks.AddRange(shards.Select(k => new SlurmTask(jobId, k, state, reason, exit)));
            else
                tasks.Add(new SlurmTask(jobId, null, state, reason, exit));
        }
        return tasks;
    }

    private static Dictionary<string, string> Fields(string line)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = token.IndexOf('=');
            if (eq > 0) d.TryAdd(token[..eq], token[(eq + 1)..]);
        }
        return d;
    }

    private static (int, string, string) Run(string exe, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try { p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {exe}"); }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"'{exe}' not found on PATH: submitting to SLURM needs its client commands (Debian: slurm-client)");
        }
        using var _ = p;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr);
    }
}
