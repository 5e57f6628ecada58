using System.Diagnostics;

namespace MolScreen.Core.IO;

/// <summary>
/// Writes go to a hidden temp file beside the target and become visible only by rename, so a
/// reader (or a rerun after SIGKILL) never sees a half-written file. The temp name carries the
/// writer's pid so stale temps of dead writers can be told apart from those of live ones.
/// </summary>
public static class AtomicFile
{
    private const string TempMarker = ".tmp.";

    // Shards of one run may be written from many cluster nodes: a pid means something only on its host.
    private static readonly string Host = string.Concat(Environment.MachineName.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '_'));

    public static string TempPathFor(string target)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(target))!;
        return Path.Combine(dir, "." + Path.GetFileName(target) + TempMarker + Host + "." + Environment.ProcessId);
    }

    /// <summary>Flushes the temp file to disk and renames it over the target.</summary>
    public static void Commit(string tempPath, string target)
    {
        using (var fs = new FileStream(tempPath, FileMode.Open, FileAccess.ReadWrite, FileShare.Read))
            fs.Flush(flushToDisk: true);
        File.Move(tempPath, target, overwrite: true);
    }

    public static void WriteAllText(string target, string text)
    {
        var tmp = TempPathFor(target);
        File.WriteAllText(tmp, text);
        Commit(tmp, target);
    }

    public static bool IsTempName(string fileName) =>
        fileName.StartsWith('.') && fileName.Contains(TempMarker, StringComparison.Ordinal);

    /// <summary>
    /// Removes temp files left by writers that no longer run. A live writer's temps on this host are
    /// kept (concurrent `stage` processes may share an output directory); temps written on other
    /// hosts are removed only when the caller knows no shard is being written (finalize).
    /// </summary>
    public static int RemoveStaleTemps(string directory, bool includeOtherHosts = false)
    {
        if (!Directory.Exists(directory)) return 0;
        int removed = 0;
        foreach (var path in Directory.EnumerateFiles(directory, ".*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(path);
            if (!IsTempName(name)) continue;
            var owner = name[(name.LastIndexOf(TempMarker, StringComparison.Ordinal) + TempMarker.Length)..];
            var dot = owner.LastIndexOf('.');
            var sameHost = dot > 0 && owner[..dot] == Host;
            if (!sameHost && !includeOtherHosts) continue;
            if (sameHost && int.TryParse(owner[(dot + 1)..], out var pid) && IsAlive(pid)) continue;
            try { File.Delete(path); removed++; } catch (IOException) { }
        }
        return removed;
    }

    /// <summary>A worker told to stop mid-shard removes what it had half-written.</summary>
    public static void RemoveOwnTemps(string directory)
    {
        if (!Directory.Exists(directory)) return;
        var suffix = TempMarker + Host + "." + Environment.ProcessId;
        foreach (var path in Directory.EnumerateFiles(directory, ".*" + suffix, SearchOption.AllDirectories))
            try { File.Delete(path); } catch (IOException) { }
    }

    private static bool IsAlive(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
