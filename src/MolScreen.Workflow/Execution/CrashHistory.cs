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
    public static void RecordCrash(ShardLayout layout, int shard, string inputHash)
    {
        if (RecordGuard.ReadJournal(layout.JournalPath(shard)) is not { } culprit) return;
        var path = layout.CrashesPath(shard);
        var entries = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
        var line = $"{inputHash} {culprit}";
        if (!entries.Contains(line)) entries.Add(line);
        AtomicFile.WriteAllText(path, string.Join('\n', entries) + "\n");
        File.Delete(layout.JournalPath(shard));
    }

    /// <summary>The records known to crash this shard's current input.</summary>
    public static List<long> Culprits(ShardLayout layout, int shard, string inputHash)
    {
        var path = layout.CrashesPath(shard);
        if (!File.Exists(path)) return [];
        return File.ReadAllLines(path).Select(e => e.Split(' ')).Where(p => p.Length == 2 && p[0] == inputHash)
            .Select(p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    public static void Clear(ShardLayout layout, int shard)
    {
        File.Delete(layout.JournalPath(shard));
        File.Delete(layout.CrashesPath(shard));
    }
}
