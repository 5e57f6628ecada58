using ILGPU;
using ILGPU.Runtime;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

namespace MolScreen.Kernels.Docking;

/// <summary>Energy of one pose as the search sees it (uncapped up to Vina's 1000): total = inter + intra.</summary>
public readonly record struct PoseEnergyResult(float Total, float Inter, float Intra);

/// <summary>
/// Host side of <see cref="PoseScoreKernel"/>: scores many ligands × poses in one launch against maps already on the device.
/// The numbers are those of <see cref="PoseEnergy.Eval"/> with caps 1000 (the same code runs on both sides).
/// </summary>
public sealed class GpuPoseScorer(DockingAccelerator device, DeviceMaps maps)
{
    readonly Action<Index1D, LigandBatchView, MapsView, WeightsArg, ArrayView<float>, int, int, ScratchLayout, ArrayView<float>, ArrayView<float>> _kernel =
        device.Accelerator.LoadAutoGroupedStreamKernel<Index1D, LigandBatchView, MapsView, WeightsArg, ArrayView<float>, int, int,
            ScratchLayout, ArrayView<float>, ArrayView<float>>(PoseScoreKernel.Score);

    /// <param name="poses">per ligand, its poses as conformations [px, py, pz, qw, qx, qy, qz, θ…]; every ligand the same count</param>
    public PoseEnergyResult[][] Score(IReadOnlyList<LigandModel> ligands, IReadOnlyList<float[][]> poses)
    {
        if (ligands.Count != poses.Count) throw new ArgumentException("one pose list per ligand");
        if (ligands.Count == 0) return [];
        int per = poses[0].Length;
        if (per == 0 || poses.Any(p => p.Length != per)) throw new ArgumentException("every ligand needs the same, non-zero number of poses");
        var kins = ligands.Select(l => new LigandKinematics(l)).ToList();
        var acc = device.Accelerator;
        using var batch = new LigandBatch(acc, ligands, kins);
        int stride = batch.ConfStride, n = ligands.Count * per;
        var confs = new float[(long)n * stride];
        for (int l = 0; l < ligands.Count; l++)
            for (int p = 0; p < per; p++)
            {
                var c = poses[l][p];
                if (c.Length != kins[l].ConfSize) throw new ArgumentException($"ligand {ligands[l].Name}: pose {p} has {c.Length} values, expected {kins[l].ConfSize}");
                c.CopyTo(confs, ((long)l * per + p) * stride);
            }
        var layout = new ScratchLayout(batch.MaxAtoms, batch.MaxFrames);
        using var dConfs = acc.Allocate1D(confs);
        using var scratch = acc.Allocate1D<float>((long)n * layout.Stride);
        using var output = acc.Allocate1D<float>(3L * n);
        _kernel(n, batch.View, maps.View, new WeightsArg(maps.Weights), dConfs.View, stride, per, layout, scratch.View, output.View);
        acc.Synchronize();
        var o = output.GetAsArray1D();
        var result = new PoseEnergyResult[ligands.Count][];
        for (int l = 0; l < ligands.Count; l++)
        {
            result[l] = new PoseEnergyResult[per];
            for (int p = 0; p < per; p++)
            {
                long k = 3L * (l * per + p);
                result[l][p] = new PoseEnergyResult(o[k], o[k + 1], o[k + 2]);
            }
        }
        return result;
    }
}
