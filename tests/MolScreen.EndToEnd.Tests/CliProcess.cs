using System.Diagnostics;
using System.Text;

namespace MolScreen.EndToEnd.Tests;

/// <summary>Runs the real `molscreen` executable built next to the tests, as a user or a scheduler would.</summary>
public static class CliProcess
{
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "molscreen");

    public static Process Start(string workDir, params string[] args) => Start(workDir, null, args);

    public static Process Start(string workDir, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["CI"] = "true"; // plain log lines, no progress bars
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        return Process.Start(psi)!;
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    public static Result Run(string workDir, params string[] args) => Run(workDir, null, args);

    public static Result Run(string workDir, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        using var p = Start(workDir, env, args);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        p.OutputDataReceived += (_, e) => { if (e.Data != null) lock (stdout) stdout.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (stderr) stderr.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(true); throw new TimeoutException("molscreen " + string.Join(' ', args)); }
        p.WaitForExit();
        return new Result(p.ExitCode, stdout.ToString(), stderr.ToString());
    }
}

public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("molscreen-e2e-").FullName;
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}

/// <summary>Synthetic but chemically sensible SMILES, deterministic, with every 97th record broken.</summary>
public static class Library
{
    private static readonly string[] Cores = ["c1ccccc1", "C1CCNCC1", "c1ccncc1", "C1CCOC1", "c1ccc2ccccc2c1", "C1CC1", "c1cscc1"];
    private static readonly string[] Tails = ["C", "CC", "O", "N", "C(=O)O", "C(F)(F)F", "Cl", "OC", "C#N", "S(=O)(=O)N"];

    public static string Smiles(int i) => i % 97 == 13
        ? "C1CC(" + i   // broken: unclosed ring and branch
        : Cores[i % Cores.Length] + Tails[(i / 7) % Tails.Length] + new string('C', i % 5);

    public static string Write(string path, int count)
    {
        using var w = new StreamWriter(path);
        w.Write("smiles\tname\n");
        for (int i = 0; i < count; i++) w.Write($"{Smiles(i)}\tcmpd-{i}\n");
        return path;
    }

    public static int BrokenCount(int count) => Enumerable.Range(0, count).Count(i => i % 97 == 13);
}
