using System.Diagnostics;
using System.Globalization;
using MolScreen.Chemistry;
using MolScreen.Chemistry.Conformers;
using MolScreen.Chemistry.OpenBabel;
using MolScreen.Testing;

namespace MolScreen.Bench;

/// <summary>
/// The 3D measurement of docs/benchmarks.md on a chosen set, as prepare builds them (standardized, canonical SMILES,
/// protonated at pH 7.4): per molecule, the plain first build (OBBuilder + 250 steps) and the checked build of
/// <see cref="ConformerBuilder"/>, each scored against the force field's converged minimum. Minutes of CPU; the CI
/// guard of the tuning-corpus figures is ConformerCorpusTests.
/// </summary>
public static class ConformerSurveyBenchmark
{
    private const int RelaxSteps = 2000;

    /// <summary>Runs the survey on <paramref name="set"/> (tuning or heldout); per-molecule rows go to <paramref name="tsvPath"/> when given.</summary>
    public static void Run(string set, string sharedData, string? tsvPath)
    {
        var inputs = set switch
        {
            "tuning" => ConformerInputs.NciFirst200AndDrugs(),
            "heldout" => ConformerInputs.HeldOut(Path.Combine(sharedData, "dude-ism-20")),
            _ => throw new ArgumentException($"--set {set}: expected tuning or heldout"),
        };
        var policy = new ConformerBuildPolicy();
        // Rows are written as they come, so a long run shows its progress.
        using var tsv = new StreamWriter(tsvPath ?? "/dev/null") { AutoFlush = true };
        tsv.WriteLine("name\tfirst_max_gradient\tfirst_dev_min\tfirst_clash\tfirst_stereo\tbuilds\textra_steps\tmax_gradient\tdev_min\tclash\tstereo\treject");
        var first = new Tally();
        var after = new Tally();
        int unreadable = 0, noFirst = 0, rescued = 0, missed = 0, needless = 0, rejected = 0, refinedOnly = 0, rebuilt = 0;
        var plain = new Stopwatch();
        var checks = new Stopwatch();
        foreach (var (name, read) in inputs)
        {
            // As the pipeline gets there: featurize standardizes and writes canonical SMILES, prepare reads those and
            // protonates. (Protonating a molecule read from a 2D molblock lost double-bond stereo that its 2D
            // coordinates defined: 5 of the tuning set failed the InChIKey check that way.)
            ObMolecule mol;
            try
            {
                string smiles;
                using (var raw = read()) { raw.Standardize(); smiles = raw.CanonicalSmiles; }
                mol = ObMolecule.FromSmiles(smiles);
                mol.Protonate(7.4);
            }
            catch (ChemistryException) { unreadable++; continue; }
            using (mol)
            {
                string key = mol.InChIKey;
                Conformer3D c0;
                plain.Start();
                try { c0 = mol.Generate3D(ForceField.Mmff94, 250); }
                catch (ChemistryException e)
                {
                    noFirst++;
                    tsv.WriteLine($"{name}\t\t\t\t\t\t\t\t\t\t\t{e.Message}");
                    continue;
                }
                finally { plain.Stop(); }
                // The plain first build is scored, then the checks continue from it: a first build they accept
                // unchanged is the prepared conformer, so one relaxation serves both readings.
                var q0 = ConformerQuality.Assess(c0, key, mol.RelaxedBondLengths(RelaxSteps).Lengths);
                bool firstOk = first.Add(q0);
                string row = name + F($"\t{c0.Strain!.MaxGradient:F3}\t{q0.MaxBondDeviationFromMinimum:F4}\t{q0.MinNonBondedHeavyDistance:F2}\t{q0.StereoPreserved}");
                checks.Start();
                try
                {
                    var build = ConformerBuilder.Continue(mol, c0, ForceField.Mmff94, 250, policy);
                    checks.Stop();
                    bool changed = build.Builds > 1 || build.ExtraSteps > 0;
                    var q = changed ? ConformerQuality.Assess(build.Conformer, key, mol.RelaxedBondLengths(RelaxSteps).Lengths) : q0;
                    bool ok = after.Add(q);
                    if (build.Builds > 1) rebuilt++;
                    else if (build.ExtraSteps > 0) refinedOnly++;
                    if (!firstOk && changed && ok) rescued++;
                    if (!firstOk && !changed) missed++;
                    if (firstOk && changed) needless++;
                    row += F($"\t{build.Builds}\t{build.ExtraSteps}\t{build.Conformer.Strain!.MaxGradient:F3}\t{q.MaxBondDeviationFromMinimum:F4}\t{q.MinNonBondedHeavyDistance:F2}\t{q.StereoPreserved}\t");
                }
                catch (ChemistryException e)
                {
                    checks.Stop();
                    rejected++;
                    row += $"\t\t\t\t\t\t\t{e.Message}";
                }
                tsv.WriteLine(row);
            }
        }
        Console.WriteLine($"{set}: {inputs.Count} inputs, {unreadable} unreadable");
        Console.WriteLine($"plain first build: {first.Count} conformers ({noFirst} failed), {first}; {first.Count / plain.Elapsed.TotalSeconds:F1} mol/s");
        Console.WriteLine($"checked build: {after.Count} prepared, {rejected} rejected, {after}; checks cost {checks.Elapsed.TotalSeconds:F1} s over the plain builds' {plain.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"refined only {refinedOnly}, rebuilt {rebuilt}; first builds failing the bar: {first.Count - first.All}, " +
                         $"rescued {rescued}, passed through unchanged {missed}; first builds already fine that the checks redid: {needless}");
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed class Tally
    {
        public int Count, Bonds, NoClash, Stereo, All;

        public bool Add(ConformerQuality q)
        {
            Count++;
            bool bonds = q.MaxBondDeviationFromMinimum <= 0.05, clash = q.MinNonBondedHeavyDistance >= 1.5;
            if (bonds) Bonds++;
            if (clash) NoClash++;
            if (q.StereoPreserved) Stereo++;
            bool all = bonds && clash && q.StereoPreserved;
            if (all) All++;
            return all;
        }

        private string P(int n) => (100.0 * n / Math.Max(1, Count)).ToString("F1", CultureInfo.InvariantCulture) + "%";

        public override string ToString() =>
            $"bonds within 0.05 Å of the converged minimum {P(Bonds)} ({Count - Bonds} miss), no clash {P(NoClash)}, same InChIKey {P(Stereo)}, all three {P(All)}";
    }
}
