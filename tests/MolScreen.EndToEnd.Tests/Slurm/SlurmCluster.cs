using System.Diagnostics;

namespace MolScreen.EndToEnd.Tests.Slurm;

/// <summary>
/// Runs when SLURM is installed; in CI (CI set) it always runs, so a missing install fails instead of
/// skipping. scripts/install-deps.sh installs slurm-wlm and munge.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (!SlurmCluster.Installed && Environment.GetEnvironmentVariable("CI") == null)
            Skip = "SLURM (slurm-wlm, munge) is not installed; run scripts/install-deps.sh. Runs in CI.";
    }
}

/// <summary>A throw-away single-node SLURM cluster (tests/slurm/cluster.sh) shared by one test class.</summary>
public sealed class SlurmCluster : IDisposable
{
    public static bool Installed => File.Exists("/usr/sbin/slurmctld") && File.Exists("/usr/sbin/munged");

    private readonly string _script = Path.Combine(SchemaDocsTests.RepoRoot(), "tests", "slurm", "cluster.sh");
    private readonly string _dir = Directory.CreateTempSubdirectory("molscreen-slurm-").FullName;
    private bool _started;

    public string Conf => Path.Combine(_dir, "etc", "slurm.conf");
    public IReadOnlyDictionary<string, string> Env => new Dictionary<string, string> { ["SLURM_CONF"] = Conf };

    public void EnsureStarted()
    {
        if (_started) return;
        var (code, output) = Script("start");
        if (code != 0) throw new InvalidOperationException($"could not start the test SLURM cluster:\n{output}");
        _started = true;
    }

    private (int, string) Script(string verb)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { _script, verb, _dir }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + err.Result);
    }

    /// <summary>Polls until the condition holds; fails the test after the bound.</summary>
    public static void WaitFor(Func<bool> condition, TimeSpan bound, Func<string> describe)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            if (sw.Elapsed > bound) throw new TimeoutException($"gave up after {bound.TotalSeconds:F0} s: {describe()}");
            Thread.Sleep(300);
        }
    }

    public void Dispose()
    {
        if (_started) Script("stop");
        try { Directory.Delete(_dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
