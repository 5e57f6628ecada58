using System.Runtime.CompilerServices;
using MolScreen.Docking.Compute;

namespace MolScreen.Docking.Grid;

/// <summary>
/// Trilinear interpolation of one energy map with its gradient, and Vina's out-of-box treatment: coordinates are clamped
/// to the lattice and a steep linear penalty (slope per Å outside) is added, so the search is pushed back inside. Generic
/// over table accessors so a GPU kernel calls it unchanged.
/// </summary>
public static class Trilinear
{
    /// <summary>Vina's penalty slope (kcal/mol per Å outside the box).</summary>
    public const float OutsideSlope = 1e6f;

    /// <returns>Capped map energy plus penalty; the gradient (dE/dx, dE/dy, dE/dz) goes to gx, gy, gz.</returns>
    public static float Eval(ReadOnlySpan<float> map, int nx, int ny, int nz, float ox, float oy, float oz, float spacing,
        float x, float y, float z, float cap, out float gx, out float gy, out float gz) =>
        Eval(new SpanTable(map), 0, nx, ny, nz, ox, oy, oz, spacing, x, y, z, cap, out gx, out gy, out gz);

    /// <summary>The same over any table accessor, the map starting at mapOffset (what GPU kernels call).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Eval<TM>(TM map, int mapOffset, int nx, int ny, int nz, float ox, float oy, float oz, float spacing,
        float x, float y, float z, float cap, out float gx, out float gy, out float gz) where TM : struct, IFloatTable, allows ref struct
    {
        float inv = 1f / spacing;
        float sx = (x - ox) * inv, sy = (y - oy) * inv, sz = (z - oz) * inv;
        float penalty = 0f, px = 0f, py = 0f, pz = 0f;
        int ax, ay, az;
        bool inX = Axis(ref sx, nx, out ax, ref penalty, ref px, spacing);
        bool inY = Axis(ref sy, ny, out ay, ref penalty, ref py, spacing);
        bool inZ = Axis(ref sz, nz, out az, ref penalty, ref pz, spacing);

        int i000 = mapOffset + (ax * ny + ay) * nz + az;
        int dyStride = nz, dxStride = ny * nz;
        float f000 = map[i000], f001 = map[i000 + 1], f010 = map[i000 + dyStride], f011 = map[i000 + dyStride + 1];
        float f100 = map[i000 + dxStride], f101 = map[i000 + dxStride + 1], f110 = map[i000 + dxStride + dyStride], f111 = map[i000 + dxStride + dyStride + 1];
        float mx = 1 - sx, my = 1 - sy, mz = 1 - sz;

        float e = mx * (my * (mz * f000 + sz * f001) + sy * (mz * f010 + sz * f011))
                + sx * (my * (mz * f100 + sz * f101) + sy * (mz * f110 + sz * f111));
        float dx = (my * (mz * (f100 - f000) + sz * (f101 - f001)) + sy * (mz * (f110 - f010) + sz * (f111 - f011))) * inv;
        float dy = (mx * (mz * (f010 - f000) + sz * (f011 - f001)) + sx * (mz * (f110 - f100) + sz * (f111 - f101))) * inv;
        float dz = (mx * (my * (f001 - f000) + sy * (f011 - f010)) + sx * (my * (f101 - f100) + sy * (f111 - f110))) * inv;
        if (!inX) dx = 0;
        if (!inY) dy = 0;
        if (!inZ) dz = 0;
        if (e > 0f)
        {
            float t = cap / (cap + e);
            e *= t;
            float t2 = t * t;
            dx *= t2; dy *= t2; dz *= t2;
        }
        gx = dx + px; gy = dy + py; gz = dz + pz;
        return e + penalty;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool Axis(ref float s, int n, out int a, ref float penalty, ref float grad, float spacing)
    {
        // written as !(s >= 0) so a NaN coordinate takes this branch and indexes the lattice at 0, never out of range
        if (!(s >= 0f))
        {
            penalty += OutsideSlope * (-s) * spacing;
            grad = -OutsideSlope;
            a = 0; s = 0f;
            return false;
        }
        if (s >= n - 1)
        {
            penalty += OutsideSlope * (s - (n - 1)) * spacing;
            grad = OutsideSlope;
            a = n - 2; s = 1f;
            return false;
        }
        a = (int)s;
        s -= a;
        return true;
    }
}
