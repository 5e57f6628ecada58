using ILGPU;
using ILGPU.Runtime;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

namespace MolScreen.Kernels.Docking;

/// <summary>The chains of one ligand run on the device: each chain's saved minima (best first) and the energy evaluations.</summary>
public sealed record GpuChains(IReadOnlyList<List<Minimum>> PerChain, int Evaluations);

/// <summary>
/// Host side of <see cref="DockKernel"/>: ligands sorted into size classes and packed into batches that fit the device
/// memory budget, chains × ligands per launch. Steps per ligand follow the CPU engine (<see cref="DockingEngine.GlobalSteps"/>).
/// </summary>
public sealed class GpuDocker(DockingAccelerator device, DeviceMaps maps)
{
    /// <summary>Share of free device memory a launch may use (the rest is left to the driver and other buffers).</summary>
    const double MemoryShare = 0.6;
    /// <summary>Cap for the CPU accelerator, whose "free memory" is the host's.</summary>
    const long CpuBudget = 512L << 20;
    /// <summary>Cap per launch: the state comes back to the host as one array (under 2³¹ floats), and larger launches gain nothing.</summary>
    const long GpuLaunchCap = 4L << 30;

    readonly Action<Index1D, LigandBatchView, MapsView, WeightsArg, DockSettings, ArrayView<int>, ArrayView<float>, ScratchLayout,
        ArrayView<float>, ArrayView<float>, ArrayView<int>> _kernel =
        device.Accelerator.LoadAutoGroupedStreamKernel<Index1D, LigandBatchView, MapsView, WeightsArg, DockSettings, ArrayView<int>,
            ArrayView<float>, ScratchLayout, ArrayView<float>, ArrayView<float>, ArrayView<int>>(DockKernel.Run);

    public int Launches { get; private set; }

    /// <summary>Device bytes one chain of a ligand of this shape needs (state + scratch).</summary>
    public static long BytesPerChain(int atoms, int frames, int heavy, int savedMinima, bool skipVisited) =>
        4L * (new ChainLayout(6 + frames, 5 + frames, heavy, savedMinima, skipVisited).Size + new ScratchLayout(atoms, frames).Stride);

    long Budget => device.IsGpu ? Math.Min(GpuLaunchCap, (long)(device.FreeMemory * MemoryShare)) : Math.Min(CpuBudget, device.FreeMemory / 4);

    /// <summary>Runs options.Exhaustiveness chains for every ligand; results in ligand order.</summary>
    public GpuChains[] Run(IReadOnlyList<LigandModel> ligands, DockingOptions options)
    {
        options.Validate();
        var result = new GpuChains[ligands.Count];
        int chains = options.Exhaustiveness;
        // size classes: neighbours in atom count share a batch, so per-thread windows sized for the largest waste little
        var order = Enumerable.Range(0, ligands.Count).OrderBy(i => ligands[i].AtomCount).ThenBy(i => ligands[i].FrameCount).ToList();
        long budget = Budget;
        int start = 0;
        while (start < order.Count)
        {
            int end = start, atoms = 0, frames = 0, heavy = 0;
            while (end < order.Count)
            {
                var l = ligands[order[end]];
                int a = Math.Max(atoms, l.AtomCount), f = Math.Max(frames, l.FrameCount), h = Math.Max(heavy, l.HeavyAtomCount);
                if (end > start && (end - start + 1L) * chains * BytesPerChain(a, f, h, options.NumPoses, options.SkipVisited) > budget) break;
                (atoms, frames, heavy) = (a, f, h);
                end++;
            }
            var idx = order.GetRange(start, end - start);
            var batchResult = RunBatch(idx.Select(i => ligands[i]).ToList(), options);
            for (int k = 0; k < idx.Count; k++) result[idx[k]] = batchResult[k];
            start = end;
        }
        return result;
    }

    GpuChains[] RunBatch(List<LigandModel> ligands, DockingOptions o)
    {
        var acc = device.Accelerator;
        var kins = ligands.Select(l => new LigandKinematics(l)).ToList();
        using var batch = new LigandBatch(acc, ligands, kins);
        int chains = o.Exhaustiveness, threads = ligands.Count * chains;
        var scratchLayout = new ScratchLayout(batch.MaxAtoms, batch.MaxFrames);
        int stateStride = new ChainLayout(6 + batch.MaxFrames, 5 + batch.MaxFrames, batch.MaxHeavy, o.NumPoses, o.SkipVisited).Size;
        var steps = new int[3 * ligands.Count];
        var gyration = new float[ligands.Count];
        for (int l = 0; l < ligands.Count; l++)
        {
            steps[3 * l] = DockingEngine.GlobalSteps(ligands[l], o);
            steps[3 * l + 1] = DockingEngine.LocalSteps(ligands[l]);
            steps[3 * l + 2] = DockingEngine.PatienceSteps(steps[3 * l], o);
            gyration[l] = MonteCarloChain.Gyration(kins[l], LigandBatch.HeavyAtoms(ligands[l]));
        }
        var settings = new DockSettings(MonteCarloChain.Bounds(maps.Host.Box), o.Seed, chains, o.MinRmsd, stateStride, o.NumPoses, o.SkipVisited);
        using var dSteps = acc.Allocate1D(steps);
        using var dGyration = acc.Allocate1D(gyration);
        using var scratch = acc.Allocate1D<float>((long)threads * scratchLayout.Stride);
        using var state = acc.Allocate1D<float>((long)threads * stateStride);
        using var results = acc.Allocate1D<int>(2L * threads);
        _kernel(threads, batch.View, maps.View, new WeightsArg(maps.Weights), settings, dSteps.View, dGyration.View, scratchLayout,
            scratch.View, state.View, results.View);
        acc.Synchronize();
        Launches++;
        var hostState = state.GetAsArray1D();
        var hostResults = results.GetAsArray1D();
        var output = new GpuChains[ligands.Count];
        for (int l = 0; l < ligands.Count; l++)
        {
            var per = new List<Minimum>[chains];
            int evals = 0;
            var layout = new ChainLayout(kins[l].ConfSize, kins[l].GradSize, ligands[l].HeavyAtomCount, o.NumPoses, o.SkipVisited);
            for (int c = 0; c < chains; c++)
            {
                int t = l * chains + c;
                per[c] = MonteCarloChain.Minima(hostState.AsSpan((int)((long)t * stateStride), stateStride), layout.Minima, hostResults[2 * t]);
                evals += hostResults[2 * t + 1];
            }
            output[l] = new GpuChains(per, evals);
        }
        return output;
    }
}
