using ILGPU;

namespace MolScreen.Kernels.Prediction;

/// <summary>
/// The D-MPNN forward pass (Chemprop's directed message passing, as MolScreen.Prediction's TorchDmpnn trains it) as
/// ILGPU kernels, one thread per (row, unit). Weights are in libtorch's Linear layout, [output][input]. Graph sums
/// read CSR lists (the edges entering each atom, the atoms of each molecule) instead of scatter-adds, so no kernel
/// needs atomics and every sum has a fixed order. Element math is <see cref="MlpMath"/>, shared with the CPU paths.
/// </summary>
public static class DmpnnKernels
{
    /// <summary>h0 = ReLU(W_i [x_v ‖ e_vw]) per directed edge; the first message state is h0 itself.</summary>
    public static void EdgeInput(Index2D index, ArrayView<float> edgeFeatures, int edgeWidth, ArrayView<float> wi, int hidden,
        ArrayView<float> h0, ArrayView<float> h)
    {
        int e = index.X, o = index.Y;
        float acc = 0f;
        for (int i = 0; i < edgeWidth; i++) acc += wi[(long)o * edgeWidth + i] * edgeFeatures[(long)e * edgeWidth + i];
        float v = MlpMath.Activate(acc);
        h0[(long)e * hidden + o] = v;
        h[(long)e * hidden + o] = v;
    }

    /// <summary>Per atom, the sum of the states of the edges entering it (<paramref name="offsets"/> over <paramref name="incoming"/>).</summary>
    public static void AtomSum(Index2D index, ArrayView<int> offsets, ArrayView<int> incoming, ArrayView<float> h, int hidden, ArrayView<float> sum)
    {
        int a = index.X, k = index.Y;
        float acc = 0f;
        for (int j = offsets[a]; j < offsets[a + 1]; j++) acc += h[(long)incoming[j] * hidden + k];
        sum[(long)a * hidden + k] = acc;
    }

    /// <summary>One message step: the message into v→w is the sum entering v less the state coming back from w;
    /// h' = ReLU(h0 + W_m m).</summary>
    public static void MessageStep(Index2D index, ArrayView<int> source, ArrayView<int> reverse, ArrayView<float> atomSum,
        ArrayView<float> h, ArrayView<float> h0, ArrayView<float> wm, int hidden, ArrayView<float> next)
    {
        int e = index.X, o = index.Y;
        long from = (long)source[e] * hidden, back = (long)reverse[e] * hidden;
        float acc = 0f;
        for (int i = 0; i < hidden; i++) acc += wm[(long)o * hidden + i] * (atomSum[from + i] - h[back + i]);
        next[(long)e * hidden + o] = MlpMath.Activate(h0[(long)e * hidden + o] + acc);
    }

    /// <summary>Atom readout ReLU(W_o [x_v ‖ Σ incoming h] + b).</summary>
    public static void AtomReadout(Index2D index, ArrayView<float> atomFeatures, int atomWidth, ArrayView<float> atomSum, int hidden,
        ArrayView<float> wo, ArrayView<float> bo, ArrayView<float> readout)
    {
        int a = index.X, o = index.Y;
        long row = (long)o * (atomWidth + hidden);
        float acc = bo[o];
        for (int i = 0; i < atomWidth; i++) acc += wo[row + i] * atomFeatures[(long)a * atomWidth + i];
        for (int k = 0; k < hidden; k++) acc += wo[row + atomWidth + k] * atomSum[(long)a * hidden + k];
        readout[(long)a * hidden + o] = MlpMath.Activate(acc);
    }

    /// <summary>Molecule vector = mean of its atoms' readouts (atoms of a molecule are contiguous: offsets per molecule).</summary>
    public static void MoleculeMean(Index2D index, ArrayView<int> atomOffsets, ArrayView<float> readout, int hidden, ArrayView<float> molecule)
    {
        int m = index.X, k = index.Y;
        int first = atomOffsets[m], end = atomOffsets[m + 1];
        float acc = 0f;
        for (int a = first; a < end; a++) acc += readout[(long)a * hidden + k];
        int n = end - first;
        molecule[(long)m * hidden + k] = acc / (n > 0 ? n : 1);
    }

    /// <summary>First feed-forward layer over [molecule ‖ scaled descriptors], activated.</summary>
    public static void FeedForward(Index2D index, ArrayView<float> molecule, int hidden, ArrayView<float> descriptors,
        ArrayView<float> descriptorMean, ArrayView<float> descriptorStd, ArrayView<float> w1, ArrayView<float> b1, int ffn, ArrayView<float> z)
    {
        int m = index.X, f = index.Y;
        int nd = (int)descriptorMean.Length;
        long row = (long)f * (hidden + nd);
        float acc = b1[f];
        for (int k = 0; k < hidden; k++) acc += w1[row + k] * molecule[(long)m * hidden + k];
        for (int d = 0; d < nd; d++)
            acc += w1[row + hidden + d] * MlpMath.Scale(descriptors[(long)m * nd + d], descriptorMean[d], descriptorStd[d]);
        z[(long)m * ffn + f] = MlpMath.Activate(acc);
    }

    /// <summary>Output layer and the output transform (target units or probability).</summary>
    public static void Outputs(Index2D index, ArrayView<float> z, int ffn, ArrayView<float> w2, ArrayView<float> b2, int kind,
        ArrayView<float> mean, ArrayView<float> std, ArrayView<float> result)
    {
        int m = index.X, t = index.Y;
        int outputs = (int)mean.Length;
        float acc = b2[t];
        for (int f = 0; f < ffn; f++) acc += w2[(long)t * ffn + f] * z[(long)m * ffn + f];
        result[(long)m * outputs + t] = MlpMath.Output(acc, kind, mean[t], std[t]);
    }
}
