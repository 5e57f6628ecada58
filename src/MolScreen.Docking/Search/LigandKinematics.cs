using MolScreen.Docking.Structure;

namespace MolScreen.Docking.Search;

/// <summary>
/// Maps a conformation (root position, orientation quaternion, one angle per torsion) to atom coordinates, and atom
/// gradients back to the conformation's gradient (position, rotation vector, torsions), over flat arrays.
/// Conformation layout: [px, py, pz, qw, qx, qy, qz, θ0 … θT−1]; gradient layout: [gx, gy, gz, τx, τy, τz, dθ0 … dθT−1].
/// </summary>
public sealed class LigandKinematics
{
    public readonly int Atoms, Frames;
    public readonly int[] FrameOf, FrameParent;
    readonly float[] _relX, _relY, _relZ;        // atom relative to its frame origin (input pose)
    readonly float[] _offX, _offY, _offZ;        // frame origin relative to parent origin (input pose)
    readonly float[] _axX, _axY, _axZ;           // torsion axis in the input pose (unit)
    public readonly float RootX, RootY, RootZ;
    public int ConfSize => 7 + Frames - 1;
    public int GradSize => 6 + Frames - 1;

    public LigandKinematics(LigandModel lig)
    {
        Atoms = lig.AtomCount; Frames = lig.FrameCount;
        FrameOf = lig.FrameOf; FrameParent = lig.FrameParent;
        _relX = new float[Atoms]; _relY = new float[Atoms]; _relZ = new float[Atoms];
        for (int i = 0; i < Atoms; i++)
        {
            int o = lig.FrameOrigin[FrameOf[i]];
            _relX[i] = lig.X[i] - lig.X[o]; _relY[i] = lig.Y[i] - lig.Y[o]; _relZ[i] = lig.Z[i] - lig.Z[o];
        }
        _offX = new float[Frames]; _offY = new float[Frames]; _offZ = new float[Frames];
        _axX = new float[Frames]; _axY = new float[Frames]; _axZ = new float[Frames];
        for (int f = 1; f < Frames; f++)
        {
            int o = lig.FrameOrigin[f], po = lig.FrameOrigin[FrameParent[f]], b = lig.AxisBegin[f];
            _offX[f] = lig.X[o] - lig.X[po]; _offY[f] = lig.Y[o] - lig.Y[po]; _offZ[f] = lig.Z[o] - lig.Z[po];
            float ax = lig.X[o] - lig.X[b], ay = lig.Y[o] - lig.Y[b], az = lig.Z[o] - lig.Z[b];
            float n = MathF.Sqrt(ax * ax + ay * ay + az * az);
            if (n < 1e-4f) throw new DockingException($"ligand {lig.Name}: torsion axis atoms coincide");
            _axX[f] = ax / n; _axY[f] = ay / n; _axZ[f] = az / n;
        }
        int r0 = lig.FrameOrigin[0];
        (RootX, RootY, RootZ) = (lig.X[r0], lig.Y[r0], lig.Z[r0]);
    }

    /// <summary>Identity conformation: the input pose.</summary>
    public void Initial(Span<float> conf)
    {
        conf.Clear();
        conf[0] = RootX; conf[1] = RootY; conf[2] = RootZ; conf[3] = 1;
    }

    /// <summary>Per-chain scratch for frames: rotation (9 floats), origin (3), world axis (3) and force/torque sums (6).</summary>
    public float[] NewFrameScratch() => new float[Frames * 21 + 18];

