using ILGPU;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;

namespace MolScreen.Kernels.Docking;

/// <summary>
/// The kernel-side <see cref="IConformationObjective"/>: one chain's ligand of a batch, its conformations in the chain's
/// state window, its coordinates in the thread's energy scratch. The twin of the CPU's <see cref="CpuObjective"/>.
/// </summary>
public readonly struct DeviceObjective(LigandBatchView batch, MapsView maps, ScoringWeights weights, int ligand, ArrayView<float> state,
    long stateBase, ArrayView<float> scratch, long thread, ScratchLayout layout) : IConformationObjective
{
    readonly LigandBatchView _batch = batch;
    readonly MapsView _maps = maps;
    readonly ScoringWeights _weights = weights;
    readonly int _ligand = ligand;
    readonly ArrayView<float> _state = state, _scratch = scratch;
    readonly long _stateBase = stateBase, _thread = thread;
    readonly ScratchLayout _layout = layout;

    public float Eval(int confOffset, int gradOffset, float vIntra, float vInter) =>
        DevicePoseEnergy.Eval(_batch, _maps, _weights, _ligand, new FloatView(_state, _stateBase + confOffset), _scratch, _thread, _layout,
            vIntra, vInter, gradOffset >= 0, new FloatView(_state, _stateBase + (gradOffset >= 0 ? gradOffset : 0)), out _);

    public float Heavy(int k)
    {
        int atom = _batch.Heavy[_batch.Slots[_ligand * LigandBatch.SlotInts + 6] + k / 3];
        return _scratch[_thread * _layout.Stride + (k % 3) * _layout.MaxAtoms + atom];
    }
}
