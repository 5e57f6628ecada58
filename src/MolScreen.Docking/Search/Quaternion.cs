using MolScreen.Docking.Compute;

namespace MolScreen.Docking.Search;

/// <summary>
/// Unit-quaternion helpers over plain floats (w, x, y, z), used by the rigid-body part of a conformation. Each is generic
/// over buffer accessors with an offset (so GPU kernels run the same code), with Span overloads for the CPU path.
/// </summary>
public static class Quat
{
    /// <summary>q ← rotation(v) · q, where v is a rotation vector (axis × angle); renormalised (Vina's quaternion_increment).</summary>
    public static void Increment(Span<float> q, float vx, float vy, float vz) => Increment(new SpanBuffer(q), 0, vx, vy, vz);

    public static void Increment<TQ>(TQ q, int o, float vx, float vy, float vz) where TQ : struct, IFloatBuffer, allows ref struct
    {
        float angle = MathF.Sqrt(vx * vx + vy * vy + vz * vz);
        float aw = 1, ax = 0, ay = 0, az = 0;
        if (angle > 1e-12f)
        {
            float s = MathF.Sin(angle / 2) / angle;
            aw = MathF.Cos(angle / 2); ax = vx * s; ay = vy * s; az = vz * s;
        }
        float q0 = q[o], q1 = q[o + 1], q2 = q[o + 2], q3 = q[o + 3];
        float w = aw * q0 - ax * q1 - ay * q2 - az * q3;
        float x = aw * q1 + ax * q0 + ay * q3 - az * q2;
        float y = aw * q2 - ax * q3 + ay * q0 + az * q1;
        float z = aw * q3 + ax * q2 - ay * q1 + az * q0;
        float n = 1f / MathF.Sqrt(w * w + x * x + y * y + z * z);
        q[o] = w * n; q[o + 1] = x * n; q[o + 2] = y * n; q[o + 3] = z * n;
    }

    /// <summary>Row-major 3×3 rotation matrix of a unit quaternion.</summary>
    public static void ToMatrix(ReadOnlySpan<float> q, Span<float> m) => ToMatrix(new SpanTable(q), 0, new SpanBuffer(m), 0);

    public static void ToMatrix<TQ, TM>(TQ q, int qo, TM m, int mo)
        where TQ : struct, IFloatTable, allows ref struct where TM : struct, IFloatBuffer, allows ref struct
    {
        float w = q[qo], x = q[qo + 1], y = q[qo + 2], z = q[qo + 3];
        m[mo] = 1 - 2 * (y * y + z * z); m[mo + 1] = 2 * (x * y - w * z); m[mo + 2] = 2 * (x * z + w * y);
        m[mo + 3] = 2 * (x * y + w * z); m[mo + 4] = 1 - 2 * (x * x + z * z); m[mo + 5] = 2 * (y * z - w * x);
        m[mo + 6] = 2 * (x * z - w * y); m[mo + 7] = 2 * (y * z + w * x); m[mo + 8] = 1 - 2 * (x * x + y * y);
    }

    /// <summary>Row-major rotation by angle about the unit axis (Rodrigues).</summary>
    public static void AxisAngle(float ax, float ay, float az, float angle, Span<float> m) => AxisAngle(ax, ay, az, angle, new SpanBuffer(m), 0);

    public static void AxisAngle<TM>(float ax, float ay, float az, float angle, TM m, int mo) where TM : struct, IFloatBuffer, allows ref struct
    {
        float c = MathF.Cos(angle), s = MathF.Sin(angle), t = 1 - c;
        m[mo] = t * ax * ax + c; m[mo + 1] = t * ax * ay - s * az; m[mo + 2] = t * ax * az + s * ay;
        m[mo + 3] = t * ax * ay + s * az; m[mo + 4] = t * ay * ay + c; m[mo + 5] = t * ay * az - s * ax;
        m[mo + 6] = t * ax * az - s * ay; m[mo + 7] = t * ay * az + s * ax; m[mo + 8] = t * az * az + c;
    }

    /// <summary>c = a · b for row-major 3×3 matrices.</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c) =>
        Multiply(new SpanTable(a), 0, new SpanTable(b), 0, new SpanBuffer(c), 0);

    /// <summary>c = a · b with each matrix at its own offset (they may share one buffer as long as c does not overlap a or b).</summary>
    public static void Multiply<TA, TB, TC>(TA a, int ao, TB b, int bo, TC c, int co)
        where TA : struct, IFloatTable, allows ref struct where TB : struct, IFloatTable, allows ref struct where TC : struct, IFloatBuffer, allows ref struct
    {
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                c[co + i * 3 + j] = a[ao + i * 3] * b[bo + j] + a[ao + i * 3 + 1] * b[bo + 3 + j] + a[ao + i * 3 + 2] * b[bo + 6 + j];
    }
}
