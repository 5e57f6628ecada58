using ILGPU;
using MolScreen.Docking.Search;

namespace MolScreen.Kernels.Docking;

/// <summary>Launch-wide search settings of <see cref="DockKernel"/> and <see cref="DockGroupKernel"/>.</summary>
public readonly struct DockSettings(SearchBounds bounds, long seed, int chainsPerLigand, float minRmsd, int stateStride, int savedMinima,
    bool skipVisited, int bestStride)
{
    public readonly long BestStride = bestStride;
    public readonly int SkipVisited = skipVisited ? 1 : 0;
    public readonly SearchBounds Bounds = bounds;
    public readonly long Seed = seed;
    public readonly int ChainsPerLigand = chainsPerLigand, StateStride = stateStride, SavedMinima = savedMinima;
    public readonly float MinRmsd = minRmsd;
}

/// <summary>
/// Batched Monte Carlo docking, one thread per (ligand, chain): the thread runs <see cref="MonteCarloCore"/> (with
/// <see cref="BfgsCore"/> and the shared energy) on its own state window, seeded (seed, chain) exactly like the CPU chain,
/// so a chain gives the CPU's minima. A launch runs each chain the host has not stopped up to the ligand's step for this
/// launch (its budget, or a round's end under the cross-chain rule), resuming from its <see cref="ChainRecord"/>. The
/// host merges, re-scores and clusters the minima with the CPU engine's code.
/// </summary>
public static class DockKernel
{
    /// <param name="steps">per ligand: the step this launch runs to, local steps, patience (steps without improvement before
    /// a chain ends)</param>
    /// <param name="gyration">per ligand: radius of gyration scaling orientation moves</param>
    /// <param name="records">per thread: the chain's place, carried from launch to launch</param>
    /// <param name="bests">per thread: settings.BestStride floats receiving the chain's best minimum</param>
    public static void Run(Index1D index, LigandBatchView batch, MapsView maps, WeightsArg weights, DockSettings settings,
        ArrayView<int> steps, ArrayView<float> gyration, ScratchLayout scratchLayout, ArrayView<float> scratch, ArrayView<float> state,
        ArrayView<ChainRecord> records, ArrayView<float> bests)
    {
        int t = index.X;
        var record = records[t];
        if (record.Stopped != 0) return;
        int lig = t / settings.ChainsPerLigand, chain = t % settings.ChainsPerLigand;
        int slot = lig * LigandBatch.SlotInts;
        int frames = batch.Slots[slot + 3], heavy = batch.Slots[slot + 7];
        var layout = new ChainLayout(6 + frames, 5 + frames, heavy, settings.SavedMinima, settings.SkipVisited != 0);
        long stateBase = (long)t * settings.StateStride;
        var objective = new DeviceObjective(batch, maps, weights.ToWeights(), lig, state, stateBase, scratch, t, scratchLayout);
        var view = new FloatView(state, stateBase);
        ChainRecords.Advance(view, layout, objective, ref record, settings, chain, gyration[lig], steps[3 * lig], steps[3 * lig + 1],
            steps[3 * lig + 2]);
        ChainRecords.SaveBest(view, layout.Minima, record.Progress.Count, bests, t * settings.BestStride);
        records[t] = record;
    }
}
