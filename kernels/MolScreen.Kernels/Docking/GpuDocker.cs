using ILGPU;
using ILGPU.Runtime;
using MolScreen.Docking;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

namespace MolScreen.Kernels.Docking;

/// <summary>
/// The chains of one ligand run on the device: each chain's saved minima (best first) and the energy evaluations; and
/// where each chain stopped (its next step, and whether its patience ended it rather than the budget or the cross-chain rule).
/// </summary>
public sealed record GpuChains(IReadOnlyList<List<Minimum>> PerChain, int Evaluations)
{
    public IReadOnlyList<ChainProgress> Progress { get; init; } = [];
}

/// <summary>
/// Host side of the docking kernels: ligands sorted into size classes and packed into batches that fit the device memory
/// budget, chains × ligands per launch. Steps per ligand follow the CPU engine (<see cref="DockingEngine.GlobalSteps"/>).
/// With <see cref="LanesPerChain"/> = 1 a chain is one thread (<see cref="DockKernel"/>); with G &gt; 1 it is a group of G
/// lanes sharing each evaluation's atom and pair terms (<see cref="DockGroupKernel"/>). Both give the CPU chain's minima.
/// With the cross-chain rule on (quick mode) a batch runs in rounds, one launch each, as the CPU engine does
/// (<see cref="ConsensusRounds"/>): chains keep their place in device memory and the host stops chains between launches.
/// </summary>
public sealed class GpuDocker
{
    /// <summary>Share of free device memory a launch may use (the rest is left to the driver and other buffers).</summary>
    const double MemoryShare = 0.6;
    /// <summary>Cap for the CPU accelerator, whose "free memory" is the host's.</summary>
    const long CpuBudget = 512L << 20;
    /// <summary>Cap per launch: the state comes back to the host as one array (under 2³¹ floats), and larger launches gain nothing.</summary>
    const long GpuLaunchCap = 4L << 30;
    /// <summary>Lanes per chain on CUDA unless asked otherwise (not yet tuned on a GPU: compare 1, 8, 16, 32 with GpuBench).</summary>
    public const int DefaultGpuLanes = 8;

    readonly DockingAccelerator _device;
    readonly DeviceMaps _maps;
    readonly Action<Index1D, LigandBatchView, MapsView, WeightsArg, DockSettings, ArrayView<int>, ArrayView<float>, ScratchLayout,
        ArrayView<float>, ArrayView<float>, ArrayView<ChainRecord>, ArrayView<float>>? _threadKernel;
    readonly Action<KernelConfig, LigandBatchView, MapsView, WeightsArg, DockSettings, ArrayView<int>, ArrayView<float>, ScratchLayout,
        LaneGroupLayout, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<ChainRecord>, ArrayView<float>>? _groupKernel;

    public int Launches { get; private set; }
    /// <summary>Threads per Monte Carlo chain (1 = the thread-per-chain kernel).</summary>
    public int LanesPerChain { get; }

    /// <param name="lanesPerChain">a power of two up to 32 and the device's group size (<see cref="DockingOptions.GpuLanes"/>); null = <see cref="DefaultGpuLanes"/> on CUDA,
    /// 1 on the CPU accelerator (whose lanes are OS threads meeting at barriers: slower, and only for tests there)</param>
    public GpuDocker(DockingAccelerator device, DeviceMaps maps, int? lanesPerChain = null)
    {
        _device = device;
        _maps = maps;
        int lanes = lanesPerChain ?? (device.IsGpu ? DefaultGpuLanes : 1);
        if (DockingOptions.GpuLanesProblem(lanes) is { } problem) throw new DockingException(problem);
        if (lanes > device.Accelerator.MaxNumThreadsPerGroup)
            throw new DockingException($"gpu lanes {lanes}: {device.Device} runs at most {device.Accelerator.MaxNumThreadsPerGroup} threads per group");
        LanesPerChain = lanes;
        var acc = device.Accelerator;
        if (lanes == 1)
            _threadKernel = acc.LoadAutoGroupedStreamKernel<Index1D, LigandBatchView, MapsView, WeightsArg, DockSettings, ArrayView<int>,
                ArrayView<float>, ScratchLayout, ArrayView<float>, ArrayView<float>, ArrayView<ChainRecord>, ArrayView<float>>(DockKernel.Run);
        else
            _groupKernel = acc.LoadStreamKernel<LigandBatchView, MapsView, WeightsArg, DockSettings, ArrayView<int>, ArrayView<float>,
                ScratchLayout, LaneGroupLayout, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<ChainRecord>,
                ArrayView<float>>(DockGroupKernel.Run);
    }

