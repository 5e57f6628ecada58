using ILGPU;
using MolScreen.Docking.Scoring;

namespace MolScreen.Kernels.Docking;

/// <summary>
/// Batched pose scoring: one thread per (ligand, pose) builds the pose from its conformation (position, orientation
/// quaternion, torsions) and writes the search energy under Vina's scoring caps (1000): total = inter + intra, inter, intra.
/// </summary>
public static class PoseScoreKernel
{
    /// <summary>Cap on positive energies when scoring (Vina's authentic_v).</summary>
    public const float ScoringCap = 1000f;

    /// <param name="index">ligand · posesPerLigand + pose</param>
    /// <param name="confs">one conformation slot of confStride floats per (ligand, pose)</param>
    /// <param name="output">3 floats per (ligand, pose): total, inter, intra</param>
    public static void Score(Index1D index, LigandBatchView batch, MapsView maps, WeightsArg weights, ArrayView<float> confs,
        int confStride, int posesPerLigand, ScratchLayout layout, ArrayView<float> scratch, ArrayView<float> output)
    {
        int i = index.X;
        int lig = i / posesPerLigand;
        var conf = new FloatView(confs, (long)i * confStride);
        float e = DevicePoseEnergy.Eval(batch, maps, weights.ToWeights(), lig, conf, scratch, i, layout, ScoringCap, ScoringCap, false, conf, out float inter);
        output[3L * i] = e;
        output[3L * i + 1] = inter;
        output[3L * i + 2] = e - inter;
    }
}
