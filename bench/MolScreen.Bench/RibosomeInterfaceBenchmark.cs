using MolScreen.Core.Structures;
using MolScreen.Interactions;
using MolScreen.Interactions.Interface;

namespace MolScreen.Bench;

/// <summary>
/// `ribosome-interface`: the default interface model on ribosomal proteins of 6ZU5, each cut out with its rRNA as
/// `molscreen target cut` does, against the geometric interface: how much better than the base rate (a random pick)
/// the predicted residues are, and how far the two whole-interface boxes' centres lie apart.
/// </summary>
public static class RibosomeInterfaceBenchmark
{
    public static void Run(string cif, string models, IReadOnlyList<string> chains)
    {
        var s = MmcifReader.Read(cif);
        var predictor = RnaBindingPredictor.Load(models);
        Console.WriteLine($"{"chain",-6} {"residues",8} {"interface",9} {"base",5} {"predicted",9} {"precision",9} {"lift",5} {"recall",6} {"box shift Å",11}");
        foreach (var chain in chains)
        {
            var cut = ComplexCut.Cut(s, chain, 10);
            var protein = cut.Protein.Where(r => r.Kind == ResidueKind.Protein).ToList();
            var truth = RnaInterface.Compute(new MacromolecularStructure(chain, [.. protein, .. cut.Rna])).Select(r => r.Contacts).ToList();
            // the per-residue model reads the protein only; the RNA sequence feeds the pair score, not these labels
            var predicted = predictor.Predict(new MacromolecularStructure(chain, protein)).Residues.Select(r => r.Interface).ToList();
            int tp = truth.Zip(predicted).Count(t => t.First && t.Second), nTrue = truth.Count(t => t), nPred = predicted.Count(p => p);
            double baseRate = (double)nTrue / protein.Count, precision = nPred > 0 ? (double)tp / nPred : 0;
            var shift = Distance(Centre(protein.Where((_, i) => truth[i])), Centre(protein.Where((_, i) => predicted[i])));
            Console.WriteLine($"{chain,-6} {protein.Count,8} {nTrue,9} {baseRate,5:F2} {nPred,9} {precision,9:F2} {precision / baseRate,5:F2} {(double)tp / nTrue,6:F2} {shift,11:F1}");
        }
    }

    /// <summary>Centre of the heavy atoms' extent, as TargetBuilder.AroundInterface centres the box.</summary>
    static (double X, double Y, double Z) Centre(IEnumerable<StructureResidue> residues)
    {
        var a = residues.SelectMany(r => r.HeavyAtoms).ToList();
        if (a.Count == 0) return (double.NaN, double.NaN, double.NaN);
        return ((a.Min(p => p.X) + a.Max(p => p.X)) / 2, (a.Min(p => p.Y) + a.Max(p => p.Y)) / 2, (a.Min(p => p.Z) + a.Max(p => p.Z)) / 2);
    }

    static double Distance((double X, double Y, double Z) p, (double X, double Y, double Z) q) =>
        Math.Sqrt((p.X - q.X) * (p.X - q.X) + (p.Y - q.Y) * (p.Y - q.Y) + (p.Z - q.Z) * (p.Z - q.Z));
}
