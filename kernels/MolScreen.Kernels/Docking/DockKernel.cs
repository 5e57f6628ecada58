using ILGPU;
using MolScreen.Docking.Search;

namespace MolScreen.Kernels.Docking;

/// <summary>Launch-wide search settings of <see cref="DockKernel"/> and <see cref="DockGroupKernel"/>.</summary>
public readonly struct DockSettings(SearchBounds bounds, long seed, int chainsPerLigand, float minRmsd, int stateStride, int savedMinima,
    bool skipVisited)
{
    public readonly int SkipVisited = skipVisited ? 1 : 0;
    public readonly SearchBounds Bounds = bounds;
    public readonly long Seed = seed;
    public readonly int ChainsPerLigand = chainsPerLigand, StateStride = stateStride, SavedMinima = savedMinima;
    public readonly float MinRmsd = minRmsd;
}

/// <summary>
/// Batched Monte Carlo docking, one thread per (ligand, chain): the thread runs <see cref="MonteCarloCore.Run"/> (with
/// <see cref="BfgsCore"/> and the shared energy) on its own state window, seeded (seed, chain) exactly like the CPU chain,
/// so a chain gives the CPU's minima. The host merges, re-scores and clusters them with the CPU engine's code.
/// </summary>
public static class DockKernel
{
    /// <param name="steps">per ligand: global steps, local steps, patience (steps without improvement before a chain ends)</param>
    /// <param name="gyration">per ligand: radius of gyration scaling orientation moves</param>
    /// <param name="results">per thread: saved minima count, evaluations</param>
    public static void Run(Index1D index, LigandBatchView batch, MapsView maps, WeightsArg weights, DockSettings settings,
        ArrayView<int> steps, ArrayView<float> gyration, ScratchLayout scratchLayout, ArrayView<float> scratch, ArrayView<float> state,
        ArrayView<int> results)
    {
        int t = index.X;
        int lig = t / settings.ChainsPerLigand, chain = t % settings.ChainsPerLigand;
        int slot = lig * LigandBatch.SlotInts;
        int frames = batch.Slots[slot + 3], heavy = batch.Slots[slot + 7];
        var layout = new ChainLayout(6 + frames, 5 + frames, heavy, settings.SavedMinima, settings.SkipVisited != 0);
        long stateBase = (long)t * settings.StateStride;
        var objective = new DeviceObjective(batch, maps, weights.ToWeights(), lig, state, stateBase, scratch, t, scratchLayout);
        var rng = new Rng(settings.Seed, chain);
        int evaluations = 0;
        int count = MonteCarloCore.Run(new FloatView(state, stateBase), layout, objective, ref rng, settings.Bounds, gyration[lig],
            steps[3 * lig], steps[3 * lig + 1], steps[3 * lig + 2], settings.MinRmsd, ref evaluations);
        results[2L * t] = count;
        results[2L * t + 1] = evaluations;
    }
}
