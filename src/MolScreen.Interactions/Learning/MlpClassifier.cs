using MolScreen.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace MolScreen.Interactions.Learning;

/// <summary>One dense layer's parameters as plain arrays (out × in, row-major), the form models are saved in.</summary>
public sealed record DenseLayer(int Inputs, int Outputs, float[] Weight, float[] Bias);

/// <summary>
/// A binary classifier: ReLU MLP with dropout, trained with Adam on binary cross-entropy. Training and inference both
/// run the same TorchSharp module built from <see cref="Layers"/>, so a saved model predicts exactly what it did in CV.
/// </summary>
public sealed class MlpClassifier
{
    public IReadOnlyList<DenseLayer> Layers { get; }
    public int Inputs => Layers[0].Inputs;

    public MlpClassifier(IReadOnlyList<DenseLayer> layers)
    {
        if (layers.Count == 0) throw new ArgumentException("an MLP needs at least one layer");
        for (int i = 0; i < layers.Count; i++)
        {
            var l = layers[i];
            if (l.Weight.Length != l.Inputs * l.Outputs || l.Bias.Length != l.Outputs)
                throw new ArgumentException($"layer {i}: weight/bias sizes do not match {l.Inputs}→{l.Outputs}");
            if (i > 0 && layers[i - 1].Outputs != l.Inputs) throw new ArgumentException($"layer {i} takes {l.Inputs} inputs but layer {i - 1} gives {layers[i - 1].Outputs}");
        }
        if (layers[^1].Outputs != 1) throw new ArgumentException("the last layer must have one output (a logit)");
        Layers = layers;
    }

    private static nn.Module<Tensor, Tensor> Build(int inputs, IReadOnlyList<int> hidden, double dropout)
    {
        var parts = new List<(string, nn.Module<Tensor, Tensor>)>();
        int width = inputs;
        for (int i = 0; i < hidden.Count; i++)
        {
            parts.Add(($"dense{i}", nn.Linear(width, hidden[i])));
            parts.Add(($"relu{i}", nn.ReLU()));
            parts.Add(($"drop{i}", nn.Dropout(dropout)));
            width = hidden[i];
        }
        parts.Add(($"dense{hidden.Count}", nn.Linear(width, 1)));
        return nn.Sequential(parts);
    }

    public static MlpClassifier Train(IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels, MlpOptions options) =>
        Train(rows, labels, options, watch: null).Model;

    /// <summary>
    /// Trains as <see cref="Train(IReadOnlyList{float[]}, IReadOnlyList{bool}, MlpOptions)"/> and, after every epoch,
    /// scores <paramref name="watch"/> (an inner validation split) in eval mode: PerEpoch[e] holds P(positive) after
    /// epoch e + 1. Eval-mode passes draw no random numbers, so watching leaves the trained weights unchanged.
    /// </summary>
    public static (MlpClassifier Model, float[][] PerEpoch) Train(IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels, MlpOptions options, IReadOnlyList<float[]>? watch)
    {
        if (rows.Count != labels.Count) throw new ArgumentException("rows and labels differ in count");
        if (rows.Count == 0) throw new ArgumentException("no training rows");
        if (labels.All(l => l) || labels.All(l => !l)) throw new ArgumentException("training labels are all one class");
        TorchRuntime.EnsureLoaded();
        // libtorch's generator is process-global: two trainings at once (parallel tests, a host training several
        // models) would interleave draws and break seed reproducibility, so trainings take turns.
        lock (TrainGate) return SeededRetry.Run(() => TrainSeeded(rows, labels, options, watch));
    }

    private static readonly Lock TrainGate = new();

    private static (MlpClassifier, float[][]) TrainSeeded(IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels, MlpOptions options, IReadOnlyList<float[]>? watch)
    {
        torch.manual_seed(options.Seed);
        int d = rows[0].Length, n = rows.Count;
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(Flatten(rows), [n, d]);
        var y = torch.tensor(labels.Select(l => l ? 1f : 0f).ToArray(), [n, 1]);
        var model = Build(d, options.Hidden, options.Dropout);
        var adam = torch.optim.Adam(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        var order = Enumerable.Range(0, n).ToArray();
        var rng = new Random(options.Seed);
        using var watchX = watch is { Count: > 0 } ? torch.tensor(Flatten(watch), [watch.Count, d]) : null;
        var perEpoch = new List<float[]>();
        model.train();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            for (int start = 0; start < n; start += options.BatchSize)
            {
                using var step = torch.NewDisposeScope();
                var idx = torch.tensor(order.AsSpan(start, Math.Min(options.BatchSize, n - start)).ToArray().Select(i => (long)i).ToArray());
                adam.zero_grad();
                var loss = nn.functional.binary_cross_entropy_with_logits(model.call(x.index_select(0, idx)), y.index_select(0, idx));
                loss.backward();
                adam.step();
            }
            if (watchX is null) continue;
            model.eval();
            using (torch.NewDisposeScope())
            using (torch.no_grad()) perEpoch.Add(torch.sigmoid(model.call(watchX)).reshape(-1).data<float>().ToArray());
            model.train();
        }
        return (new MlpClassifier(Export(model, d, options.Hidden)), perEpoch.ToArray());
    }

    private static List<DenseLayer> Export(nn.Module<Tensor, Tensor> model, int inputs, IReadOnlyList<int> hidden)
    {
        var p = model.named_parameters().ToDictionary(t => t.name, t => t.parameter);
        var widths = new List<int> { inputs };
        widths.AddRange(hidden);
        widths.Add(1);
        var layers = new List<DenseLayer>();
        for (int i = 0; i + 1 < widths.Count; i++)
            layers.Add(new DenseLayer(widths[i], widths[i + 1],
                p[$"dense{i}.weight"].detach().cpu().data<float>().ToArray(), p[$"dense{i}.bias"].detach().cpu().data<float>().ToArray()));
        return layers;
    }

    /// <summary>P(positive) per row.</summary>
    public float[] PredictProbabilities(IReadOnlyList<float[]> rows)
    {
        if (rows.Count == 0) return [];
        foreach (var r in rows)
            if (r.Length != Inputs) throw new ArgumentException($"feature row has {r.Length} values, the model expects {Inputs}");
        TorchRuntime.EnsureLoaded();
        using var scope = torch.NewDisposeScope();
        using var grad = torch.no_grad();
        // Building the layers draws their (overwritten) initial weights from libtorch's global generator: take
        // turns with trainings, or a prediction running beside a seeded training changes that training's weights.
        nn.Module<Tensor, Tensor> model;
        lock (TrainGate) model = Build(Inputs, Layers.Take(Layers.Count - 1).Select(l => l.Outputs).ToList(), 0);
        var p = model.named_parameters().ToDictionary(t => t.name, t => t.parameter);
        for (int i = 0; i < Layers.Count; i++)
        {
            p[$"dense{i}.weight"].copy_(torch.tensor(Layers[i].Weight, [Layers[i].Outputs, Layers[i].Inputs]));
            p[$"dense{i}.bias"].copy_(torch.tensor(Layers[i].Bias));
        }
        model.eval();
        var logits = model.call(torch.tensor(Flatten(rows), [rows.Count, Inputs]));
        return torch.sigmoid(logits).reshape(-1).data<float>().ToArray();
    }

    private static float[] Flatten(IReadOnlyList<float[]> rows)
    {
        int d = rows[0].Length;
        var flat = new float[rows.Count * d];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != d) throw new ArgumentException($"row {i} has {rows[i].Length} values, expected {d}");
            rows[i].CopyTo(flat, i * d);
        }
        return flat;
    }
}
