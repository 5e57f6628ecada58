using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

namespace MolScreen.Docking.Tests;

/// <summary>The analytic conformation gradient (position, rotation, torsions) against central finite differences.</summary>
public sealed class GradientTests
{
    [SharedDataFact]
    public void Analytic_gradient_matches_finite_differences()
    {
        var c = Complex.Get("1p62");
        var lig = LigandReader.Read(c.Ligand);
        var receptor = ReceptorReader.Read(c.Receptor);
        var box = GridBox.FromLigand(lig);
        var table = new PairTable(ScoringWeights.Vina);
        var maps = GridMaps.Build(receptor, box, table, lig.Xs);
        var kin = new LigandKinematics(lig);
        var energy = new PoseEnergy(lig, kin, maps, table);
        var work = new ChainWork(kin);
        var conf = new float[kin.ConfSize];
        kin.Initial(conf);
        // move away from the crystal minimum so every component has a slope
        var p = new float[kin.GradSize];
        for (int k = 0; k < p.Length; k++) p[k] = 0.05f * ((k % 3) - 1) + 0.02f;
        LigandKinematics.Increment(conf, p, 1f);
        var grad = new float[kin.GradSize];
        energy.Eval(conf, grad, work, 1000f, 1000f, out _);
        const float h = 1e-3f;
        for (int k = 0; k < kin.GradSize; k++)
        {
            var dir = new float[kin.GradSize];
            dir[k] = 1;
            var plus = (float[])conf.Clone(); LigandKinematics.Increment(plus, dir, h);
            var minus = (float[])conf.Clone(); LigandKinematics.Increment(minus, dir, -h);
            float ep = energy.Eval(plus, [], work, 1000f, 1000f, out _);
            float em = energy.Eval(minus, [], work, 1000f, 1000f, out _);
            float numeric = (ep - em) / (2 * h);
            Assert.True(MathF.Abs(numeric - grad[k]) < 0.05f + 0.05f * MathF.Abs(numeric), $"component {k}: analytic {grad[k]}, numeric {numeric}");
        }
    }
}
