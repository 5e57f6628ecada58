using MolScreen.Docking.Search;

namespace MolScreen.Docking.Tests;

/// <summary>Each Monte Carlo chain must draw its own random sequence: chains seeded from one run seed are independent searches.</summary>
public sealed class RngTests
{
    [Fact]
    public void Every_stream_of_a_seed_starts_a_different_sequence()
    {
        foreach (long seed in new long[] { 0, 1, 42, -7 })
        {
            var firsts = new HashSet<(ulong, ulong)>();
            for (int stream = 0; stream < 256; stream++)
            {
                var rng = new Rng(seed, stream);
                Assert.True(firsts.Add((rng.NextULong(), rng.NextULong())), $"seed {seed}: stream {stream} repeats an earlier stream");
            }
        }
    }

    [Fact]
    public void Same_seed_and_stream_repeat_the_sequence()
    {
        var a = new Rng(5, 3);
        var b = new Rng(5, 3);
        for (int i = 0; i < 100; i++) Assert.Equal(a.NextULong(), b.NextULong());
    }
}
