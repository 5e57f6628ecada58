using ILGPU;
using MolScreen.Docking.Compute;
using MolScreen.Docking.Search;

namespace MolScreen.Kernels.Docking;

/// <summary>
/// Where a device chain stands between launches, kept in device memory so a search can run in rounds (quick mode's
/// cross-chain rule stops chains between them): progress, generator, evaluations, whether the chain has been placed, and
/// whether the host has stopped it. All zero = a chain not yet started that runs.
/// </summary>
public struct ChainRecord
{
    public Rng Rng;
    public ChainProgress Progress;
    public int Evaluations, Started, Stopped;
}

/// <summary>The part of a launch both docking kernels share: one chain's piece of the search, and its best minimum for the host.</summary>
public static class ChainRecords
{
    /// <summary>
    /// Places the chain on its first launch (generator (seed, chain), as the CPU chain), then runs it to
    /// <paramref name="untilStep"/> unless its patience ends it first; running in pieces follows the at-once trajectory.
    /// </summary>
    public static void Advance<TS, TE>(TS s, ChainLayout layout, TE objective, ref ChainRecord record, DockSettings settings, int chain,
        float gyration, int untilStep, int localSteps, int patience)
        where TS : struct, IFloatBuffer where TE : struct, IConformationObjective
    {
        var rng = record.Rng;
        var progress = record.Progress;
        int evaluations = record.Evaluations;
        if (record.Started == 0)
        {
            rng = new Rng(settings.Seed, chain);
            progress = MonteCarloCore.Start(s, layout, ref rng, settings.Bounds);
            record.Started = 1;
        }
        MonteCarloCore.Advance(s, layout, objective, ref rng, ref progress, gyration, untilStep, localSteps, patience, settings.MinRmsd,
            ref evaluations);
        record.Rng = rng;
        record.Progress = progress;
        record.Evaluations = evaluations;
    }

    /// <summary>
    /// Copies the chain's best minimum (slot 0 of its store) to its window of <paramref name="bests"/>: between rounds the
    /// host needs only that, not the whole state.
    /// </summary>
    public static void SaveBest<TS>(TS s, MinimaLayout minima, int count, ArrayView<float> bests, long offset) where TS : struct, IFloatBuffer
    {
        if (count == 0) return;
        int slot = minima.Slot(0);
        for (int k = 0; k < minima.SlotSize; k++) bests[offset + k] = s[slot + k];
    }

    /// <summary>Floats of one chain's window in the bests buffer, for ligands up to these sizes.</summary>
    public static int BestStride(int frames, int heavy) => 1 + 6 + frames + 3 * heavy;
}
