using MolScreen.Kernels.Prediction;
using MolScreen.Learning;
using MolScreen.Prediction.Features;
using MolScreen.Prediction.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace MolScreen.Prediction.Training;

/// <summary>The dense training inputs of one data set: bits as 0/1 and descriptors scaled by the training part's statistics.</summary>
internal sealed class DenseInputs
{
    public required float[] X { get; init; }
    /// <summary>Labels scaled for the loss (regression: standardized), NaN where missing.</summary>
    public required float[] Y { get; init; }
    public required int Rows { get; init; }
    public required int Targets { get; init; }

    public static DenseInputs Build(IReadOnlyList<FeatureVector> inputs, IReadOnlyList<float[]> labels, int[] rows, MlpScaling s)
    {
        int w = FeatureSpec.Width, t = s.OutputMean.Length;
        var x = new float[rows.Length * w];
        var y = new float[rows.Length * t];
        Span<int> bits = stackalloc int[FeatureSpec.Bits];
        for (int r = 0; r < rows.Length; r++)
        {
            var v = inputs[rows[r]];
            int on = v.OnBits(bits);
            for (int k = 0; k < on; k++) x[r * w + bits[k]] = 1f;
            for (int d = 0; d < v.Descriptors.Length; d++)
                x[r * w + FeatureSpec.Bits + d] = MlpMath.Scale(v.Descriptors[d], s.DescriptorMean[d], s.DescriptorStd[d]);
            for (int j = 0; j < t; j++)
            {
                float label = labels[rows[r]][j];
                y[r * t + j] = s.Kind == OutputKind.Regression ? (label - s.OutputMean[j]) / s.OutputStd[j] : label;
            }
        }
        return new DenseInputs { X = x, Y = y, Rows = rows.Length, Targets = t };
    }
}

/// <summary>Input and output scaling fitted on the training part only.</summary>
internal sealed record MlpScaling(OutputKind Kind, float[] DescriptorMean, float[] DescriptorStd, float[] OutputMean, float[] OutputStd)
{
    public static MlpScaling Fit(IReadOnlyList<FeatureVector> inputs, IReadOnlyList<float[]> labels, int[] train, OutputKind kind)
    {
        int nd = FeatureSpec.Descriptors.Length, t = labels[0].Length;
        var (dm, ds) = MeanStd(nd, d => train.Select(i => inputs[i].Descriptors[d]));
        var (om, os) = kind == OutputKind.Regression
            ? MeanStd(t, j => train.Select(i => labels[i][j]).Where(v => !float.IsNaN(v)))
            : (new float[t], Enumerable.Repeat(1f, t).ToArray());
        return new MlpScaling(kind, dm, ds, om, os);
    }

    private static (float[], float[]) MeanStd(int n, Func<int, IEnumerable<float>> values)
    {
        var mean = new float[n]; var std = new float[n];
        for (int k = 0; k < n; k++)
        {
            var v = values(k).Select(x => (double)x).ToArray();
            double m = v.Length > 0 ? v.Average() : 0, sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / v.Length) : 0;
            mean[k] = (float)m;
            std[k] = sd > 1e-6 ? (float)sd : 1f;
        }
        return (mean, std);
    }
}

/// <summary>
/// Trains one ensemble member with TorchSharp: Adam, masked loss (missing multi-task labels contribute
/// nothing), early stopping on the validation loss with the best epoch's weights kept.
/// </summary>
internal static class MlpTrainer
{
    public sealed record Result(MlpNetwork Network, int BestEpoch, int EpochsRun, double BestValidationLoss);

    public static Result Train(DenseInputs train, DenseInputs validation, MlpScaling scaling, TrainingOptions o, int memberSeed, Action<string>? log)
    {
        TorchRuntime.EnsureLoaded();
        var device = TorchRuntime.Resolve(DeviceChoice.Auto);
        torch.manual_seed(memberSeed);
        int[] dims = [FeatureSpec.Width, .. o.Hidden, train.Targets];
        using var model = new TorchMlp(dims, o.Dropout);
        model.to(device);
        using var optimizer = optim.Adam(model.parameters(), lr: o.LearningRate, weight_decay: o.WeightDecay);
        using var xTrain = tensor(train.X, [train.Rows, FeatureSpec.Width]).to(device);
        using var yTrain = tensor(train.Y, [train.Rows, train.Targets]).to(device);
        using var xVal = tensor(validation.X, [validation.Rows, FeatureSpec.Width]).to(device);
        using var yVal = tensor(validation.Y, [validation.Rows, validation.Targets]).to(device);
        var rng = new Random(memberSeed);
        double best = double.PositiveInfinity;
        int bestEpoch = 0, epoch = 0;
        (float[][] W, float[][] B) bestWeights = model.Export();
        for (epoch = 1; epoch <= o.MaxEpochs && epoch - bestEpoch <= o.Patience; epoch++)
        {
            model.train();
            var order = Enumerable.Range(0, train.Rows).ToArray();
            rng.Shuffle(order);
            for (int start = 0; start < order.Length; start += o.BatchSize)
            {
                using var scope = NewDisposeScope();
                var idx = tensor(order.AsSpan(start, Math.Min(o.BatchSize, order.Length - start)).ToArray().Select(i => (long)i).ToArray()).to(device);
                var loss = Loss(model.forward(xTrain.index_select(0, idx)), yTrain.index_select(0, idx), scaling.Kind);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            model.eval();
            double val;
            using (no_grad())
            using (var scope = NewDisposeScope())
                val = Loss(model.forward(xVal), yVal, scaling.Kind).item<float>();
            if (val < best - 1e-6) { best = val; bestEpoch = epoch; bestWeights = model.Export(); }
        }
        log?.Invoke($"  member seed {memberSeed}: best validation loss {best:F4} at epoch {bestEpoch} of {epoch - 1}");
        var net = new MlpNetwork
        {
            FeatureSpecId = FeatureSpec.Id, Kind = scaling.Kind, Dims = dims,
            DescriptorMean = scaling.DescriptorMean, DescriptorStd = scaling.DescriptorStd,
            OutputMean = scaling.OutputMean, OutputStd = scaling.OutputStd,
            Weights = bestWeights.W, Biases = bestWeights.B,
        };
        MlpFile.RoundToStored(net);
        return new Result(net, bestEpoch, epoch - 1, best);
    }

    /// <summary>Mean over labelled entries only: MSE on standardized targets, or BCE on logits.</summary>
    private static Tensor Loss(Tensor output, Tensor y, OutputKind kind)
    {
        var mask = y.isnan().logical_not();
        var target = where(mask, y, zeros_like(y));
        var perEntry = kind == OutputKind.Regression
            ? (output - target).pow(2)
            : nn.functional.binary_cross_entropy_with_logits(output, target, reduction: nn.Reduction.None);
        var m = mask.to_type(ScalarType.Float32);
        return (perEntry * m).sum() / m.sum().clamp_min(1f);
    }
}
