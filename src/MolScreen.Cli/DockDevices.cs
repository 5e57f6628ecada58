using System.Collections.Concurrent;
using MolScreen.Docking.Search;
using MolScreen.Docking.Stage;
using MolScreen.Docking.Structure;
using MolScreen.Kernels.Docking;

namespace MolScreen.Cli;

/// <summary>
/// The dock stage's search devices: the batched GPU kernels, opened once per worker process and device name and kept
/// for every shard it runs (device maps are re-uploaded only when the target changes).
/// </summary>
internal static class DockDevices
{
    static readonly ConcurrentDictionary<string, Lazy<IBatchDocker?>> Open = new();

    /// <summary>Null for "auto" without CUDA (the stage then docks on the CPU); "gpu" without CUDA throws a clear error.</summary>
    public static IBatchDocker? For(string device) =>
        Open.GetOrAdd(device, d => new(() => GpuDockingSession.Open(d) is { } s ? new SessionDocker(s) : null)).Value;

    sealed class SessionDocker(GpuDockingSession session) : IBatchDocker
    {
        readonly object _gate = new();
        public string Label => session.IsGpu ? "gpu" : "ilgpu-cpu";

        // One device, one batch at a time.
        public (DockingResult? Result, string? Error)[] Dock(DockingEngine engine, IReadOnlyList<LigandModel> ligands, DockingOptions options)
        {
            lock (_gate) return session.Dock(engine, ligands, options);
        }
    }
}
