using MolScreen.Chemistry.Molecules;
using MolScreen.Kernels.Prediction;
using MolScreen.Learning;
using MolScreen.Prediction.Features;
using MolScreen.Prediction.Graph;
using MolScreen.Prediction.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MolScreen.Prediction.Model;

/// <summary>
/// One trained D-MPNN ensemble member ready for inference: the TorchSharp module (in eval mode, on the device
/// <see cref="TorchRuntime.Resolve"/> picks: CUDA when the CUDA libtorch sees a GPU, else the CPU) with the
/// descriptor scaling in and the target scaling out, the same output convention as <see cref="MlpNetwork"/>
/// (regression: z·std + mean, log-variances shifted by 2 ln σ; classification: probability).
/// </summary>
public sealed class DmpnnNetwork : IDisposable
{
    /// <summary>Molecules per forward call: bounds the edge-state tensors (a few MB) whatever the shard size.</summary>
    private const int Chunk = 512;

    public required string FeatureSpecId { get; init; }
    public required OutputKind Kind { get; init; }
    public required DmpnnShape Shape { get; init; }
    public required float[] DescriptorMean { get; init; }
    public required float[] DescriptorStd { get; init; }
    public required float[] OutputMean { get; init; }
    public required float[] OutputStd { get; init; }
    internal TorchDmpnn Module { get; init; } = null!;

    public int Outputs => Shape.Outputs;

    /// <summary>Predictions row-major [input][output]; <paramref name="graphs"/>[i] is the structure of <paramref name="inputs"/>[i].</summary>
    public void Forward(IReadOnlyList<MolGraph> graphs, IReadOnlyList<FeatureVector> inputs, Span<float> outputs)
    {
        if (graphs.Count != inputs.Count) throw new ArgumentException($"{graphs.Count} graphs for {inputs.Count} inputs");
        if (outputs.Length != inputs.Count * Outputs) throw new ArgumentException($"{inputs.Count} inputs need {inputs.Count * Outputs} output slots, got {outputs.Length}");
        var device = TorchRuntime.Resolve(DeviceChoice.Auto);
        Module.eval();
        for (int start = 0; start < inputs.Count; start += Chunk)
        {
            int n = Math.Min(Chunk, inputs.Count - start);
            float[] z;
            using (no_grad())
            using (NewDisposeScope())
            {
                using var g = new GraphTensors(GraphBatch.Build(Slice(graphs, start, n)), device);
                using var d = ScaledDescriptors(inputs, start, n, DescriptorMean, DescriptorStd, device);
                z = Module.Forward(g, d).cpu().data<float>().ToArray();
            }
            for (int i = 0; i < n; i++)
                for (int t = 0; t < Outputs; t++)
                    outputs[(start + i) * Outputs + t] = MlpMath.Output(z[i * Outputs + t], (int)Kind, OutputMean[t], OutputStd[t]);
        }
    }

    internal static Tensor ScaledDescriptors(IReadOnlyList<FeatureVector> inputs, int start, int n, float[] mean, float[] std, Device device)
    {
        int nd = mean.Length;
        var d = new float[n * nd];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < nd; k++) d[i * nd + k] = MlpMath.Scale(inputs[start + i].Descriptors[k], mean[k], std[k]);
        var host = tensor(d, [n, nd]);
        if (device.type == DeviceType.CPU) return host;
        var moved = host.to(device);
        host.Dispose();
        return moved;
    }

    internal static List<T> Slice<T>(IReadOnlyList<T> items, int start, int n)
    {
        var list = new List<T>(n);
        for (int i = start; i < start + n; i++) list.Add(items[i]);
        return list;
    }

    public void Dispose() => Module.Dispose();
}
