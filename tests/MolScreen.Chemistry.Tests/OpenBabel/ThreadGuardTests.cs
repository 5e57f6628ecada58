using MolScreen.Chemistry.OpenBabel;

namespace MolScreen.Chemistry.Tests.OpenBabel;

[Collection(OpenBabelCollection.Name)]
public class ThreadGuardTests
{
    private static T OnOtherThread<T>(Func<T> work)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { error = e; }
        });
        thread.Start();
        thread.Join();
        if (error != null) throw error;
        return result;
    }

    [Fact]
    public void SecondThreadInsideOpenBabelIsRefused()
    {
        using (ObThreadGuard.Enter())
        {
            var e = Assert.Throws<InvalidOperationException>(() => OnOtherThread(() => ObMolecule.FromSmiles("CCO")));
            Assert.Contains("not thread-safe", e.Message);
            Assert.Contains("one OpenBabel thread per process", e.Message);
        }
        // Once the first thread has left, another thread may use OpenBabel.
        Assert.Equal("CCO", OnOtherThread(() =>
        {
            using var mol = ObMolecule.FromSmiles("OCC");
            return mol.CanonicalSmiles;
        }));
    }

    [Fact]
    public void SameThreadMayReenter()
    {
        using (ObThreadGuard.Enter())
        {
            using var mol = ObMolecule.FromSmiles("CCO");
            Assert.Equal(3, mol.ToGraph().AtomCount);
        }
    }

    [Fact]
    public void FreeFromAnotherThreadWhileBusyIsDeferredUntilTheOwnerLeaves()
    {
        var mol = ObMolecule.FromSmiles("CCO");
        using (ObThreadGuard.Enter())
        {
            // What the finalizer thread does when it collects a molecule during a call.
            OnOtherThread(() => { mol.Dispose(); return 0; });
            Assert.Equal(1, ObThreadGuard.PendingFrees);
        }
        Assert.Equal(0, ObThreadGuard.PendingFrees);
    }

    [Fact]
    public void FreeFromAnotherThreadWhenIdleHappensAtOnce()
    {
        var mol = ObMolecule.FromSmiles("CCO");
        OnOtherThread(() => { mol.Dispose(); return 0; });
        Assert.Equal(0, ObThreadGuard.PendingFrees);
        Assert.Throws<ObjectDisposedException>(() => mol.ToGraph());
    }
}
