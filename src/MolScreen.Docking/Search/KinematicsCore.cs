using MolScreen.Docking.Compute;

namespace MolScreen.Docking.Search;

/// <summary>
/// The torsion-tree kinematics over flat tables, generic over accessors so the CPU (<see cref="LigandKinematics"/>) and GPU
/// kernels run this one code. Tables: frameOf[atom], frameParent[frame], rel[3·atom] (atom relative to its frame origin),
/// off[3·frame] (frame origin relative to the parent origin), axis[3·frame] (unit torsion axis), all in the input pose.
/// Frame scratch: 21 floats per frame (rotation 9, origin 3, world axis 3, force 3, torque 3) then 18 floats of temporaries.
/// </summary>
public static class KinematicsCore
{
    public const int FrameStride = 21;

    public static int ScratchSize(int frames) => frames * FrameStride + 18;

    /// <summary>Coordinates of every atom for a conformation; frames fill the scratch for a later <see cref="Project"/>.</summary>
    public static void Build<TI, TF, TC, TB>(TI frameOf, TI frameParent, TF rel, TF off, TF axis, int atoms, int frames,
        TC conf, TB x, TB y, TB z, TB fs)
        where TI : struct, IIntTable, allows ref struct where TF : struct, IFloatTable, allows ref struct
        where TC : struct, IFloatTable, allows ref struct where TB : struct, IFloatBuffer, allows ref struct
    {
        int tmpA = frames * FrameStride, tmpB = tmpA + 9;
        Quat.ToMatrix(conf, 3, fs, 0);
        fs[9] = conf[0]; fs[10] = conf[1]; fs[11] = conf[2];
        for (int f = 1; f < frames; f++)
        {
            int rp = frameParent[f] * FrameStride;
            float ox = fs[rp + 9], oy = fs[rp + 10], oz = fs[rp + 11];
            float fx = off[3 * f], fy = off[3 * f + 1], fz = off[3 * f + 2];
            float ux = axis[3 * f], uy = axis[3 * f + 1], uz = axis[3 * f + 2];
            int b = f * FrameStride;
            fs[b + 9] = ox + fs[rp] * fx + fs[rp + 1] * fy + fs[rp + 2] * fz;
            fs[b + 10] = oy + fs[rp + 3] * fx + fs[rp + 4] * fy + fs[rp + 5] * fz;
            fs[b + 11] = oz + fs[rp + 6] * fx + fs[rp + 7] * fy + fs[rp + 8] * fz;
            float ax = fs[rp] * ux + fs[rp + 1] * uy + fs[rp + 2] * uz;
            float ay = fs[rp + 3] * ux + fs[rp + 4] * uy + fs[rp + 5] * uz;
            float az = fs[rp + 6] * ux + fs[rp + 7] * uy + fs[rp + 8] * uz;
            fs[b + 12] = ax; fs[b + 13] = ay; fs[b + 14] = az;
            Quat.AxisAngle(ax, ay, az, conf[7 + f - 1], fs, tmpA);
            Quat.Multiply(fs, tmpA, fs, rp, fs, tmpB);
            for (int k = 0; k < 9; k++) fs[b + k] = fs[tmpB + k];
        }
        for (int i = 0; i < atoms; i++)
        {
            int b = frameOf[i] * FrameStride;
            float rx = rel[3 * i], ry = rel[3 * i + 1], rz = rel[3 * i + 2];
            x[i] = fs[b + 9] + fs[b] * rx + fs[b + 1] * ry + fs[b + 2] * rz;
            y[i] = fs[b + 10] + fs[b + 3] * rx + fs[b + 4] * ry + fs[b + 5] * rz;
            z[i] = fs[b + 11] + fs[b + 6] * rx + fs[b + 7] * ry + fs[b + 8] * rz;
        }
    }

    /// <summary>
    /// Conformation gradient from atom gradients: force and torque summed up the tree; a torsion's derivative is the torque
    /// of its subtree about its axis, the rotation derivative the torque of everything about the root origin.
    /// </summary>
    public static void Project<TI, TR, TB, TG>(TI frameOf, TI frameParent, int atoms, int frames,
        TR x, TR y, TR z, TR gx, TR gy, TR gz, TB fs, TG grad)
        where TI : struct, IIntTable, allows ref struct where TR : struct, IFloatTable, allows ref struct
        where TB : struct, IFloatBuffer, allows ref struct where TG : struct, IFloatBuffer, allows ref struct
    {
        for (int f = 0; f < frames; f++)
            for (int k = 15; k < FrameStride; k++) fs[f * FrameStride + k] = 0f;
        for (int i = 0; i < atoms; i++)
        {
            int b = frameOf[i] * FrameStride;
            float rx = x[i] - fs[b + 9], ry = y[i] - fs[b + 10], rz = z[i] - fs[b + 11];
            float fx = gx[i], fy = gy[i], fz = gz[i];
            fs[b + 15] += fx; fs[b + 16] += fy; fs[b + 17] += fz;
            fs[b + 18] += ry * fz - rz * fy;
            fs[b + 19] += rz * fx - rx * fz;
            fs[b + 20] += rx * fy - ry * fx;
        }
        for (int f = frames - 1; f >= 1; f--)
        {
            int b = f * FrameStride, pb = frameParent[f] * FrameStride;
            float fx = fs[b + 15], fy = fs[b + 16], fz = fs[b + 17];
            grad[6 + f - 1] = fs[b + 18] * fs[b + 12] + fs[b + 19] * fs[b + 13] + fs[b + 20] * fs[b + 14];
            float dx = fs[b + 9] - fs[pb + 9], dy = fs[b + 10] - fs[pb + 10], dz = fs[b + 11] - fs[pb + 11];
            fs[pb + 15] += fx; fs[pb + 16] += fy; fs[pb + 17] += fz;
            fs[pb + 18] += fs[b + 18] + dy * fz - dz * fy;
            fs[pb + 19] += fs[b + 19] + dz * fx - dx * fz;
            fs[pb + 20] += fs[b + 20] + dx * fy - dy * fx;
        }
        grad[0] = fs[15]; grad[1] = fs[16]; grad[2] = fs[17];
        grad[3] = fs[18]; grad[4] = fs[19]; grad[5] = fs[20];
    }

    /// <summary>conf ← conf + α·p (position added, orientation rotated by the rotation vector, torsions wrapped to ±π).</summary>
    public static void Increment<TC, TP>(TC conf, int confSize, TP p, float alpha)
        where TC : struct, IFloatBuffer, allows ref struct where TP : struct, IFloatTable, allows ref struct
    {
        conf[0] += alpha * p[0]; conf[1] += alpha * p[1]; conf[2] += alpha * p[2];
        Quat.Increment(conf, 3, alpha * p[3], alpha * p[4], alpha * p[5]);
        for (int k = 7; k < confSize; k++) conf[k] = WrapAngle(conf[k] + alpha * p[k - 1]);
    }

    public static float WrapAngle(float a)
    {
        if (a > MathF.PI || a < -MathF.PI) a -= 2 * MathF.PI * MathF.Floor((a + MathF.PI) / (2 * MathF.PI));
        return a;
    }
}
