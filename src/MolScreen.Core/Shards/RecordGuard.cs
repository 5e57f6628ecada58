namespace MolScreen.Core.Shards;

/// <summary>
/// Lets a shard survive a record that crashes the process (a segfault in native chemistry code).
/// Before each risky record the stage calls <see cref="Enter"/>, which leaves the record's ordinal in a
/// small journal file (an unsynced 8-byte write: it survives the process, which is all we need).
/// When the shard is run again after a crash, the journal names the culprit; it joins the skip list
/// and the stage rejects it as "native crash" instead of processing it, and the rest completes.
/// </summary>
public sealed class RecordGuard : IDisposable
{
    private readonly FileStream? _journal;
    private readonly HashSet<long> _skip;
    private readonly Dictionary<long, string?> _reasons = new();
    private readonly byte[] _buffer = new byte[8];

    /// <summary>A guard that journals nothing and skips nothing (direct commands, tests).</summary>
    public static RecordGuard None => new(null, []);

    public RecordGuard(string? journalPath, IEnumerable<long> skip)
    {
        _skip = skip.ToHashSet();
        if (journalPath != null)
            _journal = new FileStream(journalPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
    }

    /// <summary>Culprits with their reject reasons (null: native crash), as CrashHistory keeps them.</summary>
    public RecordGuard(string? journalPath, IReadOnlyDictionary<long, string?> culprits) : this(journalPath, culprits.Keys)
    {
        foreach (var (k, why) in culprits) _reasons[k] = why;
    }

    public IReadOnlySet<long> Skipped => _skip;

    public bool ShouldSkip(long ordinal) => _skip.Contains(ordinal);

    /// <summary>Why a skipped record is rejected: it crashed the worker, or it ran past the per-record time limit.</summary>
    public string SkipReason(long ordinal) =>
        _reasons.GetValueOrDefault(ordinal) is { } why ? $"{why}: the worker was stopped on this record; it was skipped on retry" : Stages.ShardContext.NativeCrashReason;

    public void Enter(long ordinal)
    {
        if (_journal == null) return;
        BitConverter.TryWriteBytes(_buffer, ordinal);
        _journal.Position = 0;
        _journal.Write(_buffer);
        _journal.Flush(); // to the OS, not the disk: a process crash must not lose it, a power cut may
    }

    /// <summary>The ordinal a crashed run was working on, or null when there was no crash.</summary>
    public static long? ReadJournal(string journalPath)
    {
        if (!File.Exists(journalPath)) return null;
        var bytes = File.ReadAllBytes(journalPath);
        return bytes.Length >= 8 ? BitConverter.ToInt64(bytes, 0) : null;
    }

    public void Dispose() => _journal?.Dispose();
}
