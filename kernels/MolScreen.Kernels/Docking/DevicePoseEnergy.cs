using ILGPU;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;

namespace MolScreen.Kernels.Docking;

/// <summary>
/// Per-thread scratch layout in one device buffer: x, y, z, gx, gy, gz (MaxAtoms each) then the frame scratch of
/// <see cref="KinematicsCore"/>, at Stride floats per thread.
/// </summary>
public readonly struct ScratchLayout(int maxAtoms, int maxFrames)
{
    public readonly int MaxAtoms = maxAtoms;
    public readonly int Stride = 6 * maxAtoms + KinematicsCore.ScratchSize(maxFrames);
}

/// <summary>
/// The kernel-side twin of <see cref="PoseEnergy.Eval"/>: builds one ligand of a batch at a conformation and evaluates the
/// search energy with <see cref="KinematicsCore"/> and <see cref="PoseEnergyCore"/>, the code the CPU path runs.
/// </summary>
public static class DevicePoseEnergy
{
    public static float Eval(LigandBatchView b, MapsView m, ScoringWeights w, int lig, FloatView conf, ArrayView<float> scratch,
        long thread, ScratchLayout layout, float vIntra, float vInter, bool gradient, FloatView grad, out float inter)
    {
        long s = thread * layout.Stride;
        int n = layout.MaxAtoms;
        int slot = lig * LigandBatch.SlotInts;
        int atomStart = b.Slots[slot], atoms = b.Slots[slot + 1], frameStart = b.Slots[slot + 2], frames = b.Slots[slot + 3];
        int pairStart = b.Slots[slot + 4], pairs = b.Slots[slot + 5];
        var x = new FloatView(scratch, s); var y = new FloatView(scratch, s + n); var z = new FloatView(scratch, s + 2 * n);
        var gx = new FloatView(scratch, s + 3 * n); var gy = new FloatView(scratch, s + 4 * n); var gz = new FloatView(scratch, s + 5 * n);
        var fs = new FloatView(scratch, s + 6 * n);
        var frameOf = new IntView(b.FrameOf, atomStart);
        var parent = new IntView(b.FrameParent, frameStart);
        KinematicsCore.Build(frameOf, parent, new FloatView(b.Rel, 3L * atomStart), new FloatView(b.Off, 3L * frameStart),
            new FloatView(b.Axis, 3L * frameStart), atoms, frames, conf, x, y, z, fs);
        float e = PoseEnergyCore.Eval(new IntView(b.Xs, atomStart), atoms, new IntView(b.PairA, pairStart), new IntView(b.PairB, pairStart),
            new IntView(b.PairType, pairStart), new IntView(b.PairGlued, pairStart), pairs, new FloatView(m.Data), new IntView(m.Offset),
            m.Geometry, new FloatView(m.EnergyDor), w, vIntra, vInter, x, y, z, gx, gy, gz, out inter);
        if (gradient) KinematicsCore.Project(frameOf, parent, atoms, frames, x, y, z, gx, gy, gz, fs, grad);
        return e;
    }
}
