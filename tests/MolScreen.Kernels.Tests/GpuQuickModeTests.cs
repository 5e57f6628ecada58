using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;
using MolScreen.Kernels.Docking;
using Xunit.Abstractions;

namespace MolScreen.Kernels.Tests;

/// <summary>
/// Quick mode on the device runs in rounds with the cross-chain rule, as the CPU engine does: on ILGPU's CPU accelerator
/// both kernels must stop the same chains at the same steps and so give the CPU engine's poses and evaluation counts bit
/// for bit. The rule is loosened (any two chains within 4 kcal/mol agree, wherever their poses) so that a stop happens
/// within the short test budget.
/// </summary>
public sealed class GpuQuickModeTests(ITestOutputHelper log)
{
    [SharedDataTheory]
    [InlineData(1)]
    [InlineData(2)]
    public void Device_rounds_stop_the_chains_the_cpu_engine_stops(int lanes)
    {
        string dir = SharedData.Require("adgpu-set42", "1p62");
        var receptor = ReceptorReader.Read(Path.Combine(dir, "protein.pdbqt"));
        LigandModel[] ligands =
        [
            LigandReader.Read(Path.Combine(dir, "flex-xray.pdbqt")),
            LigandReader.Read(SharedData.Require("adgpu-set42", "1owe", "flex-xray.pdbqt")),
        ];
        var box = GridBox.FromLigand(ligands[0], padding: 0, minSide: 12f) with { SizeX = 12, SizeY = 12, SizeZ = 12 };
        var engine = new DockingEngine(receptor, box, ScoringWeights.Vina);
        const int steps = 16;
        var options = new DockingOptions
        {
            Exhaustiveness = 4, Seed = 11, Mode = SearchMode.Quick, Steps = steps, ConsensusRound = 0.25f, ConsensusRmsd = 100f,
            ConsensusEnergy = 4f, MaxThreads = 1,
        };
        Assert.True(options.Consensus > 0f && options.Patience > 0f && options.SkipVisited);

        using var device = new DockingAccelerator(preferGpu: false);
        using var dmaps = new DeviceMaps(device.Accelerator, engine.MapsFor(ligands), engine.Tables.Weighted);
        var docker = new GpuDocker(device, dmaps, lanes);
        var gpu = docker.Run(ligands, options);
        Assert.True(docker.Launches > 1, $"{docker.Launches} launches");

        int stoppedEarly = 0;
        for (int l = 0; l < ligands.Length; l++)
        {
            var lig = ligands[l];
            log.WriteLine($"{lig.Name}: " + string.Join(", ", gpu[l].Progress.Select(p => $"step {p.Step}{(p.Ended != 0 ? " (patience)" : "")}")));
            var cpu = engine.Dock(lig, options);
            var got = engine.Finish(lig, gpu[l].PerChain, gpu[l].Evaluations, options, 0);
            Assert.Equal(cpu.Evaluations, got.Evaluations);
            Assert.Equal(cpu.Poses.Count, got.Poses.Count);
            for (int k = 0; k < cpu.Poses.Count; k++)
            {
                Assert.Equal(Bits(cpu.Poses[k].Score), Bits(got.Poses[k].Score));
                Assert.Equal(cpu.Poses[k].X.Select(Bits), got.Poses[k].X.Select(Bits));
                Assert.Equal(cpu.Poses[k].Y.Select(Bits), got.Poses[k].Y.Select(Bits));
                Assert.Equal(cpu.Poses[k].Z.Select(Bits), got.Poses[k].Z.Select(Bits));
            }
            Assert.Equal(cpu.Candidates.Select(c => (c.Chains, c.Minima)), got.Candidates.Select(c => (c.Chains, c.Minima)));

            // each chain, replayed alone on the CPU for the steps it ran on the device, holds the same minima
            var energy = new PoseEnergy(lig, new LigandKinematics(lig), engine.MapsFor([lig]), engine.Tables.Weighted);
            int evaluations = 0;
            for (int c = 0; c < options.Exhaustiveness; c++)
            {
                var p = gpu[l].Progress[c];
                var chain = new MonteCarloChain(energy, LigandBatch.HeavyAtoms(lig));
                chain.Start(options.Seed, c, DockingEngine.LocalSteps(lig), DockingEngine.PatienceSteps(steps, options), options.MinRmsd,
                    options.NumPoses, options.SkipVisited);
                chain.Advance(p.Step);
                evaluations += chain.Evaluations;
                var want = chain.Minima();
                Assert.Equal(want.Count, gpu[l].PerChain[c].Count);
                for (int k = 0; k < want.Count; k++)
                {
                    Assert.Equal(Bits(want[k].Energy), Bits(gpu[l].PerChain[c][k].Energy));
                    Assert.Equal(want[k].Heavy.Select(Bits), gpu[l].PerChain[c][k].Heavy.Select(Bits));
                }
                if (p.Step < steps && p.Ended == 0) stoppedEarly++;
            }
            Assert.Equal(gpu[l].Evaluations, evaluations);
        }
        Assert.True(stoppedEarly > 0, "no chain was stopped by the cross-chain rule");
    }

    static int Bits(float v) => BitConverter.SingleToInt32Bits(v);
}
