using System.Diagnostics;
using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Interface;
using MolScreen.Interactions.Learning;

namespace MolScreen.Bench;

/// <summary>
/// `rpi-interface`: per-residue RNA-interface prediction on PRDB v3 bound complexes, 5 folds over complexes. The
/// baseline row ranks residues by Arg+Lys minus Asp+Glu within 12 Å alone, the classic electrostatic heuristic.
/// </summary>
public static class RpiInterfaceBenchmark
{
    public static void Run(string sharedData, MlpOptions options, int foldSeed)
    {
        var sw = Stopwatch.StartNew();
        var (complexes, skipped) = InterfaceComplex.LoadDirectory(Path.Combine(sharedData, "prdbv3-subset", "bound"));
        foreach (var why in skipped) Console.WriteLine($"skipped {why}");
        var load = sw.Elapsed.TotalSeconds;
        var cv = InterfaceTraining.CrossValidate(complexes, 5, foldSeed, options);
        string F(Func<BinaryMetrics, double> m) { var (mu, sd) = cv.Folds.Of(m); return $"{mu:F3} ± {sd:F3}"; }
        Console.WriteLine($"complexes {cv.Complexes}, protein residues {cv.Residues}, interface residues {cv.InterfaceResidues} ({100.0 * cv.InterfaceResidues / cv.Residues:F1}%), read+label+featurize {load:F1} s");
        Console.WriteLine($"{"case",-28} {"roc_auc",-15} {"mcc",-15} {"sensitivity",-15} {"specificity",-15} {"seconds",7}");
        Console.WriteLine($"{"model, per fold",-28} {F(m => m.RocAuc),-15} {F(m => m.Mcc),-15} {F(m => m.Sensitivity),-15} {F(m => m.Specificity),-15} {sw.Elapsed.TotalSeconds - load,7:F1}");
        Console.WriteLine($"{"model, pooled residues",-28} {cv.Pooled.RocAuc,-15:F3} {cv.Pooled.Mcc,-15:F3} {cv.Pooled.Sensitivity,-15:F3} {cv.Pooled.Specificity,-15:F3}");
        var charge = complexes.SelectMany(c => c.Features.Select(f => f[69])).ToList();
        var labels = complexes.SelectMany(c => c.Residues.Select(r => r.Contacts)).ToList();
        Console.WriteLine($"{"baseline: net charge 12 Å",-28} {BinaryMetrics.ComputeRocAuc(charge, labels),-15:F3}");
    }
}
