using ILGPU;
using ILGPU.Runtime;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;
using MolScreen.Kernels.Docking;
using Xunit.Abstractions;

namespace MolScreen.Kernels.Tests;

/// <summary>
/// One energy evaluation of a chain's lane group (<see cref="GroupObjective"/>) on ILGPU's CPU accelerator against
/// <see cref="PoseEnergy.Eval"/>: three ligands of one batch (atom and pair counts that are not multiples of the lane
/// counts), random poses in and around a small box, search caps and near-uncapped ones. Energy and gradient must be the
/// CPU's bit for bit on every lane, which fails on a lane that skips or repeats a term and on any other summation order.
/// </summary>
public sealed class GroupObjectiveTests(ITestOutputHelper log)
{
    const int PosesPerLigand = 8;

    /// <param name="layout">state per conformation: conf at 0 (confStride floats), gradient after it</param>
    static void EvalKernel(LigandBatchView batch, MapsView maps, WeightsArg weights, ScratchLayout scratchLayout, LaneGroupLayout group,
        ArrayView<float> scratch, ArrayView<float> share, ArrayView<float> state, Index2D layout, ArrayView<float> caps,
        ArrayView<float> energies)
    {
        int t = Grid.IdxX, lane = Group.IdxX, lanes = group.Lanes;
        int stateStride = layout.X + layout.Y;
        long stateBase = (long)t * lanes * stateStride + lane;
        var objective = new GroupObjective(batch, maps, weights.ToWeights(), t / PosesPerLigand, state, stateBase, scratch,
            (long)t * lanes * scratchLayout.Stride + lane, scratchLayout, share, (long)t * group.ShareStride, group, lane);
        energies[(long)t * lanes + lane] = objective.Eval(0, layout.X, caps[2 * t], caps[2 * t + 1]);
    }

    [SharedDataTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Every_lane_gets_the_cpu_energy_and_gradient_bit_for_bit(int lanes)
    {
        string dir = SharedData.Require("adgpu-set42", "1ac8");
        var receptor = ReceptorReader.Read(Path.Combine(dir, "protein.pdbqt"));
        var ligands = new[]
        {
            LigandReader.Read(Path.Combine(dir, "flex-xray.pdbqt")),
            LigandReader.Read(SharedData.Require("adgpu-set42", "1gkc", "flex-xray.pdbqt")),
            LigandReader.Read(SharedData.Require("adgpu-set42", "1t40", "flex-xray.pdbqt")),
        };
        foreach (var l in ligands) log.WriteLine($"{l.Name}: {l.AtomCount} atoms, {l.PairA.Length} pairs");
        Assert.Contains(ligands, l => l.AtomCount % 8 != 0);
        Assert.Contains(ligands, l => l.PairA.Length % 8 != 0);
        var box = GridBox.FromLigand(ligands[0], padding: 0, minSide: 8f) with { SizeX = 8, SizeY = 8, SizeZ = 8 };
        var table = new PairTable(ScoringWeights.Vina);
        var maps = GridMaps.Build(receptor, box, table, ligands.SelectMany(l => l.Xs));
        var kins = ligands.Select(l => new LigandKinematics(l)).ToList();

        using var device = new DockingAccelerator(preferGpu: false);
        using var dmaps = new DeviceMaps(device.Accelerator, maps, table);
        using var batch = new LigandBatch(device.Accelerator, ligands, kins);
        int confStride = batch.ConfStride, gradStride = batch.ConfStride - 1; // the largest ligand's conformation and gradient sizes
        int stateStride = confStride + gradStride, total = ligands.Length * PosesPerLigand;
        var rng = new Random(5);
        var confs = new float[total][];
        var caps = new float[2 * total];
        var hostState = new float[(long)total * lanes * stateStride];
        for (int t = 0; t < total; t++)
        {
            var c = confs[t] = new float[kins[t / PosesPerLigand].ConfSize];
            kins[t / PosesPerLigand].Initial(c);
            c[0] = box.CenterX + (float)(rng.NextDouble() - 0.5) * 10; // up to 1 Å beyond the box faces
            c[1] = box.CenterY + (float)(rng.NextDouble() - 0.5) * 10;
            c[2] = box.CenterZ + (float)(rng.NextDouble() - 0.5) * 10;
            for (int k = 3; k < 7; k++) c[k] = (float)(rng.NextDouble() * 2 - 1);
            float n = MathF.Sqrt(c[3] * c[3] + c[4] * c[4] + c[5] * c[5] + c[6] * c[6]);
            for (int k = 3; k < 7; k++) c[k] /= n;
            for (int k = 7; k < c.Length; k++) c[k] = (float)((rng.NextDouble() * 2 - 1) * Math.PI);
            (caps[2 * t], caps[2 * t + 1]) = t % 2 == 0 ? (MonteCarloCore.HuntIntra, MonteCarloCore.HuntInter) : (MonteCarloCore.Authentic, MonteCarloCore.Authentic);
            for (int lane = 0; lane < lanes; lane++)
                for (int k = 0; k < c.Length; k++) hostState[(long)t * lanes * stateStride + (long)k * lanes + lane] = c[k];
        }

        var acc = device.Accelerator;
        var scratchLayout = new ScratchLayout(batch.MaxAtoms, batch.MaxFrames);
        var group = new LaneGroupLayout(lanes, batch.MaxAtoms, batch.MaxPairs);
        using var scratch = acc.Allocate1D<float>((long)total * lanes * scratchLayout.Stride);
        using var share = acc.Allocate1D<float>((long)total * group.ShareStride);
        using var state = acc.Allocate1D(hostState);
        using var dCaps = acc.Allocate1D(caps);
        using var energies = acc.Allocate1D<float>((long)total * lanes);
        var kernel = acc.LoadStreamKernel<LigandBatchView, MapsView, WeightsArg, ScratchLayout, LaneGroupLayout, ArrayView<float>,
            ArrayView<float>, ArrayView<float>, Index2D, ArrayView<float>, ArrayView<float>>(EvalKernel);
        kernel(new KernelConfig(total, lanes), batch.View, dmaps.View, new WeightsArg(dmaps.Weights), scratchLayout, group, scratch.View,
            share.View, state.View, new Index2D(confStride, gradStride), dCaps.View, energies.View);
        acc.Synchronize();
        var gotState = state.GetAsArray1D();
        var gotEnergy = energies.GetAsArray1D();

        for (int t = 0; t < total; t++)
        {
            int l = t / PosesPerLigand;
            var grad = new float[kins[l].GradSize];
            float e = new PoseEnergy(ligands[l], kins[l], maps, table).Eval(confs[t], grad, new ChainWork(kins[l]), caps[2 * t], caps[2 * t + 1], out _);
            for (int lane = 0; lane < lanes; lane++)
            {
                Assert.True(Bits(e) == Bits(gotEnergy[t * lanes + lane]), $"pose {t} lane {lane}: energy {gotEnergy[t * lanes + lane]:R} vs CPU {e:R}");
                for (int k = 0; k < grad.Length; k++)
                {
                    float g = gotState[(long)t * lanes * stateStride + (long)(confStride + k) * lanes + lane];
                    Assert.True(Bits(grad[k]) == Bits(g), $"pose {t} lane {lane}: gradient[{k}] {g:R} vs CPU {grad[k]:R}");
                }
            }
        }
    }

    static int Bits(float v) => BitConverter.SingleToInt32Bits(v);
}
