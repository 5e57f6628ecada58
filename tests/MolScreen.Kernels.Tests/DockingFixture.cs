using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

namespace MolScreen.Kernels.Tests;

/// <summary>
/// The small search the device-path tests compare with the CPU engine: 1p62's crystal ligand in a 12 Å box, 2 chains of
/// 6 steps (short enough for the CPU accelerator, long enough that every kernel stage runs).
/// </summary>
internal static class DockingFixture
{
    public static (DockingEngine Engine, LigandModel Ligand, DockingOptions Options) Small1p62()
    {
        string dir = SharedData.Require("adgpu-set42", "1p62");
        var receptor = ReceptorReader.Read(Path.Combine(dir, "protein.pdbqt"));
        var lig = LigandReader.Read(Path.Combine(dir, "flex-xray.pdbqt"));
        var box = GridBox.FromLigand(lig, padding: 0, minSide: 12f) with { SizeX = 12, SizeY = 12, SizeZ = 12 };
        return (new DockingEngine(receptor, box, ScoringWeights.Vina), lig, new DockingOptions { Exhaustiveness = 2, Seed = 3, Steps = 6 });
    }

    /// <summary>Same evaluation count and, pose by pose, the same score and coordinates to the bit.</summary>
    public static void AssertSamePoses(DockingResult expected, DockingResult actual)
    {
        Assert.Equal(expected.Evaluations, actual.Evaluations);
        Assert.Equal(expected.Poses.Count, actual.Poses.Count);
        for (int k = 0; k < expected.Poses.Count; k++)
        {
            Assert.Equal(expected.Poses[k].Score, actual.Poses[k].Score);
            Assert.Equal(expected.Poses[k].X, actual.Poses[k].X);
            Assert.Equal(expected.Poses[k].Y, actual.Poses[k].Y);
            Assert.Equal(expected.Poses[k].Z, actual.Poses[k].Z);
        }
    }
}
