using MolScreen.Docking.Compute;
using MolScreen.Docking.Search;

namespace MolScreen.Docking.Tests;

/// <summary>
/// QuickVina 2's skip rule (<see cref="VisitedHistory"/>) on a bowl f = Σ xᵢ² over position and torsion coordinates: a start
/// point on the flank the history was gathered on leads into the known basin (skipped); one across the bowl's bottom, where
/// every gradient points the other way, may reach another minimum (searched).
/// </summary>
public sealed class VisitedHistoryTests
{
    const int Torsions = 2, Conf = 7 + Torsions, Grad = 6 + Torsions;

    static (float[] State, HistoryLayout H) Filled(Random random, float lo, float hi)
    {
        var H = new HistoryLayout(2 * Conf + Grad, Grad, enabled: true);
        var state = new float[H.Offset + H.Size];
        var s = new FloatArray(state);
        VisitedHistory.Clear(s, H);
        for (int k = 0; k < H.Capacity; k++)
        {
            float f = Point(state, random, lo, hi);
            VisitedHistory.SetProbe(s, H, 0);
            Assert.True(VisitedHistory.Interesting(s, H, f, 2 * Conf), "a history that is not full accepts every point");
            VisitedHistory.Add(s, H, f, 2 * Conf);
        }
        return (state, H);
    }

    /// <summary>Random conformation at state[0…] (identity orientation) with the bowl's energy and gradient at state[2·Conf…].</summary>
    static float Point(float[] state, Random random, float lo, float hi)
    {
        Array.Clear(state, 0, 2 * Conf + Grad);
        state[3] = 1f;
        float f = 0f;
        foreach (var (ci, gi) in new[] { (0, 0), (1, 1), (2, 2), (7, 6), (8, 7) })
        {
            float v = lo + (hi - lo) * random.NextSingle();
            state[ci] = v;
            state[2 * Conf + gi] = 2 * v;
            f += v * v;
        }
        return f;
    }

    [Fact]
    public void A_start_on_the_known_flank_is_skipped()
    {
        var random = new Random(3);
        var (state, H) = Filled(random, 0.2f, 1.5f);
        for (int trial = 0; trial < 20; trial++)
        {
            float f = Point(state, random, 0.2f, 1.5f);
            VisitedHistory.SetProbe(new FloatArray(state), H, 0);
            Assert.False(VisitedHistory.Interesting(new FloatArray(state), H, f, 2 * Conf), $"trial {trial}");
        }
    }

    [Fact]
    public void A_start_across_the_bottom_is_searched()
    {
        var random = new Random(4);
        var (state, H) = Filled(random, 0.2f, 1.5f);
        for (int trial = 0; trial < 20; trial++)
        {
            float f = Point(state, random, -1.5f, -0.2f);
            VisitedHistory.SetProbe(new FloatArray(state), H, 0);
            Assert.True(VisitedHistory.Interesting(new FloatArray(state), H, f, 2 * Conf), $"trial {trial}");
        }
    }

    [Fact]
    public void Without_a_history_every_start_is_searched()
    {
        var H = new HistoryLayout(0, Grad, enabled: false);
        Assert.Equal(0, H.Capacity);
        Assert.Equal(0, H.Size);
    }
}
