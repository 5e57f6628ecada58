using MolScreen.Kernels.Prediction;
using MolScreen.Prediction.Features;

namespace MolScreen.Prediction.Model;

/// <summary>
/// A model's ensemble on the ILGPU kernels: the same exported weights and the same element math as
/// <see cref="MlpNetwork.Forward"/>, with the compounds' set bits passed as a CSR list.
/// </summary>
public sealed class GpuEnsemble : IDisposable
{
    private readonly GpuMlp _gpu;
    public string Device => _gpu.Device;
    public bool IsGpu => _gpu.IsGpu;

    public GpuEnsemble(IReadOnlyList<MlpNetwork> members, bool preferGpu = true) =>
        _gpu = new GpuMlp(members.Select(m => new MlpArrays(m.Dims, m.Weights, m.Biases, m.DescriptorMean, m.DescriptorStd, m.OutputMean, m.OutputStd, (int)m.Kind)).ToList(),
            FeatureSpec.Bits, preferGpu);

    /// <summary>Per member, predictions [compound][output], as <see cref="MlpNetwork.Forward"/> writes them.</summary>
    public float[][] Forward(IReadOnlyList<FeatureVector> inputs)
    {
        int nd = FeatureSpec.Descriptors.Length;
        var offsets = new int[inputs.Count + 1];
        var bits = new List<int>(inputs.Count * 48);
        var desc = new float[inputs.Count * nd];
        Span<int> on = stackalloc int[FeatureSpec.Bits];
        for (int i = 0; i < inputs.Count; i++)
        {
            int n = inputs[i].OnBits(on);
            for (int k = 0; k < n; k++) bits.Add(on[k]);
            offsets[i + 1] = bits.Count;
            inputs[i].Descriptors.CopyTo(desc, i * nd);
        }
        return _gpu.Forward(offsets, bits.ToArray(), desc, inputs.Count);
    }

    public void Dispose() => _gpu.Dispose();
}
