using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;
using MolScreen.Kernels.Docking;
using Xunit.Abstractions;

namespace MolScreen.Kernels.Tests;

/// <summary>
/// The Monte Carlo docking kernel on ILGPU's CPU accelerator against the CPU chain: two flexible ligands of different sizes
/// (4 and 3 torsions) in one launch, two chains each, a short quick-mode run (12 global steps, the real BFGS budget). Same seed and chain → the same saved minima
/// (energies within 1e-3 kcal/mol, conformations within 1e-3), because both run MonteCarloCore with the same generator.
/// </summary>
public sealed class GpuDockerTests(ITestOutputHelper log)
{
    [SharedDataFact]
    public void Kernel_chains_reproduce_the_cpu_chains()
    {
        string dir = SharedData.Require("adgpu-set42", "1p62");
        var receptor = ReceptorReader.Read(Path.Combine(dir, "protein.pdbqt"));
        var ligands = new[]
        {
            LigandReader.Read(Path.Combine(dir, "flex-xray.pdbqt")),
            LigandReader.Read(SharedData.Require("adgpu-set42", "1owe", "flex-xray.pdbqt")),
        };
        var box = GridBox.FromLigand(ligands[0], padding: 0, minSide: 12f) with { SizeX = 12, SizeY = 12, SizeZ = 12 };
        var table = new PairTable(ScoringWeights.Vina);
        var maps = GridMaps.Build(receptor, box, table, ligands.SelectMany(l => l.Xs));
        // quick mode, so the kernel also runs the visited-point history and the patience stop (balance's plain search is
        // covered by GpuDockingSessionTests)
        var options = new DockingOptions { Exhaustiveness = 2, Seed = 7, Mode = SearchMode.Quick };
        const int steps = 12;

        using var device = new DockingAccelerator(preferGpu: false);
        using var dmaps = new DeviceMaps(device.Accelerator, maps, table);
        var gpu = new GpuDocker(device, dmaps).Run(ligands, options with { Steps = steps });

        int compared = 0;
        float worst = 0;
        for (int l = 0; l < ligands.Length; l++)
        {
            var kin = new LigandKinematics(ligands[l]);
            var energy = new PoseEnergy(ligands[l], kin, maps, table);
            int[] heavy = LigandBatch.HeavyAtoms(ligands[l]);
            int cpuEvals = 0;
            for (int c = 0; c < options.Exhaustiveness; c++)
            {
                var chain = new MonteCarloChain(energy, heavy);
                var cpu = chain.Run(options.Seed, c, steps, DockingEngine.LocalSteps(ligands[l]), DockingEngine.PatienceSteps(steps, options), options.MinRmsd, options.NumPoses, options.SkipVisited);
                cpuEvals += chain.Evaluations;
                var g = gpu[l].PerChain[c];
                Assert.Equal(cpu.Count, g.Count);
                for (int k = 0; k < cpu.Count; k++)
                {
                    worst = MathF.Max(worst, MathF.Abs(cpu[k].Energy - g[k].Energy));
                    for (int i = 0; i < cpu[k].Conf.Length; i++) Assert.True(MathF.Abs(cpu[k].Conf[i] - g[k].Conf[i]) <= 1e-3f, $"ligand {l} chain {c} minimum {k} conf[{i}]");
                    compared++;
                }
            }
            Assert.Equal(cpuEvals, gpu[l].Evaluations);
            log.WriteLine($"{ligands[l].Name}: best {gpu[l].PerChain.Min(p => p[0].Energy):F3}, {gpu[l].Evaluations} evaluations");
        }
        log.WriteLine($"{compared} minima compared, max |Δenergy| = {worst:E2}");
        Assert.True(compared >= 4);
        Assert.All(ligands, l => Assert.True(l.TorsionCount > 0));
        Assert.True(worst <= 1e-3f, $"max energy difference {worst}");
    }
}
