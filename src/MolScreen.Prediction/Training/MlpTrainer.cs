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
/// Trains one ensemble member with TorchSharp: Adam on <see cref="TrainingLoss"/>, early stopping on the
/// validation score (regression: squared error of the mean; classification: mean ROC-AUC) with the best
/// epoch's weights kept; or, for a refit, a fixed number of epochs with the last epoch's weights kept.
/// </summary>
internal static class MlpTrainer
{
    public sealed record Result(MlpNetwork Network, int BestEpoch, int EpochsRun, double BestValidationScore);

    public static Result Train(DenseInputs train, DenseInputs validation, MlpScaling scaling, TrainingOptions o, int memberSeed, Action<string>? log) =>
        SeededRetry.Run(() => Run(train, validation, scaling, o, memberSeed, fixedEpochs: 0, log));

    /// <summary>
    /// Trains on <paramref name="all"/> (training and validation rows) for exactly <paramref name="epochs"/> epochs,
    /// the count early stopping chose on the split: the baseline forest is fitted on train + validation too, and an
    /// early-stopped member otherwise never learns from the tenth of the data that only told it when to stop.
    /// </summary>
    public static Result Refit(DenseInputs all, MlpScaling scaling, TrainingOptions o, int memberSeed, int epochs, Action<string>? log) =>
        epochs > 0 ? SeededRetry.Run(() => Run(all, null, scaling, o, memberSeed, epochs, log)) : throw new ArgumentOutOfRangeException(nameof(epochs));

    private static Result Run(DenseInputs train, DenseInputs? validation, MlpScaling scaling, TrainingOptions o, int memberSeed, int fixedEpochs, Action<string>? log)
    {
        TorchRuntime.EnsureLoaded();
        var device = TorchRuntime.Resolve(DeviceChoice.Auto);
        torch.manual_seed(memberSeed);
        bool head = o.UsesVarianceHead;
        int t = train.Targets, width = head ? 2 * t : t;
        int[] dims = [FeatureSpec.Width, .. o.Hidden, width];
        var positiveWeights = scaling.Kind == OutputKind.Classification && o.BalanceClasses ? TrainingLoss.BalancedPositiveWeights(train) : null;
        var loss = new TrainingLoss(scaling.Kind, t, head, positiveWeights);
        using var model = new TorchMlp(dims, o.Dropout);
        model.to(device);
        using var optimizer = optim.Adam(model.parameters(), lr: o.LearningRate, weight_decay: o.WeightDecay);
        using var xTrain = OnDevice(train.X, [train.Rows, FeatureSpec.Width], device);
        using var yTrain = OnDevice(train.Y, [train.Rows, train.Targets], device);
        using var xVal = validation == null ? null : OnDevice(validation.X, [validation.Rows, FeatureSpec.Width], device);
        var rng = new Random(memberSeed);
        double best = double.PositiveInfinity;
        int bestEpoch = 0, epoch, maxEpochs = fixedEpochs > 0 ? fixedEpochs : o.MaxEpochs;
        (float[][] W, float[][] B) bestWeights = model.Export();
        for (epoch = 1; epoch <= maxEpochs && (fixedEpochs > 0 || epoch - bestEpoch <= o.Patience); epoch++)
        {
            model.train();
            var order = Enumerable.Range(0, train.Rows).ToArray();
            rng.Shuffle(order);
            for (int start = 0; start < order.Length; start += o.BatchSize)
            {
                using var scope = NewDisposeScope();
                var idx = tensor(order.AsSpan(start, Math.Min(o.BatchSize, order.Length - start)).ToArray().Select(i => (long)i).ToArray()).to(device);
                var l = loss.Compute(model.forward(xTrain.index_select(0, idx)), yTrain.index_select(0, idx));
                optimizer.zero_grad();
                l.backward();
                optimizer.step();
            }
            if (validation == null) continue;
            model.eval();
            double val;
            using (no_grad())
            using (var scope = NewDisposeScope())
                val = loss.ValidationScore(model.forward(xVal!).cpu().data<float>().ToArray(), validation);
            if (val < best - 1e-6) { best = val; bestEpoch = epoch; bestWeights = model.Export(); }
        }
        if (validation == null)
        {
            bestEpoch = fixedEpochs;
            bestWeights = model.Export();
            log?.Invoke($"  member seed {memberSeed}: refit on {train.Rows} rows (train + validation) for {fixedEpochs} epochs");
        }
        else
            log?.Invoke($"  member seed {memberSeed}: best validation {(scaling.Kind == OutputKind.Regression ? "MSE (standardized)" : "-mean ROC-AUC")} {best:F4} at epoch {bestEpoch} of {epoch - 1}");
        return new Result(Export(dims, scaling, head, t, positiveWeights, bestWeights), bestEpoch, epoch - 1, best);
    }

    private static MlpNetwork Export(int[] dims, MlpScaling scaling, bool head, int t, float[]? positiveWeights, (float[][] W, float[][] B) weights)
    {
        // A log-variance head predicts in standardized units: adding 2 ln σ_y maps it to target units through
        // the same linear output transform (z·1 + mean) the predictions use, so the forward passes need no new math.
        float[] outMean = head ? [.. scaling.OutputMean, .. scaling.OutputStd.Select(sd => 2f * MathF.Log(sd))] : scaling.OutputMean;
        float[] outStd = head ? [.. scaling.OutputStd, .. Enumerable.Repeat(1f, t)] : scaling.OutputStd;
        var net = new MlpNetwork
        {
            FeatureSpecId = FeatureSpec.Id, Kind = scaling.Kind, Dims = dims,
            DescriptorMean = scaling.DescriptorMean, DescriptorStd = scaling.DescriptorStd,
            OutputMean = outMean, OutputStd = outStd,
            Weights = weights.W, Biases = weights.B,
        };
        // Up-weighting positives by w moves the optimal logit up by ln w; taking it off the output bias gives
        // probabilities back their calibration while the ranking (ROC-AUC) is untouched.
        if (positiveWeights != null)
            for (int j = 0; j < t; j++) net.Biases[^1][j] -= MathF.Log(positiveWeights[j]);
        MlpFile.RoundToStored(net);
        return net;
    }

    /// <summary>A tensor of the data on the device. The host copy is freed at once when it is not the one used:
    /// the GC does not see libtorch's memory, so an undisposed copy of a large input stays until a finalizer runs.</summary>
    private static Tensor OnDevice(float[] data, long[] shape, Device device)
    {
        var host = tensor(data, shape);
        if (device.type == DeviceType.CPU) return host;
        var moved = host.to(device);
        host.Dispose();
        return moved;
    }
}
