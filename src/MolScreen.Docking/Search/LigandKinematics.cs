using MolScreen.Docking.Compute;
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
    /// <summary>Tables of <see cref="KinematicsCore"/>: atom relative to its frame origin, frame origin relative to its parent's,
    /// unit torsion axis, 3 floats each, in the input pose (public so GPU batches can upload them).</summary>
    public readonly float[] Rel, Off, Axis;
    public readonly float RootX, RootY, RootZ;
    public int ConfSize => 7 + Frames - 1;
    public int GradSize => 6 + Frames - 1;

    public LigandKinematics(LigandModel lig)
    {
        Atoms = lig.AtomCount; Frames = lig.FrameCount;
        FrameOf = lig.FrameOf; FrameParent = lig.FrameParent;
        Rel = new float[3 * Atoms];
        for (int i = 0; i < Atoms; i++)
        {
            int o = lig.FrameOrigin[FrameOf[i]];
            Rel[3 * i] = lig.X[i] - lig.X[o]; Rel[3 * i + 1] = lig.Y[i] - lig.Y[o]; Rel[3 * i + 2] = lig.Z[i] - lig.Z[o];
        }
        Off = new float[3 * Frames];
        Axis = new float[3 * Frames];
        for (int f = 1; f < Frames; f++)
        {
            int o = lig.FrameOrigin[f], po = lig.FrameOrigin[FrameParent[f]], b = lig.AxisBegin[f];
            Off[3 * f] = lig.X[o] - lig.X[po]; Off[3 * f + 1] = lig.Y[o] - lig.Y[po]; Off[3 * f + 2] = lig.Z[o] - lig.Z[po];
            float ax = lig.X[o] - lig.X[b], ay = lig.Y[o] - lig.Y[b], az = lig.Z[o] - lig.Z[b];
            float n = MathF.Sqrt(ax * ax + ay * ay + az * az);
            if (n < 1e-4f) throw new DockingException($"ligand {lig.Name}: torsion axis atoms coincide");
            Axis[3 * f] = ax / n; Axis[3 * f + 1] = ay / n; Axis[3 * f + 2] = az / n;
        }
        for (int i = 0; i < Atoms; i++)
            if ((uint)FrameOf[i] >= (uint)Frames) throw new DockingException($"ligand {lig.Name}: atom {i + 1} in frame {FrameOf[i]} of {Frames}");
        for (int f = 1; f < Frames; f++)
            if ((uint)FrameParent[f] >= (uint)f) throw new DockingException($"ligand {lig.Name}: frame {f} has parent {FrameParent[f]}, not an earlier frame");
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
    public float[] NewFrameScratch() => new float[KinematicsCore.ScratchSize(Frames)];

    /// <summary>Coordinates of every atom for a conformation; frames fill the scratch for a later <see cref="Project"/>.</summary>
    public void Build(ReadOnlySpan<float> conf, Span<float> x, Span<float> y, Span<float> z, Span<float> fs) =>
        KinematicsCore.Build(new IntArray(FrameOf), new IntArray(FrameParent), new FloatArray(Rel), new FloatArray(Off), new FloatArray(Axis),
            Atoms, Frames, new SpanTable(conf), new SpanBuffer(x), new SpanBuffer(y), new SpanBuffer(z), new SpanBuffer(fs));

    /// <summary>
    /// The same over arrays (what the search passes), read unchecked: the constructor proved frameOf/frameParent in range
    /// and the scratch sizes are checked here, so every index the core derives is inside its array.
    /// </summary>
    public void Build(ReadOnlySpan<float> conf, float[] x, float[] y, float[] z, float[] fs)
    {
        CheckScratch(x, y, z, fs);
        KinematicsCore.Build(new UncheckedInts(FrameOf), new UncheckedInts(FrameParent), new UncheckedFloats(Rel), new UncheckedFloats(Off),
            new UncheckedFloats(Axis), Atoms, Frames, new SpanTable(conf), new UncheckedFloats(x), new UncheckedFloats(y), new UncheckedFloats(z),
            new UncheckedFloats(fs));
    }

    public void Project(float[] x, float[] y, float[] z, float[] gx, float[] gy, float[] gz, float[] fs, Span<float> grad)
    {
        CheckScratch(x, y, z, fs);
        CheckScratch(gx, gy, gz, fs);
        KinematicsCore.Project(new UncheckedInts(FrameOf), new UncheckedInts(FrameParent), Atoms, Frames, new UncheckedFloats(x),
            new UncheckedFloats(y), new UncheckedFloats(z), new UncheckedFloats(gx), new UncheckedFloats(gy), new UncheckedFloats(gz),
            new UncheckedFloats(fs), new SpanBuffer(grad));
    }

    void CheckScratch(float[] x, float[] y, float[] z, float[] fs)
    {
        if (x.Length < Atoms || y.Length < Atoms || z.Length < Atoms || fs.Length < KinematicsCore.ScratchSize(Frames))
            throw new ArgumentException($"kinematics scratch smaller than {Atoms} atoms / {Frames} frames");
    }

    /// <summary>Conformation gradient from atom gradients (see <see cref="KinematicsCore.Project"/>).</summary>
    public void Project(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z,
        ReadOnlySpan<float> gx, ReadOnlySpan<float> gy, ReadOnlySpan<float> gz, Span<float> fs, Span<float> grad) =>
        KinematicsCore.Project(new IntArray(FrameOf), new IntArray(FrameParent), Atoms, Frames, new SpanTable(x),
            new SpanTable(y), new SpanTable(z), new SpanTable(gx),
            new SpanTable(gy), new SpanTable(gz), new SpanBuffer(fs), new SpanBuffer(grad));

    /// <summary>conf ← conf + α·p (position added, orientation rotated by the rotation vector, torsions wrapped to ±π).</summary>
    public static void Increment(Span<float> conf, ReadOnlySpan<float> p, float alpha) =>
        KinematicsCore.Increment(new SpanBuffer(conf), conf.Length, new SpanTable(p), alpha);

    public static float WrapAngle(float a) => KinematicsCore.WrapAngle(a);
}
