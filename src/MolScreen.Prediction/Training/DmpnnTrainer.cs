using MolScreen.Chemistry.Molecules;
using MolScreen.Learning;
using MolScreen.Prediction.Features;
using MolScreen.Prediction.Graph;
using MolScreen.Prediction.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace MolScreen.Prediction.Training;

/// <summary>The rows of one part of the data as a D-MPNN sees them: structures, descriptors, scaled labels.</summary>
internal sealed class GraphRows
{
    public required IReadOnlyList<MolGraph> Graphs { get; init; }
    public required IReadOnlyList<FeatureVector> Inputs { get; init; }
    /// <summary>Labels only (X is empty): the same scaled labels and NaN masks the MLP trains on.</summary>
    public required DenseInputs Labels { get; init; }
    public int Rows => Graphs.Count;

    public static GraphRows Build(IReadOnlyList<MolGraph> graphs, IReadOnlyList<FeatureVector> inputs, IReadOnlyList<float[]> labels, int[] rows, MlpScaling s)
    {
        int t = s.OutputMean.Length;
        var y = new float[rows.Length * t];
        for (int r = 0; r < rows.Length; r++)
            for (int j = 0; j < t; j++)
            {
                float label = labels[rows[r]][j];
                y[r * t + j] = s.Kind == OutputKind.Regression ? (label - s.OutputMean[j]) / s.OutputStd[j] : label;
            }
        return new GraphRows
        {
            Graphs = rows.Select(i => graphs[i]).ToList(), Inputs = rows.Select(i => inputs[i]).ToList(),
            Labels = new DenseInputs { X = [], Y = y, Rows = rows.Length, Targets = t },
        };
    }
}

/// <summary>
/// Trains one D-MPNN ensemble member with TorchSharp under the MLP's rules (<see cref="MlpTrainer"/>): the same
/// <see cref="TrainingLoss"/> (masked multi-task, positives up-weighted, optional log-variance head), Adam, early
/// stopping on the same validation score with the best epoch's weights kept, or a refit for a fixed epoch count.
/// </summary>
internal static class DmpnnTrainer
{
    public sealed record Result(DmpnnNetwork Network, int BestEpoch, double BestValidationScore);

    public static Result Train(GraphRows train, GraphRows? validation, MlpScaling scaling, TrainingOptions o, int memberSeed, int fixedEpochs, Action<string>? log) =>
        SeededRetry.Run(() => TrainSeeded(train, validation, scaling, o, memberSeed, fixedEpochs, log));

    private static Result TrainSeeded(GraphRows train, GraphRows? validation, MlpScaling scaling, TrainingOptions o, int memberSeed, int fixedEpochs, Action<string>? log)
    {
        TorchRuntime.EnsureLoaded();
        var device = TorchRuntime.Resolve(DeviceChoice.Auto);
        torch.manual_seed(memberSeed);
        var g = o.Graph;
        bool head = o.UsesVarianceHead;
        int t = train.Labels.Targets, width = head ? 2 * t : t;
        var shape = new DmpnnShape(g.Hidden, g.Depth, g.Ffn, width, FeatureSpec.Descriptors.Length);
        var positiveWeights = scaling.Kind == OutputKind.Classification && o.BalanceClasses ? TrainingLoss.BalancedPositiveWeights(train.Labels) : null;
        var loss = new TrainingLoss(scaling.Kind, t, head, positiveWeights);
        var model = new TorchDmpnn(shape, g.Dropout);
        model.to(device);
        using var optimizer = optim.Adam(model.parameters(), lr: o.LearningRate, weight_decay: o.WeightDecay);
        var rng = new Random(memberSeed);
        double best = double.PositiveInfinity;
        int bestEpoch = 0, epoch, maxEpochs = fixedEpochs > 0 ? fixedEpochs : g.MaxEpochs;
        var bestWeights = Snapshot(model);
        for (epoch = 1; epoch <= maxEpochs && (fixedEpochs > 0 || epoch - bestEpoch <= o.Patience); epoch++)
        {
            model.train();
            var order = Enumerable.Range(0, train.Rows).ToArray();
            rng.Shuffle(order);
            for (int start = 0; start < order.Length; start += g.BatchSize)
            {
                using var scope = NewDisposeScope();
                var rows = order.AsSpan(start, Math.Min(g.BatchSize, order.Length - start)).ToArray();
                using var batch = new GraphTensors(GraphBatch.Build(rows.Select(i => train.Graphs[i]).ToList()), device);
                var desc = DmpnnNetwork.ScaledDescriptors(rows.Select(i => train.Inputs[i]).ToList(), 0, rows.Length, scaling.DescriptorMean, scaling.DescriptorStd, device);
                var y = tensor(rows.SelectMany(i => train.Labels.Y.AsSpan(i * t, t).ToArray()).ToArray(), [rows.Length, t]).to(device);
                var l = loss.Compute(model.Forward(batch, desc), y);
                optimizer.zero_grad();
                l.backward();
                optimizer.step();
            }
            if (validation == null) continue;
            double val = loss.ValidationScore(Outputs(model, validation, scaling, device), validation.Labels);
            if (val < best - 1e-6) { best = val; bestEpoch = epoch; DisposeAll(bestWeights); bestWeights = Snapshot(model); }
        }
        if (validation == null)
        {
            bestEpoch = fixedEpochs;
            DisposeAll(bestWeights);
            bestWeights = Snapshot(model);
            log?.Invoke($"  member seed {memberSeed}: D-MPNN refit on {train.Rows} rows (train + validation) for {fixedEpochs} epochs");
        }
        else
            log?.Invoke($"  member seed {memberSeed}: D-MPNN best validation {(scaling.Kind == OutputKind.Regression ? "MSE (standardized)" : "-mean ROC-AUC")} {best:F4} at epoch {bestEpoch} of {epoch - 1}");
        Restore(model, bestWeights);
        DisposeAll(bestWeights);
        return new Result(Export(model, shape, scaling, head, t, positiveWeights), bestEpoch, best);
    }