    /// <summary>Coordinates of every atom for a conformation; frames fill the scratch for a later <see cref="Project"/>.</summary>
    public void Build(ReadOnlySpan<float> conf, Span<float> x, Span<float> y, Span<float> z, Span<float> fs)
    {
        Span<float> tmpA = fs.Slice(Frames * 21, 9);
        Span<float> tmpB = fs.Slice(Frames * 21 + 9, 9);
        Quat.ToMatrix(conf.Slice(3, 4), fs.Slice(0, 9));
        fs[9] = conf[0]; fs[10] = conf[1]; fs[11] = conf[2];
        for (int f = 1; f < Frames; f++)
        {
            int p = FrameParent[f];
            var rp = fs.Slice(p * 21, 9);
            float ox = fs[p * 21 + 9], oy = fs[p * 21 + 10], oz = fs[p * 21 + 11];
            int b = f * 21;
            fs[b + 9] = ox + rp[0] * _offX[f] + rp[1] * _offY[f] + rp[2] * _offZ[f];
            fs[b + 10] = oy + rp[3] * _offX[f] + rp[4] * _offY[f] + rp[5] * _offZ[f];
            fs[b + 11] = oz + rp[6] * _offX[f] + rp[7] * _offY[f] + rp[8] * _offZ[f];
            float ax = rp[0] * _axX[f] + rp[1] * _axY[f] + rp[2] * _axZ[f];
            float ay = rp[3] * _axX[f] + rp[4] * _axY[f] + rp[5] * _axZ[f];
            float az = rp[6] * _axX[f] + rp[7] * _axY[f] + rp[8] * _axZ[f];
            fs[b + 12] = ax; fs[b + 13] = ay; fs[b + 14] = az;
            Quat.AxisAngle(ax, ay, az, conf[7 + f - 1], tmpA);
            Quat.Multiply(tmpA, rp, tmpB);
            tmpB.CopyTo(fs.Slice(b, 9));
        }
        for (int i = 0; i < Atoms; i++)
        {
            int b = FrameOf[i] * 21;
            float rx = _relX[i], ry = _relY[i], rz = _relZ[i];
            x[i] = fs[b + 9] + fs[b] * rx + fs[b + 1] * ry + fs[b + 2] * rz;
            y[i] = fs[b + 10] + fs[b + 3] * rx + fs[b + 4] * ry + fs[b + 5] * rz;
            z[i] = fs[b + 11] + fs[b + 6] * rx + fs[b + 7] * ry + fs[b + 8] * rz;
        }
    }

    /// <summary>
    /// Conformation gradient from atom gradients: force and torque summed up the tree; a torsion's derivative is the torque
    /// of its subtree about its axis, the rotation derivative the torque of everything about the root origin.
    /// </summary>
    public void Project(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z,
        ReadOnlySpan<float> gx, ReadOnlySpan<float> gy, ReadOnlySpan<float> gz, Span<float> fs, Span<float> grad)
    {
        for (int f = 0; f < Frames; f++) fs.Slice(f * 21 + 15, 6).Clear();
        for (int i = 0; i < Atoms; i++)
        {
            int b = FrameOf[i] * 21;
            float rx = x[i] - fs[b + 9], ry = y[i] - fs[b + 10], rz = z[i] - fs[b + 11];
            fs[b + 15] += gx[i]; fs[b + 16] += gy[i]; fs[b + 17] += gz[i];
            fs[b + 18] += ry * gz[i] - rz * gy[i];
            fs[b + 19] += rz * gx[i] - rx * gz[i];
            fs[b + 20] += rx * gy[i] - ry * gx[i];
        }
        for (int f = Frames - 1; f >= 1; f--)
        {
            int b = f * 21, pb = FrameParent[f] * 21;
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
    public static void Increment(Span<float> conf, ReadOnlySpan<float> p, float alpha)
    {
        conf[0] += alpha * p[0]; conf[1] += alpha * p[1]; conf[2] += alpha * p[2];
        Quat.Increment(conf.Slice(3, 4), alpha * p[3], alpha * p[4], alpha * p[5]);
        for (int k = 7; k < conf.Length; k++) conf[k] = WrapAngle(conf[k] + alpha * p[k - 1]);
    }

    public static float WrapAngle(float a)
    {
        if (a > MathF.PI || a < -MathF.PI) a -= 2 * MathF.PI * MathF.Floor((a + MathF.PI) / (2 * MathF.PI));
        return a;
    }
}
