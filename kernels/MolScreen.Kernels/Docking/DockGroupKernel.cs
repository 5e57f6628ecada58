using ILGPU;
using MolScreen.Docking.Search;

namespace MolScreen.Kernels.Docking;

/// <summary>
/// Batched Monte Carlo docking, one thread group of <see cref="LaneGroupLayout.Lanes"/> lanes per (ligand, chain). Each lane
/// runs <see cref="MonteCarloCore.Run"/> on its own interleaved copy of the chain state, so the search's algebra needs no
/// communication; the lanes split each energy evaluation's atom and pair terms through <see cref="GroupObjective"/>. All
/// lanes end with the same state (that of <see cref="DockKernel"/>'s thread, and the CPU chain's); the host reads lane 0.
/// Launch with group size = Lanes and one group per chain: a group's barriers must not wait on another chain, whose
/// search takes other branches.
/// </summary>
public static class DockGroupKernel
{
    /// <param name="steps">per ligand: global steps, local steps, patience</param>
    /// <param name="gyration">per ligand: radius of gyration scaling orientation moves</param>
    /// <param name="scratch">per chain: Lanes interleaved energy scratch windows of scratchLayout.Stride</param>
    /// <param name="share">per chain: group.ShareStride floats of per-term results</param>
    /// <param name="state">per chain: Lanes interleaved state windows of settings.StateStride</param>
    /// <param name="results">per chain: saved minima count, evaluations (written by lane 0)</param>
    public static void Run(LigandBatchView batch, MapsView maps, WeightsArg weights, DockSettings settings, ArrayView<int> steps,
        ArrayView<float> gyration, ScratchLayout scratchLayout, LaneGroupLayout group, ArrayView<float> scratch, ArrayView<float> share,
        ArrayView<float> state, ArrayView<int> results)
    {
        int t = Grid.IdxX, lane = Group.IdxX, lanes = group.Lanes;
        int lig = t / settings.ChainsPerLigand, chain = t % settings.ChainsPerLigand;
        int slot = lig * LigandBatch.SlotInts;
        int frames = batch.Slots[slot + 3], heavy = batch.Slots[slot + 7];
        var layout = new ChainLayout(6 + frames, 5 + frames, heavy, settings.SavedMinima, settings.SkipVisited != 0);
        long stateBase = (long)t * lanes * settings.StateStride + lane;
        long scratchBase = (long)t * lanes * scratchLayout.Stride + lane;
        var objective = new GroupObjective(batch, maps, weights.ToWeights(), lig, state, stateBase, scratch, scratchBase, scratchLayout,
            share, (long)t * group.ShareStride, group, lane);
        var rng = new Rng(settings.Seed, chain);
        int evaluations = 0;
        int count = MonteCarloCore.Run(new StridedView(state, stateBase, lanes), layout, objective, ref rng, settings.Bounds, gyration[lig],
            steps[3 * lig], steps[3 * lig + 1], steps[3 * lig + 2], settings.MinRmsd, ref evaluations);
        if (lane != 0) return;
        results[2L * t] = count;
        results[2L * t + 1] = evaluations;
    }
}
