using MolScreen.Chemistry.Fingerprints;
using MolScreen.Kernels.Similarity;

namespace MolScreen.Chemistry.Tests.Kernels;

/// <summary>
/// The ILGPU Tanimoto kernel on ILGPU's CPU accelerator (CI has no GPU): it must give exactly the
/// CPU path's numbers, since both call Tanimoto.Ratio on the same bit counts.
/// </summary>
public class GpuTanimotoTests
{
    [Fact]
    public void KernelEqualsCpuPathOnRandomAndEdgeFingerprints()
    {
        var rng = new Random(5);
        const int n = 1500;
        var library = new byte[n * 256];
        for (int i = 0; i < n; i++)
        {
            var fp = library.AsSpan(i * 256, 256);
            switch (i % 5)
            {
                case 0: break;                                              // empty
                case 1: fp.Fill(0xFF); break;                               // full
                default: for (int b = 0; b < 40 + i % 60; b++) { int bit = rng.Next(2048); fp[bit >> 3] |= (byte)(1 << (bit & 7)); } break;
            }
        }
        using var gpu = new GpuTanimoto(library, preferGpu: false);
        Assert.False(gpu.IsGpu);
        Assert.Equal(n, gpu.Count);
        var expected = new float[n];
        foreach (var q in new[] { 0, 1, 2, 7, 1234 })
        {
            var query = library.AsSpan(q * 256, 256);
            Tanimoto.Bulk(query, library, expected);
            var got = gpu.Bulk(query);
            Assert.Equal(expected, got);
            Assert.Equal(1f, got[q]);
        }
    }

    [Fact]
    public void RejectsMisshapedInputAndHandlesAnEmptyLibrary()
    {
        Assert.Throws<ArgumentException>(() => new GpuTanimoto(new byte[300], preferGpu: false));
        using var empty = new GpuTanimoto(ReadOnlySpan<byte>.Empty, preferGpu: false);
        Assert.Empty(empty.Bulk(new byte[256]));
        Assert.Throws<ArgumentException>(() => empty.Bulk(new byte[10]));
    }
}
