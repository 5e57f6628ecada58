namespace MolScreen.Docking.Search;

/// <summary>Unit-quaternion helpers over plain floats (w, x, y, z), used by the rigid-body part of a conformation.</summary>
public static class Quat
{
    /// <summary>q ← rotation(v) · q, where v is a rotation vector (axis × angle); renormalised (Vina's quaternion_increment).</summary>
    public static void Increment(Span<float> q, float vx, float vy, float vz)
    {
        float angle = MathF.Sqrt(vx * vx + vy * vy + vz * vz);
        float aw = 1, ax = 0, ay = 0, az = 0;
        if (angle > 1e-12f)
        {
            float s = MathF.Sin(angle / 2) / angle;
            aw = MathF.Cos(angle / 2); ax = vx * s; ay = vy * s; az = vz * s;
        }
        float w = aw * q[0] - ax * q[1] - ay * q[2] - az * q[3];
        float x = aw * q[1] + ax * q[0] + ay * q[3] - az * q[2];
        float y = aw * q[2] - ax * q[3] + ay * q[0] + az * q[1];
        float z = aw * q[3] + ax * q[2] - ay * q[1] + az * q[0];
        float n = 1f / MathF.Sqrt(w * w + x * x + y * y + z * z);
        q[0] = w * n; q[1] = x * n; q[2] = y * n; q[3] = z * n;
    }

    /// <summary>Row-major 3×3 rotation matrix of a unit quaternion.</summary>
    public static void ToMatrix(ReadOnlySpan<float> q, Span<float> m)
    {
        float w = q[0], x = q[1], y = q[2], z = q[3];
        m[0] = 1 - 2 * (y * y + z * z); m[1] = 2 * (x * y - w * z); m[2] = 2 * (x * z + w * y);
        m[3] = 2 * (x * y + w * z); m[4] = 1 - 2 * (x * x + z * z); m[5] = 2 * (y * z - w * x);
        m[6] = 2 * (x * z - w * y); m[7] = 2 * (y * z + w * x); m[8] = 1 - 2 * (x * x + y * y);
    }

    /// <summary>Row-major rotation by angle about the unit axis (Rodrigues).</summary>
    public static void AxisAngle(float ax, float ay, float az, float angle, Span<float> m)
    {
        float c = MathF.Cos(angle), s = MathF.Sin(angle), t = 1 - c;
        m[0] = t * ax * ax + c; m[1] = t * ax * ay - s * az; m[2] = t * ax * az + s * ay;
        m[3] = t * ax * ay + s * az; m[4] = t * ay * ay + c; m[5] = t * ay * az - s * ax;
        m[6] = t * ax * az - s * ay; m[7] = t * ay * az + s * ax; m[8] = t * az * az + c;
    }

    /// <summary>c = a · b for row-major 3×3 matrices.</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c)
    {
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                c[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
    }
}
