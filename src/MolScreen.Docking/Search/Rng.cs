namespace MolScreen.Docking.Search;

/// <summary>
/// A small deterministic generator (SplitMix64 seeding a xoshiro128**-style state) owned by one Monte Carlo chain, seeded
/// from (run seed, chain index) so results do not depend on thread scheduling. A struct over plain integers so a GPU chain
/// can carry the same generator.
/// </summary>
public struct Rng
{
    ulong _s0, _s1;

    public Rng(long seed, int stream)
    {
        // XOR, not OR, with the constant: it has bits 32 and 34 set, so OR-ing the stream in made streams 0, 1, 4, 5 (and
        // 2, 3, 6, 7) identical, i.e. exhaustiveness 8 ran two distinct chains four times each
        ulong z = (ulong)seed * 0x9E3779B97F4A7C15UL ^ ((ulong)(uint)stream << 32) ^ 0x5DEECE66DUL;
        _s0 = SplitMix(ref z);
        _s1 = SplitMix(ref z);
        if (_s0 == 0 && _s1 == 0) _s1 = 1;
    }

    static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>xorshift128+ step.</summary>
    public ulong NextULong()
    {
        ulong s1 = _s0, s0 = _s1;
        ulong result = s0 + s1;
        _s0 = s0;
        s1 ^= s1 << 23;
        _s1 = s1 ^ s0 ^ (s1 >> 17) ^ (s0 >> 26);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public float NextFloat() => (NextULong() >> 40) * (1f / (1UL << 24));

    public float Uniform(float lo, float hi) => lo + (hi - lo) * NextFloat();

    public int NextInt(int n) => (int)((NextULong() >> 33) % (ulong)n);

    /// <summary>Uniform point inside the unit ball (rejection sampling, as Vina's random_inside_sphere).</summary>
    public void InsideSphere(out float x, out float y, out float z)
    {
        while (true)
        {
            x = Uniform(-1, 1); y = Uniform(-1, 1); z = Uniform(-1, 1);
            if (x * x + y * y + z * z < 1f) return;
        }
    }

    /// <summary>Standard normal (Box-Muller), for random orientations.</summary>
    public float Normal()
    {
        float u1 = MathF.Max(NextFloat(), 1e-12f), u2 = NextFloat();
        return MathF.Sqrt(-2f * MathF.Log(u1)) * MathF.Cos(2f * MathF.PI * u2);
    }
}
