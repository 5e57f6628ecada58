using MolScreen.Docking;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;
using MolScreen.Kernels.Docking;

namespace MolScreen.Kernels.Tests;

/// <summary>
/// What `molscreen dock --device ilgpu-cpu` runs: chains on the (emulated) device, merge/re-score/cluster on the host. With
/// the same seed and steps it must report exactly the CPU engine's poses; a ligand the search cannot take is reported
/// with its reason while the others are docked.
/// </summary>
public sealed class GpuDockingSessionTests
{
    [SharedDataFact]
    public void Session_reports_the_cpu_engine_poses_and_names_bad_ligands()
    {
        var (engine, lig, options) = DockingFixture.Small1p62();
        // a ligand whose first torsion axis has coincident atoms: LigandKinematics refuses it
        var broken = WithCoincidentAxis(lig);

        using var session = GpuDockingSession.Open("ilgpu-cpu")!;
        Assert.False(session.IsGpu);
        var got = session.Dock(engine, [lig, broken], options);
        var cpu = engine.Dock(lig, options);

        Assert.NotNull(got[0].Result);
        var poses = got[0].Result!.Poses;
        Assert.Equal(cpu.Poses.Count, poses.Count);
        for (int k = 0; k < poses.Count; k++)
        {
            Assert.Equal(cpu.Poses[k].Score, poses[k].Score, 3);
            Assert.Equal(cpu.Poses[k].X, poses[k].X);
        }
        Assert.Equal(cpu.Evaluations, got[0].Result!.Evaluations);
        Assert.Null(got[1].Result);
        Assert.Contains("torsion axis", got[1].Error);
    }

    [SharedDataFact]
    public void Host_merge_over_ligands_in_parallel_gives_the_same_bytes_as_one_thread()
    {
        string dir = SharedData.Require("adgpu-set42", "1p62");
        var receptor = ReceptorReader.Read(Path.Combine(dir, "protein.pdbqt"));
        var a = LigandReader.Read(Path.Combine(dir, "flex-xray.pdbqt"));
        var b = LigandReader.Read(SharedData.Require("adgpu-set42", "1owe", "flex-xray.pdbqt"));
        var box = GridBox.FromLigand(a, padding: 0, minSide: 12f) with { SizeX = 12, SizeY = 12, SizeZ = 12 };
        // a fresh engine per run: the lazy Vinardo and per-term tables are then built while ligands race for them
        DockingEngine Engine() => new(receptor, box, ScoringWeights.Vina);
        var options = new DockingOptions { Exhaustiveness = 2, Seed = 5, Steps = 4 };
        LigandModel[] ligands = [a, b, a, b, a, b];

        using var session = GpuDockingSession.Open("ilgpu-cpu")!;
        var one = session.Dock(Engine(), ligands, options with { MaxThreads = 1 });
        var many = session.Dock(Engine(), ligands, options with { MaxThreads = 6 });

        for (int i = 0; i < ligands.Length; i++)
        {
            var (p, q) = (one[i].Result!, many[i].Result!);
            Assert.Equal(p.Evaluations, q.Evaluations);
            Assert.Equal(p.Poses.Count, q.Poses.Count);
            Assert.NotEmpty(p.Poses);
            for (int k = 0; k < p.Poses.Count; k++)
            {
                Assert.Equal(Bytes(p.Poses[k]), Bytes(q.Poses[k]));
            }
            Assert.Equal(p.Candidates.Select(c => c.VinardoInter), q.Candidates.Select(c => c.VinardoInter));
        }
    }

    static byte[] Bytes(DockedPose p) =>
        new[] { p.Score, p.Inter, p.Intra, p.RmsdLb, p.RmsdUb }.Concat(p.Terms).Concat(p.X).Concat(p.Y).Concat(p.Z)
            .SelectMany(BitConverter.GetBytes).ToArray();

    [Fact]
    public void Gpu_device_without_cuda_is_a_clear_error_and_cpu_selects_the_cpu_engine()
    {
        Assert.Null(GpuDockingSession.Open("cpu"));
        Assert.Throws<DockingException>(() => GpuDockingSession.Open("tpu"));
        if (!DockingAccelerator.CudaAvailable())
        {
            Assert.Null(GpuDockingSession.Open("auto"));
            var e = Assert.Throws<DockingException>(() => GpuDockingSession.Open("gpu"));
            Assert.Contains("no CUDA device", e.Message);
        }
    }

    static LigandModel WithCoincidentAxis(LigandModel lig)
    {
        Assert.True(lig.FrameCount > 1, "the test ligand needs a torsion");
        var x = (float[])lig.X.Clone(); var y = (float[])lig.Y.Clone(); var z = (float[])lig.Z.Clone();
        int o = lig.FrameOrigin[1], b = lig.AxisBegin[1];
        x[o] = x[b]; y[o] = y[b]; z[o] = z[b];
        return new LigandModel
        {
            Name = "broken", X = x, Y = y, Z = z, Ad = lig.Ad, Xs = lig.Xs, FrameOf = lig.FrameOf, FrameParent = lig.FrameParent,
            FrameOrigin = lig.FrameOrigin, AxisBegin = lig.AxisBegin, PairA = lig.PairA, PairB = lig.PairB, PairType = lig.PairType,
            PairGlued = lig.PairGlued, Bonds = lig.Bonds, NumTors = lig.NumTors, Torsdof = lig.Torsdof, PdbqtLines = lig.PdbqtLines,
            LineAtom = lig.LineAtom, AtomNames = lig.AtomNames,
        };
    }
}
