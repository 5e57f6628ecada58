using MolScreen.Kernels.Prediction;
using System.Numerics;
using System.Runtime.InteropServices;
using MolScreen.Prediction.Features;

namespace MolScreen.Prediction.Model;

/// <summary>
/// One exported member network: dense layers with ReLU between them, weights laid out [input][output] so
/// that the first layer over a fingerprint is a sum of one weight row per set bit (ECFP4 sets ~2% of its
/// bits, so this is ~50x less work than the dense product). Everything the forward pass needs is here:
/// descriptor scaling in, target scaling out.
/// </summary>
public sealed class MlpNetwork
{
    public required string FeatureSpecId { get; init; }
    public required OutputKind Kind { get; init; }
    /// <summary>Layer widths, input first: [FeatureSpec.Width, hidden..., outputs].</summary>
    public required int[] Dims { get; init; }
    public required float[] DescriptorMean { get; init; }
    public required float[] DescriptorStd { get; init; }
    public required float[] OutputMean { get; init; }
    public required float[] OutputStd { get; init; }
    /// <summary>Per layer: [in * out], element (i, o) at i * out + o.</summary>
    public required float[][] Weights { get; init; }
    public required float[][] Biases { get; init; }

    public int Outputs => Dims[^1];
    public int Layers => Weights.Length;
    private int MaxWidth => Dims.Skip(1).Max();

    /// <summary>Predictions for each input, row-major [input][output].</summary>
    public void Forward(IReadOnlyList<FeatureVector> inputs, Span<float> outputs)
    {
        if (outputs.Length != inputs.Count * Outputs) throw new ArgumentException($"{inputs.Count} inputs need {inputs.Count * Outputs} output slots, got {outputs.Length}");
        var a = new float[MaxWidth];
        var b = new float[MaxWidth];
        Span<int> bits = stackalloc int[FeatureSpec.Bits];
        for (int r = 0; r < inputs.Count; r++)
        {
            var x = inputs[r];
            int hidden = Dims[1];
            var h = a.AsSpan(0, hidden);
            Biases[0].CopyTo(h);
            int on = x.OnBits(bits);
            var w0 = Weights[0];
            for (int k = 0; k < on; k++) AddRow(h, w0.AsSpan(bits[k] * hidden, hidden), 1f);
            for (int d = 0; d < x.Descriptors.Length; d++)
                AddRow(h, w0.AsSpan((FeatureSpec.Bits + d) * hidden, hidden), MlpMath.Scale(x.Descriptors[d], DescriptorMean[d], DescriptorStd[d]));
            var cur = a; var nxt = b;
            for (int l = 1; l < Layers; l++)
            {
                int inW = Dims[l], outW = Dims[l + 1];
                var src = cur.AsSpan(0, inW);
                for (int i = 0; i < inW; i++) src[i] = MlpMath.Activate(src[i]);
                var dst = nxt.AsSpan(0, outW);
                Biases[l].CopyTo(dst);
                var w = Weights[l];
                for (int i = 0; i < inW; i++) AddRow(dst, w.AsSpan(i * outW, outW), src[i]);
                (cur, nxt) = (nxt, cur);
            }
            var z = cur.AsSpan(0, Outputs);
            for (int t = 0; t < Outputs; t++) outputs[r * Outputs + t] = MlpMath.Output(z[t], (int)Kind, OutputMean[t], OutputStd[t]);
        }
    }

    /// <summary>acc += scale * row, SIMD-wide.</summary>
    private static void AddRow(Span<float> acc, ReadOnlySpan<float> row, float scale)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && acc.Length >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(acc);
            var vr = MemoryMarshal.Cast<float, Vector<float>>(row);
            var s = new Vector<float>(scale);
            for (int v = 0; v < va.Length; v++) va[v] += vr[v] * s;
            i = va.Length * Vector<float>.Count;
        }
        for (; i < acc.Length; i++) acc[i] += row[i] * scale;
    }
}
