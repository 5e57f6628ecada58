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

    /// <summary>Buffers are kept between batches and grown; members of different depth and width share them, and a
    /// smaller batch after a larger one must not read the larger one's leftovers.</summary>
    [Fact]
    public void ReusedBuffersGiveEachBatchItsOwnResults()
    {
        var members = new[] { Synthetic.RandomNetwork(21, OutputKind.Regression, 48, 2), Synthetic.RandomNetwork(22, OutputKind.Regression, 16, 32, 8, 2) };
        foreach (var m in members) MlpFile.RoundToStored(m);
        var all = Synthetic.Features(120);
        Assert.Equal(120, all.Count);
        using var gpu = new GpuEnsemble(members, preferGpu: Environment.GetEnvironmentVariable("MOLSCREEN_TEST_GPU") == "1");
        foreach (var (from, count) in new[] { (0, 7), (7, 90), (97, 23), (0, 1) })
        {
            var batch = all.GetRange(from, count);
            var onDevice = gpu.Forward(batch);
            for (int k = 0; k < members.Length; k++)
            {
                var cpu = new float[count * 2];
                members[k].Forward(batch, cpu);
                Assert.Equal(cpu.Length, onDevice[k].Length);
                for (int i = 0; i < cpu.Length; i++)
                    Assert.True(Math.Abs(cpu[i] - onDevice[k][i]) <= 1e-4 * Math.Max(1, Math.Abs(cpu[i])), $"batch at {from}, member {k} value {i}: CPU {cpu[i]}, device {onDevice[k][i]}");
            }
        }
    }

    [Fact]
    public void PackedBatchListsEachCompoundsBitsAscending()
    {
        var distinct = Synthetic.Features(320);
        var inputs = Enumerable.Range(0, 9000).Select(i => distinct[i % distinct.Count]).ToList(); // more than two packing chunks
        var (offsets, bits, desc) = GpuEnsemble.Pack(inputs);
        Assert.Equal(inputs.Count + 1, offsets.Length);
        for (int i = 0; i < inputs.Count; i++)
        {
            var expected = Enumerable.Range(0, inputs[i].Fingerprint.Length * 8).Where(b => (inputs[i].Fingerprint[b >> 3] >> (b & 7) & 1) != 0).ToArray();
            Assert.Equal(expected, bits[offsets[i]..offsets[i + 1]]);
            Assert.Equal(inputs[i].Descriptors, desc.AsSpan(i * inputs[i].Descriptors.Length, inputs[i].Descriptors.Length).ToArray());
        }
    }
}
