using MolScreen.Kernels.Prediction;
using MolScreen.Prediction.Features;

namespace MolScreen.Prediction.Model;

/// <summary>
/// A model's ensemble on the ILGPU kernels: the same exported weights and the same element math as
/// <see cref="MlpNetwork.Forward"/>, with the compounds' set bits passed as a CSR list.
/// </summary>
public sealed class GpuEnsemble : IDisposable
{
    /// <summary>Compounds per host task when the CSR list is built; large enough that scheduling costs nothing.</summary>
    private const int PackChunk = 4096;
    private readonly GpuMlp _gpu;
    public string Device => _gpu.Device;
    public bool IsGpu => _gpu.IsGpu;

    public GpuEnsemble(IReadOnlyList<MlpNetwork> members, bool preferGpu = true) =>
        _gpu = new GpuMlp(members.Select(m => new MlpArrays(m.Dims, m.Weights, m.Biases, m.DescriptorMean, m.DescriptorStd, m.OutputMean, m.OutputStd, (int)m.Kind)).ToList(),
            FeatureSpec.Bits, preferGpu);

    /// <summary>Per member, predictions [compound][output], as <see cref="MlpNetwork.Forward"/> writes them.</summary>
    public float[][] Forward(IReadOnlyList<FeatureVector> inputs)
    {
        var (offsets, bits, desc) = Pack(inputs);
        return _gpu.Forward(offsets, bits, desc, inputs.Count);
    }

    /// <summary>
    /// The batch as the kernels read it: CSR offsets, set bits and raw descriptors. Built on all cores in two passes
    /// (bit counts, then bits written in place), since on a fast GPU this packing, done serially, was the bottleneck.
    /// </summary>
    public static (int[] Offsets, int[] Bits, float[] Descriptors) Pack(IReadOnlyList<FeatureVector> inputs)
    {
        int n = inputs.Count, nd = FeatureSpec.Descriptors.Length, chunks = (n + PackChunk - 1) / PackChunk;
        var offsets = new int[n + 1];
        var desc = new float[n * nd];
        Parallel.For(0, chunks, c =>
        {
            for (int i = c * PackChunk, end = Math.Min(n, i + PackChunk); i < end; i++)
            {
                offsets[i + 1] = inputs[i].BitCount;
                inputs[i].Descriptors.CopyTo(desc, i * nd);
            }
        });
        for (int i = 0; i < n; i++) offsets[i + 1] += offsets[i];
        var bits = new int[offsets[n]];
        Parallel.For(0, chunks, c =>
        {
            for (int i = c * PackChunk, end = Math.Min(n, i + PackChunk); i < end; i++)
                inputs[i].OnBits(bits.AsSpan(offsets[i], offsets[i + 1] - offsets[i]));
        });
        return (offsets, bits, desc);
    }

    public void Dispose() => _gpu.Dispose();
}
