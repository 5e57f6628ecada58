using System.Collections.Concurrent;

namespace MolScreen.Chemistry.OpenBabel;

/// <summary>
/// Process-wide check that OpenBabel is never entered by two threads at once. OpenBabel keeps
/// global state (error log, plugin tables, perception caches) without locks: two threads using
/// it at the same time corrupt the heap silently, which surfaces much later as an unrelated
/// crash. Entering costs one compare-and-swap; a second thread entering while another is
/// inside gets an <see cref="InvalidOperationException"/> instead. Sequential use from
/// different threads (async continuations) is fine.
/// <para>
/// Handles are also freed through here. The finalizer thread may release a handle while the
/// OpenBabel thread is busy; such frees are queued and done by the owning thread when it
/// leaves, so finalization never trips the guard and never touches OpenBabel concurrently.
/// </para>
/// </summary>
internal static class ObThreadGuard
{
    internal enum NativeKind { Molecule, Smarts }

    // 0: free. > 0: managed thread id of the thread inside OpenBabel. < 0: negated id of a
    // thread that is only freeing a handle (a few microseconds; others wait for it).
    private static int _owner;
    private static readonly ConcurrentQueue<(nint Handle, NativeKind Kind)> Deferred = new();

    /// <summary>Frees waiting for the OpenBabel thread to leave (visible to tests).</summary>
    internal static int PendingFrees => Deferred.Count;

    /// <summary>Enters OpenBabel for the current thread; dispose the scope to leave.</summary>
    public static Scope Enter()
    {
        ObLibrary.EnsureLoaded();
        int me = Environment.CurrentManagedThreadId;
        var spin = new SpinWait();
        while (true)
        {
            int owner = Interlocked.CompareExchange(ref _owner, me, 0);
            if (owner == 0) return new Scope(owns: true);
            if (owner == me) return new Scope(owns: false);
            if (owner < 0)
            {
                spin.SpinOnce();
                continue;
            }
            throw new InvalidOperationException(
                $"OpenBabel was called from thread {me} while thread {owner} was inside it. OpenBabel is not " +
                "thread-safe: use one OpenBabel thread per process and scale out with worker processes.");
        }
    }

    public readonly ref struct Scope
    {
        private readonly bool _owns;

        internal Scope(bool owns) => _owns = owns;

        public void Dispose()
        {
            if (!_owns) return;
            DrainDeferred();
            Volatile.Write(ref _owner, 0);
        }
    }

    /// <summary>Frees a native handle now if OpenBabel is free or ours, otherwise queues it.</summary>
    internal static void Free(nint handle, NativeKind kind)
    {
        int me = Environment.CurrentManagedThreadId;
        if (Volatile.Read(ref _owner) == me)
        {
            FreeNow(handle, kind);
            return;
        }
        if (Interlocked.CompareExchange(ref _owner, -me, 0) == 0)
        {
            try
            {
                FreeNow(handle, kind);
                DrainDeferred();
            }
            finally
            {
                Volatile.Write(ref _owner, 0);
            }
            return;
        }
        // Freed by whichever thread next leaves OpenBabel.
        Deferred.Enqueue((handle, kind));
    }

    private static void DrainDeferred()
    {
        while (Deferred.TryDequeue(out var item)) FreeNow(item.Handle, item.Kind);
    }

    private static void FreeNow(nint handle, NativeKind kind)
    {
        if (kind == NativeKind.Molecule) ObNative.ms_mol_free(handle);
        else ObNative.ms_smarts_free(handle);
    }
}
