using MolScreen.Kernels.Prediction;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
        int descriptors = DescriptorMean.Length;
        int slots = Math.Max(FeatureSpec.Bits + descriptors, MaxWidth);
        Span<int> rows = stackalloc int[slots];
        Span<float> scales = stackalloc float[slots];
        for (int r = 0; r < inputs.Count; r++)
        {
            var x = inputs[r];
            // The first layer over a fingerprint is a weighted sum of one weight row per set bit plus one per
            // descriptor: gather those rows and their factors, then run the same accumulation as the dense layers.
            int on = x.OnBits(bits);
            for (int k = 0; k < on; k++) { rows[k] = bits[k]; scales[k] = 1f; }
            for (int d = 0; d < x.Descriptors.Length; d++)
            {
                rows[on + d] = FeatureSpec.Bits + d;
                scales[on + d] = MlpMath.Scale(x.Descriptors[d], DescriptorMean[d], DescriptorStd[d]);
            }
            var cur = a; var nxt = b;
            Accumulate(Weights[0], Biases[0], rows[..(on + x.Descriptors.Length)], scales[..(on + x.Descriptors.Length)], cur.AsSpan(0, Dims[1]));
            for (int l = 1; l < Layers; l++)
            {
                int inW = Dims[l], outW = Dims[l + 1];
                var src = cur.AsSpan(0, inW);
                // ReLU zeroes about half the units; their rows add nothing and are skipped.
                int live = 0;
                for (int i = 0; i < inW; i++)
                {
                    float v = MlpMath.Activate(src[i]);
                    if (v != 0f) { rows[live] = i; scales[live] = v; live++; }
                }
                Accumulate(Weights[l], Biases[l], rows[..live], scales[..live], nxt.AsSpan(0, outW));
                (cur, nxt) = (nxt, cur);
            }
            var z = cur.AsSpan(0, Outputs);
            for (int t = 0; t < Outputs; t++) outputs[r * Outputs + t] = MlpMath.Output(z[t], (int)Kind, OutputMean[t], OutputStd[t]);
        }
    }

    /// <summary>
    /// dst = bias + Σ_k scales[k] · row rows[k] of a [in][dst.Length] weight matrix. Outputs are taken 64 at a
    /// time with the partial sums held in eight vector registers across all rows, so each weight is loaded once
    /// and nothing is stored until the end (a row-at-a-time update loads and stores the whole output per row).
    /// </summary>
    private static void Accumulate(float[] weights, float[] bias, ReadOnlySpan<int> rows, ReadOnlySpan<float> scales, Span<float> dst)
    {
        int width = dst.Length, o = 0;
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(weights);
        if (Vector256.IsHardwareAccelerated)
        {
            for (; o + 64 <= width; o += 64)
            {
                ref float bo = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(bias), o);
                var s0 = Vector256.LoadUnsafe(ref bo, 0); var s1 = Vector256.LoadUnsafe(ref bo, 8);
                var s2 = Vector256.LoadUnsafe(ref bo, 16); var s3 = Vector256.LoadUnsafe(ref bo, 24);
                var s4 = Vector256.LoadUnsafe(ref bo, 32); var s5 = Vector256.LoadUnsafe(ref bo, 40);
                var s6 = Vector256.LoadUnsafe(ref bo, 48); var s7 = Vector256.LoadUnsafe(ref bo, 56);
                for (int k = 0; k < rows.Length; k++)
                {
                    ref float wr = ref Unsafe.Add(ref w0, (nint)rows[k] * width + o);
                    var f = Vector256.Create(scales[k]);
                    s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wr, 0), f, s0);
                    s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wr, 8), f, s1);
                    s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wr, 16), f, s2);
                    s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wr, 24), f, s3);
                    s4 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wr, 32), f, s4);
                    s5 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wr, 40), f, s5);
                    s6 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wr, 48), f, s6);
                    s7 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wr, 56), f, s7);
                }
                ref float d = ref Unsafe.Add(ref MemoryMarshal.GetReference(dst), o);
                s0.StoreUnsafe(ref d, 0); s1.StoreUnsafe(ref d, 8); s2.StoreUnsafe(ref d, 16); s3.StoreUnsafe(ref d, 24);
                s4.StoreUnsafe(ref d, 32); s5.StoreUnsafe(ref d, 40); s6.StoreUnsafe(ref d, 48); s7.StoreUnsafe(ref d, 56);
            }
        }
        // narrow layers and the tail: the same sum, one output at a time, rows in the same order
        for (; o < width; o++)
        {
            float sum = bias[o];
            for (int k = 0; k < rows.Length; k++) sum = MathF.FusedMultiplyAdd(weights[rows[k] * width + o], scales[k], sum);
            dst[o] = sum;
        }
    }
}