    /// <summary>
    /// Device bytes one chain of a ligand of this shape needs: state + energy scratch per lane, with lanes &gt; 1 the
    /// chain's share area, and the chain's record and best-minimum window.
    /// </summary>
    public static long BytesPerChain(int atoms, int frames, int heavy, int pairs, int savedMinima, bool skipVisited, int lanes)
    {
        long perLane = new ChainLayout(6 + frames, 5 + frames, heavy, savedMinima, skipVisited).Size + new ScratchLayout(atoms, frames).Stride;
        return 4L * (lanes * perLane + (lanes > 1 ? LaneGroupLayout.ShareFloats(atoms, pairs) : 0) + ChainRecords.BestStride(frames, heavy))
            + RecordBytes;
    }

    static readonly int RecordBytes = System.Runtime.CompilerServices.Unsafe.SizeOf<ChainRecord>();

    long Budget => _device.IsGpu ? Math.Min(GpuLaunchCap, (long)(_device.FreeMemory * MemoryShare)) : Math.Min(CpuBudget, _device.FreeMemory / 4);

    /// <summary>
    /// Ligand indices per launch: sorted by size so neighbours share a batch (per-chain windows are sized for the batch's
    /// largest ligand, so similar sizes waste little), each batch as large as the budget allows (at least one ligand).
    /// </summary>
    public static List<List<int>> PlanBatches(IReadOnlyList<LigandModel> ligands, DockingOptions options, long budget, int lanes)
    {
        int chains = options.Exhaustiveness;
        var order = Enumerable.Range(0, ligands.Count).OrderBy(i => ligands[i].AtomCount).ThenBy(i => ligands[i].FrameCount).ToList();
        var batches = new List<List<int>>();
        int start = 0;
        while (start < order.Count)
        {
            int end = start, atoms = 0, frames = 0, heavy = 0, pairs = 0;
            while (end < order.Count)
            {
                var l = ligands[order[end]];
                int a = Math.Max(atoms, l.AtomCount), f = Math.Max(frames, l.FrameCount), h = Math.Max(heavy, l.HeavyAtomCount);
                int p = Math.Max(pairs, l.PairA.Length);
                if (end > start && (end - start + 1L) * chains * BytesPerChain(a, f, h, p, options.NumPoses, options.SkipVisited, lanes) > budget) break;
                (atoms, frames, heavy, pairs) = (a, f, h, p);
                end++;
            }
            batches.Add(order.GetRange(start, end - start));
            start = end;
        }
        return batches;
    }

    /// <summary>Runs options.Exhaustiveness chains for every ligand; results in ligand order.</summary>
    public GpuChains[] Run(IReadOnlyList<LigandModel> ligands, DockingOptions options)
    {
        options.Validate();
        var result = new GpuChains[ligands.Count];
        foreach (var idx in PlanBatches(ligands, options, Budget, LanesPerChain))
        {
            var batchResult = RunBatch(idx.Select(i => ligands[i]).ToList(), options);
            for (int k = 0; k < idx.Count; k++) result[idx[k]] = batchResult[k];
        }
        return result;
    }

