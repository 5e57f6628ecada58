using ILGPU;
using MolScreen.Docking.Search;

namespace MolScreen.Kernels.Docking;

/// <summary>
/// Batched Monte Carlo docking, one thread group of <see cref="LaneGroupLayout.Lanes"/> lanes per (ligand, chain). Each lane
/// runs <see cref="MonteCarloCore"/> (through <see cref="ChainRecords.Advance"/>, as <see cref="DockKernel"/>) on its own interleaved copy of the chain state, so the search's algebra needs no
/// communication; the lanes split each energy evaluation's atom and pair terms through <see cref="GroupObjective"/>. All
/// lanes end with the same state (that of <see cref="DockKernel"/>'s thread, and the CPU chain's); the host reads lane 0.
/// Launch with group size = Lanes and one group per chain: a group's barriers must not wait on another chain, whose
/// search takes other branches.
/// </summary>
public static class DockGroupKernel
{
    /// <param name="steps">per ligand: the step this launch runs to, local steps, patience</param>
    /// <param name="gyration">per ligand: radius of gyration scaling orientation moves</param>
    /// <param name="scratch">per chain: Lanes interleaved energy scratch windows of scratchLayout.Stride</param>
    /// <param name="share">per chain: group.ShareStride floats of per-term results</param>
    /// <param name="state">per chain: Lanes interleaved state windows of settings.StateStride</param>
    /// <param name="records">per chain: the chain's place between launches (every lane reads it, lane 0 writes it back)</param>
    /// <param name="bests">per chain: settings.BestStride floats receiving the chain's best minimum (lane 0)</param>
    public static void Run(LigandBatchView batch, MapsView maps, WeightsArg weights, DockSettings settings, ArrayView<int> steps,
        ArrayView<float> gyration, ScratchLayout scratchLayout, LaneGroupLayout group, ArrayView<float> scratch, ArrayView<float> share,
        ArrayView<float> state, ArrayView<ChainRecord> records, ArrayView<float> bests)
    {
        int t = Grid.IdxX, lane = Group.IdxX, lanes = group.Lanes;
        var record = records[t];
        // a chain whose piece needs no evaluation meets no other barrier: without this one lane 0 could write the record
        // back before a slower lane has read it
        Group.Barrier();
        if (record.Stopped != 0) return; // the same for every lane of the group, so no barrier is left waiting
        int lig = t / settings.ChainsPerLigand, chain = t % settings.ChainsPerLigand;
        int slot = lig * LigandBatch.SlotInts;
        int frames = batch.Slots[slot + 3], heavy = batch.Slots[slot + 7];
        var layout = new ChainLayout(6 + frames, 5 + frames, heavy, settings.SavedMinima, settings.SkipVisited != 0);
        long stateBase = (long)t * lanes * settings.StateStride + lane;
        long scratchBase = (long)t * lanes * scratchLayout.Stride + lane;
        var objective = new GroupObjective(batch, maps, weights.ToWeights(), lig, state, stateBase, scratch, scratchBase, scratchLayout,
            share, (long)t * group.ShareStride, group, lane);
        var view = new StridedView(state, stateBase, lanes);
        ChainRecords.Advance(view, layout, objective, ref record, settings, chain, gyration[lig], steps[3 * lig], steps[3 * lig + 1],
            steps[3 * lig + 2]);
        if (lane != 0) return;
        ChainRecords.SaveBest(view, layout.Minima, record.Progress.Count, bests, t * settings.BestStride);
        records[t] = record;
    }
}
