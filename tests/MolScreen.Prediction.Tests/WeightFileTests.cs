using MolScreen.Prediction.Features;
using MolScreen.Prediction.Model;

namespace MolScreen.Prediction.Tests;

public class WeightFileTests
{
    [Fact]
    public void RoundTripKeepsEveryStoredNumber()
    {
        using var dir = new TempDir();
        var net = Synthetic.RandomNetwork(1, OutputKind.Classification, 32, 16, 3);
        MlpFile.RoundToStored(net);
        MlpFile.Write(dir.Combine("m.mlp"), net);
        var back = MlpFile.Read(dir.Combine("m.mlp"), FeatureSpec.Id);
        Assert.Equal(net.Dims, back.Dims);
        Assert.Equal(net.Kind, back.Kind);
        for (int l = 0; l < net.Layers; l++) { Assert.Equal(net.Weights[l], back.Weights[l]); Assert.Equal(net.Biases[l], back.Biases[l]); }
        Assert.Equal(net.DescriptorStd, back.DescriptorStd);
        Assert.Equal(net.OutputMean, back.OutputMean);
    }

    [Fact]
    public void CorruptTruncatedAndForeignFilesAreRefusedWithTheReason()
    {
        using var dir = new TempDir();
        var path = dir.Combine("m.mlp");
        MlpFile.Write(path, Synthetic.RandomNetwork(2, OutputKind.Regression, 8, 1));
        var good = File.ReadAllBytes(path);

        var flipped = (byte[])good.Clone();
        flipped[good.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, flipped);
        Assert.Contains("truncated or corrupt", Assert.Throws<InvalidDataException>(() => MlpFile.Read(path, FeatureSpec.Id)).Message);

        File.WriteAllBytes(path, good[..(good.Length / 3)]);
        Assert.Contains("truncated or corrupt", Assert.Throws<InvalidDataException>(() => MlpFile.Read(path, FeatureSpec.Id)).Message);

        File.WriteAllBytes(path, good[..10]);
        Assert.Contains("not a MolScreen weight file", Assert.Throws<InvalidDataException>(() => MlpFile.Read(path, FeatureSpec.Id)).Message);

        File.WriteAllBytes(path, good);
        var e = Assert.Throws<InvalidDataException>(() => MlpFile.Read(path, "ecfp6-4096/v9"));
        Assert.Contains($"trained on features '{FeatureSpec.Id}'", e.Message);
        Assert.Contains("retrain", e.Message);
    }
}
