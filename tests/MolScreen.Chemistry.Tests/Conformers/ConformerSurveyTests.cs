using System.Diagnostics;
using System.Globalization;
using System.Text;
using MolScreen.Chemistry.Conformers;
using MolScreen.Chemistry.OpenBabel;
using MolScreen.Chemistry.Tests.OpenBabel;
using Xunit.Abstractions;

namespace MolScreen.Chemistry.Tests.Conformers;

/// <summary>
/// The 3D measurement of docs/benchmarks.md on a chosen set, as prepare builds them (protonated at pH 7.4):
/// per molecule, the plain first build (OBBuilder + 250 steps) and the checked build of
/// <see cref="ConformerBuilder"/>, each scored against the force field's converged minimum. Minutes of CPU,
/// so it runs only when asked: MOLSCREEN_CONFORMER_SURVEY=tuning|heldout, optional
/// MOLSCREEN_CONFORMER_SURVEY_TSV=FILE for the per-molecule rows.
/// </summary>
[Collection(OpenBabelCollection.Name)]
public class ConformerSurveyTests(ITestOutputHelper output)
{
    private const int RelaxSteps = 2000;

    [Fact]
    public void SurveyOnRequest()
    {
        string? set = Environment.GetEnvironmentVariable("MOLSCREEN_CONFORMER_SURVEY");
        if (string.IsNullOrEmpty(set)) return;
        var inputs = set switch
        {
            "tuning" => ConformerInputs.NciFirst200AndDrugs(),
            "heldout" => ConformerInputs.HeldOut(),
            _ => throw new ArgumentException($"MOLSCREEN_CONFORMER_SURVEY={set}: expected tuning or heldout"),
        };
        var policy = new ConformerBuildPolicy();
        var tsv = new StringBuilder("name\tfirst_max_gradient\tfirst_dev_min\tfirst_clash\tfirst_stereo\tbuilds\textra_steps\tmax_gradient\tdev_min\tclash\tstereo\treject\n");
        var first = new Tally();
        var after = new Tally();
        int unreadable = 0, noFirst = 0, rescued = 0, rejected = 0, refinedOnly = 0, rebuilt = 0;
        var plain = new Stopwatch();
        var checkedBuild = new Stopwatch();
        foreach (var (name, read) in inputs)
        {
            ObMolecule mol;
            try { mol = read(); mol.Protonate(7.4); }
            catch (ChemistryException) { unreadable++; continue; }
            using (mol)
            {
                string key = mol.InChIKey;
                string row = name;
                bool firstOk;
                plain.Start();
                try
                {
                    var c0 = mol.Generate3D(ForceField.Mmff94, 250);
                    plain.Stop();
                    var q0 = ConformerQuality.Assess(c0, key, mol.RelaxedBondLengths(RelaxSteps).Lengths);
                    firstOk = first.Add(q0);
                    row += F($"\t{c0.Strain!.MaxGradient:F3}\t{q0.MaxBondDeviationFromMinimum:F4}\t{q0.MinNonBondedHeavyDistance:F2}\t{q0.StereoPreserved}");
                }
                catch (ChemistryException)
                {
                    plain.Stop();
                    noFirst++;
                    firstOk = false;
                    row += "\t\t\t\t";
                }
                checkedBuild.Start();
                try
                {
                    var build = ConformerBuilder.Build(mol, ForceField.Mmff94, 250, policy);
                    checkedBuild.Stop();
                    var q = ConformerQuality.Assess(build.Conformer, key, mol.RelaxedBondLengths(RelaxSteps).Lengths);
                    after.Add(q);
                    if (build.Builds > 1) rebuilt++;
                    else if (build.ExtraSteps > 0) refinedOnly++;
                    if (!firstOk && (build.Builds > 1 || build.ExtraSteps > 0)) rescued++;
                    row += F($"\t{build.Builds}\t{build.ExtraSteps}\t{build.Conformer.Strain!.MaxGradient:F3}\t{q.MaxBondDeviationFromMinimum:F4}\t{q.MinNonBondedHeavyDistance:F2}\t{q.StereoPreserved}\t");
                }
                catch (ChemistryException e)
                {
                    checkedBuild.Stop();
                    rejected++;
                    row += $"\t\t\t\t\t\t\t{e.Message}";
                }
                tsv.Append(row).Append('\n');
            }
        }
        if (Environment.GetEnvironmentVariable("MOLSCREEN_CONFORMER_SURVEY_TSV") is { Length: > 0 } path)
            File.WriteAllText(path, tsv.ToString());
        output.WriteLine($"{set}: {inputs.Count} inputs, {unreadable} unreadable");
        output.WriteLine($"plain first build: {first.Count} conformers ({noFirst} failed), {first}; {first.Count / plain.Elapsed.TotalSeconds:F1} mol/s");
        output.WriteLine($"checked build: {after.Count} prepared, {rejected} rejected, {after}; {after.Count / checkedBuild.Elapsed.TotalSeconds:F1} mol/s");
        output.WriteLine($"refined only {refinedOnly}, rebuilt {rebuilt}; first builds failing the bar that the checked build rescued: {rescued}");
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
