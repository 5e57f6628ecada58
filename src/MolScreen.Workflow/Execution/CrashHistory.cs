using MolScreen.Core.IO;
using MolScreen.Core.Shards;

namespace MolScreen.Workflow.Execution;

/// <summary>
/// Records which input records crashed a shard's process, per shard and input hash, so each retry
/// skips every culprit found so far. Lives in _shards/ next to the manifest and is removed once the
/// shard completes (the rejects file then carries the "native crash" rejects).
/// </summary>
public static class CrashHistory
{
    /// <summary>Turns a journal left by a dead process into a crash entry; returns all culprits for this input.</summary>
    public static List<long> Absorb(ShardLayout layout, int shard, string inputHash)
    {
        var path = layout.CrashesPath(shard);
        var entries = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
        if (RecordGuard.ReadJournal(layout.JournalPath(shard)) is { } culprit)
        {
            var line = $"{inputHash} {culprit}";
            if (!entries.Contains(line)) entries.Add(line);
            AtomicFile.WriteAllText(path, string.Join('\n', entries) + "\n");
        }
        File.Delete(layout.JournalPath(shard));
        return entries.Select(e => e.Split(' ')).Where(p => p.Length == 2 && p[0] == inputHash)
            .Select(p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    public static void Clear(ShardLayout layout, int shard)
    {
        File.Delete(layout.JournalPath(shard));
        File.Delete(layout.CrashesPath(shard));
    }
}
