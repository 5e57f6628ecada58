using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace MolScreen.Chemistry.OpenBabel;

/// <summary>
/// Runs Open Babel work on one dedicated thread with a large stack. Open Babel's SMILES parser and perception recurse
/// per atom or per branch; on a thread-pool thread (1.5 MB of stack) a deep or huge structure overflows the stack and
/// kills the process. Here the same work has <see cref="StackBytes"/>, and since every call goes through the one
/// thread, Open Babel is never entered concurrently (the rule <see cref="ObThreadGuard"/> enforces).
/// </summary>
public static class ObThread
{
    /// <summary>Reserved, not committed: the pages are touched only by structures that recurse that deep.</summary>
    public const int StackBytes = 256 << 20;

    private static readonly BlockingCollection<Action> Work = new();
    private static readonly Lazy<Thread> Worker = new(() =>
    {
        var t = new Thread(() =>
        {
            _onThread = true;
            foreach (var item in Work.GetConsumingEnumerable()) item();
        }, StackBytes) { IsBackground = true, Name = "openbabel" };
        t.Start();
        return t;
    });

    [ThreadStatic] private static bool _onThread;

    /// <summary>Runs <paramref name="work"/> on the Open Babel thread and returns its result (or rethrows its exception).</summary>
    public static T Run<T>(Func<T> work)
    {
        if (_onThread) return work();
        _ = Worker.Value;
        T result = default!;
        ExceptionDispatchInfo? error = null;
        using var done = new ManualResetEventSlim();
        Work.Add(() =>
        {
            try { result = work(); }
            catch (Exception e) { error = ExceptionDispatchInfo.Capture(e); }
            finally { done.Set(); }
        });
        done.Wait();
        error?.Throw();
        return result;
    }
}
