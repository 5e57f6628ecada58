using MolScreen.Kernels.Prediction;
using MolScreen.Learning;
using MolScreen.Prediction.Features;
using MolScreen.Prediction.Model;
using MolScreen.Prediction.Training;
using TorchSharp;

namespace MolScreen.Prediction.Tests;

/// <summary>The C# sparse forward pass computes what TorchSharp's dense network computes from the same weights.</summary>
public class ForwardAgreementTests
{
    [Theory]
    [InlineData(OutputKind.Regression)]
    [InlineData(OutputKind.Classification)]
    public void SparseCSharpForwardMatchesTorchSharpWithin1e4(OutputKind kind)
    {
        var net = Synthetic.RandomNetwork(7, kind, 48, 24, 4);
        MlpFile.RoundToStored(net);
        var inputs = Synthetic.Features(60);
        var ours = new float[inputs.Count * 4];
        net.Forward(inputs, ours);

        TorchRuntime.EnsureLoaded();
        using var torchNet = new TorchMlp(net.Dims, 0.0);
        torchNet.Import(net.Weights, net.Biases);
        torchNet.eval();
        var scaling = new MlpScaling(kind, net.DescriptorMean, net.DescriptorStd, net.OutputMean, net.OutputStd);
        var dense = DenseInputs.Build(inputs, inputs.Select(_ => new float[4]).ToList(), Enumerable.Range(0, inputs.Count).ToArray(), scaling);
        using var x = torch.tensor(dense.X, [inputs.Count, FeatureSpec.Width]);
        using var z = torchNet.forward(x);
        var logits = z.data<float>().ToArray();
        for (int i = 0; i < ours.Length; i++)
        {
            float expected = MlpMath.Output(logits[i], (int)kind, net.OutputMean[i % 4], net.OutputStd[i % 4]);
            Assert.True(Math.Abs(expected - ours[i]) <= 1e-4 * Math.Max(1, Math.Abs(expected)), $"output {i}: torch {expected}, C# {ours[i]}");
        }
        Assert.True(ours.Distinct().Count() > ours.Length / 2, "outputs should vary with the input");
    }
}
