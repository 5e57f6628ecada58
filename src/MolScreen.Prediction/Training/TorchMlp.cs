using MolScreen.Prediction.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MolScreen.Prediction.Training;

/// <summary>The training-time network (dense input, dropout between layers); exported to <see cref="MlpNetwork"/> for inference.</summary>
internal sealed class TorchMlp : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> _layers;
    private readonly Dropout _dropout;

    public TorchMlp(int[] dims, double dropout) : base("molscreen_mlp")
    {
        _layers = new ModuleList<Linear>(Enumerable.Range(0, dims.Length - 1).Select(i => nn.Linear(dims[i], dims[i + 1])).ToArray());
        _dropout = nn.Dropout(dropout);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        for (int i = 0; i < _layers.Count; i++)
        {
            x = _layers[i].forward(x);
            if (i < _layers.Count - 1) x = _dropout.forward(nn.functional.relu(x));
        }
        return x;
    }

    /// <summary>Weights as [input][output] arrays, the layout of the exported file.</summary>
    public (float[][] Weights, float[][] Biases) Export()
    {
        var w = new float[_layers.Count][];
        var b = new float[_layers.Count][];
        // Every intermediate (detach, cpu, t) is a native handle; the scope frees them all, the arrays are copies.
        using var scope = NewDisposeScope();
        for (int l = 0; l < _layers.Count; l++)
        {
            w[l] = _layers[l].weight!.detach().cpu().t().contiguous().data<float>().ToArray();
            b[l] = _layers[l].bias!.detach().cpu().data<float>().ToArray();
        }
        return (w, b);
    }

    /// <summary>Loads exported weights back (the TorchSharp-vs-C# agreement check runs the same numbers through both).</summary>
    public void Import(float[][] weights, float[][] biases)
    {
        using var _ = no_grad();
        for (int l = 0; l < _layers.Count; l++)
        {
            var shape = _layers[l].weight!.shape;
            _layers[l].weight!.copy_(tensor(weights[l], [shape[1], shape[0]]).t());
            _layers[l].bias!.copy_(tensor(biases[l]));
        }
    }
}