    GpuChains[] RunBatch(List<LigandModel> ligands, DockingOptions o)
    {
        var acc = _device.Accelerator;
        var kins = ligands.Select(l => new LigandKinematics(l)).ToList();
        using var batch = new LigandBatch(acc, ligands, kins);
        int chains = o.Exhaustiveness, total = ligands.Count * chains, lanes = LanesPerChain;
        var scratchLayout = new ScratchLayout(batch.MaxAtoms, batch.MaxFrames);
        int stateStride = new ChainLayout(6 + batch.MaxFrames, 5 + batch.MaxFrames, batch.MaxHeavy, o.NumPoses, o.SkipVisited).Size;
        int bestStride = ChainRecords.BestStride(batch.MaxFrames, batch.MaxHeavy);
        var steps = new int[3 * ligands.Count];
        var gyration = new float[ligands.Count];
        // without the cross-chain rule one launch runs every chain's whole budget
        var rounds = o.Consensus > 0f ? new ConsensusRounds[ligands.Count] : null;
        for (int l = 0; l < ligands.Count; l++)
        {
            int global = DockingEngine.GlobalSteps(ligands[l], o);
            if (rounds != null) rounds[l] = new ConsensusRounds(chains, global, o);
            steps[3 * l] = rounds?[l].End ?? global;
            steps[3 * l + 1] = DockingEngine.LocalSteps(ligands[l]);
            steps[3 * l + 2] = DockingEngine.PatienceSteps(global, o);
            gyration[l] = MonteCarloChain.Gyration(kins[l], LigandBatch.HeavyAtoms(ligands[l]));
        }
        var settings = new DockSettings(MonteCarloChain.Bounds(_maps.Host.Box), o.Seed, chains, o.MinRmsd, stateStride, o.NumPoses, o.SkipVisited,
            bestStride);
        using var dSteps = acc.Allocate1D(steps);
        using var dGyration = acc.Allocate1D(gyration);
        using var scratch = acc.Allocate1D<float>((long)total * lanes * scratchLayout.Stride);
        using var state = acc.Allocate1D<float>((long)total * lanes * stateStride);
        using var records = acc.Allocate1D<ChainRecord>(total);
        records.MemSetToZero();
        using var bests = acc.Allocate1D<float>((long)total * bestStride);
        var group = new LaneGroupLayout(lanes, batch.MaxAtoms, batch.MaxPairs);
        using var share = acc.Allocate1D<float>(lanes > 1 ? Math.Max(1L, (long)total * group.ShareStride) : 1);
        ChainRecord[] hostRecords;
        while (true)
        {
            if (lanes == 1)
                _threadKernel!(total, batch.View, _maps.View, new WeightsArg(_maps.Weights), settings, dSteps.View, dGyration.View, scratchLayout,
                    scratch.View, state.View, records.View, bests.View);
            else
                _groupKernel!(new KernelConfig(total, lanes), batch.View, _maps.View, new WeightsArg(_maps.Weights), settings, dSteps.View,
                    dGyration.View, scratchLayout, group, scratch.View, share.View, state.View, records.View, bests.View);
            acc.Synchronize();
            Launches++;
            hostRecords = records.GetAsArray1D();
            if (rounds == null || !NextRound(rounds, hostRecords, bests.GetAsArray1D(), bestStride, kins, ligands, steps)) break;
            records.CopyFromCPU(hostRecords);
            dSteps.CopyFromCPU(steps);
        }
        var hostState = state.GetAsArray1D();
        var window = new float[stateStride];
        var output = new GpuChains[ligands.Count];
        for (int l = 0; l < ligands.Count; l++)
        {
            var per = new List<Minimum>[chains];
            var progress = new ChainProgress[chains];
            int evals = 0;
            var layout = new ChainLayout(kins[l].ConfSize, kins[l].GradSize, ligands[l].HeavyAtomCount, o.NumPoses, o.SkipVisited);
            for (int c = 0; c < chains; c++)
            {
                int t = l * chains + c;
                // lane 0's window: element k at k·lanes of the chain's interleaved block
                long block = (long)t * lanes * stateStride;
                for (int k = 0; k < stateStride; k++) window[k] = hostState[block + (long)k * lanes];
                progress[c] = hostRecords[t].Progress;
                per[c] = MonteCarloChain.Minima(window, layout.Minima, progress[c].Count);
                evals += hostRecords[t].Evaluations;
            }
            output[l] = new GpuChains(per, evals) { Progress = progress };
        }
        return output;
    }

    /// <summary>
    /// Applies the cross-chain rule to every ligand still searching, from the chains' records and best minima after a
    /// launch: marks the chains that do not go on as stopped and sets each ligand's next round end. Returns whether any
    /// chain runs again.
    /// </summary>
    static bool NextRound(ConsensusRounds[] rounds, ChainRecord[] records, float[] bests, int bestStride, List<LigandKinematics> kins,
        List<LigandModel> ligands, int[] steps)
    {
        int chains = rounds.Length == 0 ? 0 : records.Length / rounds.Length;
        bool any = false;
        for (int l = 0; l < rounds.Length; l++)
        {
            var r = rounds[l];
            int first = l * chains;
            if (!r.Done)
            {
                var progress = Enumerable.Range(first, chains).Select(t => records[t].Progress).ToArray();
                var slot = new MinimaLayout(0, kins[l].ConfSize, 3 * ligands[l].HeavyAtomCount, 1);
                r.Next(progress, c => progress[c].Count > 0
                    ? MonteCarloChain.Minima(bests.AsSpan((first + c) * bestStride, bestStride), slot, 1)[0] : null);
            }
            for (int c = 0; c < chains; c++) records[first + c].Stopped = r.Done || !r.Running[c] ? 1 : 0;
            steps[3 * l] = r.End;
            any |= !r.Done;
        }
        return any;
    }
}
