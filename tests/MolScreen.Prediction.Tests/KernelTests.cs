using MolScreen.Prediction.Model;

namespace MolScreen.Prediction.Tests;

/// <summary>The ILGPU kernels (on ILGPU's CPU accelerator here; CUDA where present) compute the CPU path's predictions.</summary>
public class KernelTests
{
    [Theory]
    [InlineData(OutputKind.Regression)]
    [InlineData(OutputKind.Classification)]
    public void KernelsMatchTheCpuForwardWithin1e4(OutputKind kind)
    {
        var members = new[] { Synthetic.RandomNetwork(11, kind, 32, 16, 3), Synthetic.RandomNetwork(12, kind, 32, 16, 3) };
        foreach (var m in members) MlpFile.RoundToStored(m);
        var inputs = Synthetic.Features(50);
        using var gpu = new GpuEnsemble(members, preferGpu: Environment.GetEnvironmentVariable("MOLSCREEN_TEST_GPU") == "1");
        var onDevice = gpu.Forward(inputs);
        for (int k = 0; k < members.Length; k++)
        {
            var cpu = new float[inputs.Count * 3];
            members[k].Forward(inputs, cpu);
            Assert.Equal(cpu.Length, onDevice[k].Length);
            for (int i = 0; i < cpu.Length; i++)
                Assert.True(Math.Abs(cpu[i] - onDevice[k][i]) <= 1e-4 * Math.Max(1, Math.Abs(cpu[i])), $"member {k} value {i}: CPU {cpu[i]}, {gpu.Device} {onDevice[k][i]}");
        }
        Assert.Empty(gpu.Forward([])[0]);
    }
}
