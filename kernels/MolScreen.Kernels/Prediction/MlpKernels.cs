using ILGPU;

namespace MolScreen.Kernels.Prediction;

/// <summary>
/// The property-network forward pass as ILGPU kernels, one thread per (compound, unit). Inputs are sparse:
/// each compound's set ECFP4 bits as a CSR list (offsets, bit indices) plus its raw descriptors. Weights
/// are laid out [input][output], as in the weight file. Element math is <see cref="MlpMath"/>, the same
/// methods the CPU path calls; summation order is the CPU's too (bits ascending, then descriptors).
/// </summary>
public static class MlpKernels
{
    /// <summary>First layer, pre-activation: bias + the weight rows of the set bits + scaled descriptor rows.</summary>
    public static void FirstLayer(Index2D index, ArrayView<int> offsets, ArrayView<int> bits, ArrayView<float> descriptors,
        ArrayView<float> descriptorMean, ArrayView<float> descriptorStd, ArrayView<float> weights, ArrayView<float> bias,
        int bitCount, int width, ArrayView<float> hidden)
    {
        int s = index.X, u = index.Y;
        int nd = (int)descriptorMean.Length;
        float acc = bias[u];
        for (int k = offsets[s]; k < offsets[s + 1]; k++) acc += weights[(long)bits[k] * width + u];
        for (int d = 0; d < nd; d++)
            acc += weights[(long)(bitCount + d) * width + u] * MlpMath.Scale(descriptors[(long)s * nd + d], descriptorMean[d], descriptorStd[d]);
        hidden[(long)s * width + u] = acc;
    }

    /// <summary>A dense layer over the previous layer's pre-activations (activated here, as the CPU path does).</summary>
    public static void DenseLayer(Index2D index, ArrayView<float> input, int inWidth, ArrayView<float> weights, ArrayView<float> bias,
        int outWidth, ArrayView<float> output)
    {
        int s = index.X, o = index.Y;
        float acc = bias[o];
        for (int i = 0; i < inWidth; i++) acc += MlpMath.Activate(input[(long)s * inWidth + i]) * weights[(long)i * outWidth + o];
        output[(long)s * outWidth + o] = acc;
    }

    /// <summary>Last layer's values to predictions (target units or probabilities).</summary>
    public static void Outputs(Index2D index, ArrayView<float> z, int kind, ArrayView<float> mean, ArrayView<float> std, ArrayView<float> result)
    {
        int s = index.X, t = index.Y;
        int outputs = (int)mean.Length;
        result[(long)s * outputs + t] = MlpMath.Output(z[(long)s * outputs + t], kind, mean[t], std[t]);
    }
}
