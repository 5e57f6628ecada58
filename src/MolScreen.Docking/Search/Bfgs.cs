using MolScreen.Docking.Compute;

namespace MolScreen.Docking.Search;

/// <summary>
/// The CPU handle on Vina's quasi-Newton local optimiser: owns one chain's state buffer and runs <see cref="BfgsCore"/>
/// (the code the GPU docking kernel runs) against <see cref="PoseEnergy"/>. Nothing is allocated per call.
/// </summary>
public sealed class Bfgs
{
    readonly BfgsLayout _layout;
    readonly float[] _state;
    public int Evaluations;

    public Bfgs(int confSize, int gradSize)
    {
        _layout = new BfgsLayout(confSize, gradSize, 0);
        _state = new float[_layout.Size];
    }

    /// <summary>Minimises in place; returns the final energy (inter + intra under the given caps).</summary>
    public float Minimize(Span<float> conf, PoseEnergy energy, ChainWork work, int maxSteps, float vIntra, float vInter)
    {
        conf.CopyTo(_state.AsSpan(_layout.X, _layout.C));
        float e = BfgsCore.Minimize(new FloatArray(_state), _layout, new CpuObjective(energy, work, _state, [], _layout.C, _layout.N),
            maxSteps, vIntra, vInter, ref Evaluations);
        _state.AsSpan(_layout.X, _layout.C).CopyTo(conf);
        return e;
    }
}

/// <summary><see cref="PoseEnergy"/> as the objective of <see cref="BfgsCore"/> and <see cref="MonteCarloCore"/> on the CPU.</summary>
public readonly struct CpuObjective(PoseEnergy energy, ChainWork work, float[] state, int[] heavyAtoms, int confSize, int gradSize)
    : IConformationObjective
{
    public float Eval(int confOffset, int gradOffset, float vIntra, float vInter) =>
        energy.Eval(state.AsSpan(confOffset, confSize), gradOffset < 0 ? [] : state.AsSpan(gradOffset, gradSize), work, vIntra, vInter, out _);

    public float Heavy(int k)
    {
        int atom = heavyAtoms[k / 3];
        return (k % 3) switch { 0 => work.X[atom], 1 => work.Y[atom], _ => work.Z[atom] };
    }
}