    /// <summary>Raw network outputs (standardized units, logits) over the rows, row-major; eval mode, no gradients.</summary>
    private static float[] Outputs(TorchDmpnn model, GraphRows rows, MlpScaling scaling, Device device)
    {
        model.eval();
        int width = model.Shape.Outputs;
        var all = new float[rows.Rows * width];
        for (int start = 0; start < rows.Rows; start += 512)
        {
            int n = Math.Min(512, rows.Rows - start);
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            using var batch = new GraphTensors(GraphBatch.Build(DmpnnNetwork.Slice(rows.Graphs, start, n)), device);
            var desc = DmpnnNetwork.ScaledDescriptors(rows.Inputs, start, n, scaling.DescriptorMean, scaling.DescriptorStd, device);
            model.Forward(batch, desc).cpu().data<float>().ToArray().CopyTo(all, start * width);
        }
        return all;
    }

    private static DmpnnNetwork Export(TorchDmpnn model, DmpnnShape shape, MlpScaling scaling, bool head, int t, float[]? positiveWeights)
    {
        // The same output conventions as MlpTrainer.Export: log-variances mapped to target units through the linear
        // output transform, and the positive up-weighting's ln w taken off the logits so probabilities stay calibrated.
        float[] outMean = head ? [.. scaling.OutputMean, .. scaling.OutputStd.Select(sd => 2f * MathF.Log(sd))] : scaling.OutputMean;
        float[] outStd = head ? [.. scaling.OutputStd, .. Enumerable.Repeat(1f, t)] : scaling.OutputStd;
        if (positiveWeights != null) model.ShiftOutputBias(positiveWeights.Select(w => -MathF.Log(w)).ToArray());
        model.eval();
        var net = new DmpnnNetwork
        {
            FeatureSpecId = GraphFeatures.SpecId, Kind = scaling.Kind, Shape = shape, Module = model,
            DescriptorMean = scaling.DescriptorMean, DescriptorStd = scaling.DescriptorStd, OutputMean = outMean, OutputStd = outStd,
        };
        DmpnnFile.RoundToStored(net);
        return net;
    }

    private static List<Tensor> Snapshot(TorchDmpnn model)
    {
        using var _ = no_grad();
        return model.parameters().Select(p => p.detach().clone()).ToList();
    }

    private static void Restore(TorchDmpnn model, List<Tensor> weights)
    {
        using var _ = no_grad();
        foreach (var (p, w) in model.parameters().Zip(weights)) p.copy_(w);
    }

    private static void DisposeAll(List<Tensor> tensors) { foreach (var x in tensors) x.Dispose(); }
}
