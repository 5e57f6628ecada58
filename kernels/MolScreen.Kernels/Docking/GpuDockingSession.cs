using System.Diagnostics;
using MolScreen.Docking;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

namespace MolScreen.Kernels.Docking;

/// <summary>
/// What `--device` selects for a docking run: the device, the maps uploaded once, and the batched docker. Ligands are docked
/// together (chains on the device), then merged, re-scored and clustered per ligand by <see cref="DockingEngine.Finish"/>,
/// ligands in parallel over options.MaxThreads threads.
/// </summary>
public sealed class GpuDockingSession : IDisposable
{
    readonly DockingAccelerator _device;
    DeviceMaps? _maps;
    GpuDocker? _docker;
    int? _dockerLanes;

    public string Device => _device.Device;
    public bool IsGpu => _device.IsGpu;
    /// <summary>Threads per chain of the last search (options.GpuLanes, or the device's default); null before one.</summary>
    public int? LanesPerChain => _docker?.LanesPerChain;

    GpuDockingSession(DockingAccelerator device) => _device = device;

    /// <summary>
    /// "auto": CUDA when present, else null (the CPU engine); "gpu": CUDA or a clear error; "ilgpu-cpu": the kernels on
    /// ILGPU's CPU accelerator (slow; for testing the GPU path without a GPU); "cpu": null.
    /// </summary>
    public static GpuDockingSession? Open(string device) => device switch
    {
        "cpu" => null,
        "auto" => DockingAccelerator.CudaAvailable() ? new GpuDockingSession(new DockingAccelerator(preferGpu: true)) : null,
        "gpu" => DockingAccelerator.CudaAvailable() ? new GpuDockingSession(new DockingAccelerator(preferGpu: true))
            : throw new DockingException("--device gpu: no CUDA device found (use --device auto or cpu)"),
        "ilgpu-cpu" => new GpuDockingSession(new DockingAccelerator(preferGpu: false)),
        _ => throw new DockingException($"--device {device}: expected auto, cpu, gpu or ilgpu-cpu"),
    };

    /// <summary>Docks every ligand; a ligand the search cannot take gets its error instead of a result.</summary>
    public (DockingResult? Result, string? Error)[] Dock(DockingEngine engine, IReadOnlyList<LigandModel> ligands, DockingOptions options)
    {
        options.Validate();
        var output = new (DockingResult?, string?)[ligands.Count];
        var ok = new List<int>();
        for (int i = 0; i < ligands.Count; i++)
        {
            try { _ = new LigandKinematics(ligands[i]); ok.Add(i); }
            catch (DockingException e) { output[i] = (null, e.Message); }
        }
        if (ok.Count == 0) return output;
        var sw = Stopwatch.StartNew();
        var maps = engine.MapsFor(ok.Select(i => ligands[i]));
        if (_maps == null || !ReferenceEquals(_maps.Host, maps))
        {
            _maps?.Dispose();
            _maps = new DeviceMaps(_device.Accelerator, maps, engine.Tables.Weighted);
            _docker = null;
        }
        if (_docker == null || _dockerLanes != options.GpuLanes)
        {
            _docker = new GpuDocker(_device, _maps, options.GpuLanes);
            _dockerLanes = options.GpuLanes;
        }
        var chains = _docker!.Run(ok.Select(i => ligands[i]).ToList(), options);
        double share = sw.Elapsed.TotalSeconds / ok.Count;
        // The host's merge/re-score/cluster took longer than the chains themselves (H100, 5,798 ligands: 23.6 s vs 15.3 s)
        // when run one ligand after another. Finish only reads the engine (its lazy tables are built under a lock) and
        // each ligand writes its own slot, so the results do not depend on the thread count.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxThreads) };
        Parallel.For(0, ok.Count, parallel, k =>
        {
            int i = ok[k];
            output[i] = (engine.Finish(ligands[i], chains[k].PerChain, chains[k].Evaluations, options, share), null);
        });
        return output;
    }

    public void Dispose()
    {
        _maps?.Dispose();
        _device.Dispose();
    }
}
