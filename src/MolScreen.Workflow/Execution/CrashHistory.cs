using MolScreen.Core.IO;
using MolScreen.Core.Shards;

namespace MolScreen.Workflow.Execution;

/// <summary>
/// Records which input records crashed a shard's process, per shard and input hash, so each retry
/// skips every culprit found so far. Only a supervisor that saw the worker die calls
/// <see cref="RecordCrash"/>: a run killed from outside (SIGKILL, time limit) also leaves a journal
/// behind, and that must not be blamed on the record it happened to be on.
/// The files live in _shards/ next to the manifest and are removed once the shard completes.
/// </summary>
public static class CrashHistory
{
    /// <summary>Turns the journal of a worker that died into a crash entry for the shard's current input.</summary>
    /// <param name="reason">The reject reason for the culprit (default: native crash), e.g. `timeout after 300 s`.</param>
    public static void RecordCrash(ShardLayout layout, int shard, string inputHash, string? reason = null)
    {
        if (RecordGuard.ReadJournal(layout.JournalPath(shard)) is not { } culprit) return;
        var path = layout.CrashesPath(shard);
        var entries = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
        var line = reason == null ? $"{inputHash} {culprit}" : $"{inputHash} {culprit} {reason.ReplaceLineEndings(" ")}";
        if (!entries.Contains(line)) entries.Add(line);
        AtomicFile.WriteAllText(path, string.Join('\n', entries) + "\n");
        File.Delete(layout.JournalPath(shard));
    }

    /// <summary>The records known to crash (or hang) this shard's current input, with the reason to reject each (null: native crash).</summary>
    public static Dictionary<long, string?> Culprits(ShardLayout layout, int shard, string inputHash)
    {
        var path = layout.CrashesPath(shard);
        var culprits = new Dictionary<long, string?>();
        if (!File.Exists(path)) return culprits;
        foreach (var p in File.ReadAllLines(path).Select(e => e.Split(' ', 3)))
            if (p.Length >= 2 && p[0] == inputHash && long.TryParse(p[1], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var k))
                culprits.TryAdd(k, p.Length == 3 ? p[2] : null);
        return culprits;
    }

    public static void Clear(ShardLayout layout, int shard)
    {
        File.Delete(layout.JournalPath(shard));
        File.Delete(layout.CrashesPath(shard));
    }
}
