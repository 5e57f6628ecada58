using System.Globalization;
using System.Text;
using MolScreen.Chemistry.Conformers;
using MolScreen.Chemistry.OpenBabel;
using MolScreen.Chemistry.Tests.OpenBabel;

namespace MolScreen.Chemistry.Tests.Conformers;

/// <summary>The settledness detector, the refinement and the bounded rebuilds of <see cref="ConformerBuilder"/>.</summary>
[Collection(OpenBabelCollection.Name)]
public class ConformerBuilderTests
{
    private const string MethylBiphenyl = "Cc1ccccc1-c1ccccc1";

    [Fact]
    public void AMangledPoseIsUnsettledFarFromItsMinimumAndRefiningSettlesIt()
    {
        // A hand-made bad build: a good conformer of 2-methylbiphenyl with the second ring's ipso carbon
        // pushed 0.4 Å off its place, the kind of strain a tangled OBBuilder structure is left with.
        string molblock;
        using (var built = ObMolecule.FromSmiles(MethylBiphenyl))
        {
            var good = built.Generate3D();
            var xyz = (double[])good.Coordinates.Clone();
            xyz[3 * 7] += 0.25; xyz[3 * 7 + 1] -= 0.2; xyz[3 * 7 + 2] += 0.25;
            molblock = Molblock(good, xyz);
        }
        using var mol = ObMolecule.FromMolblock(molblock);
        string key = mol.InChIKey;
        var policy = new ConformerBuildPolicy();
        var mangled = mol.ConformerFromInput();

        Assert.False(ConformerBuilder.Settled(mangled, policy), $"{mangled.Strain}");
        Assert.StartsWith("not settled", ConformerBuilder.Defect(mangled, key, policy));
        // What the detector stands in for: further minimization moves some bond by more than 0.05 Å.
        var mangledQuality = ConformerQuality.Assess(mangled, key, mol.RelaxedBondLengths(2000).Lengths);
        Assert.True(mangledQuality.MaxBondDeviationFromMinimum > 0.05, $"{mangledQuality}");

        var refined = mol.RefineConformer(policy.RefineSteps);
        Assert.True(ConformerBuilder.Settled(refined, policy), $"{refined.Strain}");
        Assert.Equal("", ConformerBuilder.Defect(refined, key, policy));
        Assert.True(refined.Strain!.Energy < mangled.Strain!.Energy);
        var refinedQuality = ConformerQuality.Assess(refined, key, mol.RelaxedBondLengths(2000).Lengths);
        Assert.True(refinedQuality.MaxBondDeviationFromMinimum <= 0.05, $"{refinedQuality}");
    }

    [Fact]
    public void AFreshBuildIsSettledAndTakesOneBuild()
    {
        using var mol = ObMolecule.FromSmiles("CN[C@@H](C)[C@H](O)c1ccccc1");
        var build = ConformerBuilder.Build(mol, ForceField.Mmff94, 250, new ConformerBuildPolicy());
        Assert.Equal(1, build.Builds);
        Assert.True(build.Conformer.Strain!.MaxGradient <= new ConformerBuildPolicy().MaxGradient);
        Assert.Equal(mol.InChIKey, build.Conformer.InChIKeyFrom3D);
    }

    [Fact]
    public void TheSameMoleculeAndSeedGiveTheSameCoordinatesWhateverWasBuiltBefore()
    {
        // Open Babel's builder and force fields draw from the C library's rand(), seeded from the clock unless the shim
        // reseeds it per build: a build in between (another molecule, another seed, refinements) must not matter.
        static Conformer3D Build(string smiles, uint seed)
        {
            using var mol = ObMolecule.FromSmiles(smiles);
            var build = ConformerBuilder.Build(mol, ForceField.Mmff94, 250, new ConformerBuildPolicy(), seed);
            mol.RefineConformer(50);
            return build.Conformer;
        }
        const string Ephedrine = "CN[C@@H](C)[C@H](O)c1ccccc1";
        var a = Build(Ephedrine, 5);
        Build("CC(C)Cc1ccc(cc1)C(C)C(=O)O", 9);
        var b = Build(Ephedrine, 5);
        Assert.Equal(a.Coordinates, b.Coordinates);
        Assert.Equal(a.Strain, b.Strain);
        using var mol = ObMolecule.FromSmiles(Ephedrine);
        var first = mol.Generate3D(ForceField.Mmff94, 250, 11, perturbRotors: false);
        var refined = mol.RefineConformer(100);
        Assert.Equal(first.Coordinates, mol.Generate3D(ForceField.Mmff94, 250, 11, perturbRotors: false).Coordinates);
        Assert.Equal(refined.Coordinates, mol.RefineConformer(100).Coordinates);
        Assert.NotEqual(a.Coordinates, Build(Ephedrine, 6).Coordinates);
    }

    [Fact]
    public void SeededRebuildsStartFromOtherTorsionsAndKeepTheStereo()
    {
        using var mol = ObMolecule.FromSmiles("CN[C@@H](C)[C@H](O)c1ccccc1");
        // No minimization: the seeded torsions themselves are compared.
        var a = mol.Generate3D(ForceField.Mmff94, 0, 7, perturbRotors: true);
        var b = mol.Generate3D(ForceField.Mmff94, 0, 8, perturbRotors: true);
        var a2 = mol.Generate3D(ForceField.Mmff94, 0, 7, perturbRotors: true);
        Assert.Equal(mol.InChIKey, a.InChIKeyFrom3D);
        Assert.Equal(mol.InChIKey, b.InChIKeyFrom3D);
        // The N1-C2-C4-O5 torsion is drawn from the seed: another seed, another torsion; the same seed, the same
        // (up to the minimizer's first line-search step); bond lengths do not depend on it.
        // (Generate3D nudges every atom by < 0.01 Å and the minimizer's set-up takes a first steepest-descent step,
        // which moved the torsion by about 2 degrees.)
        double otherSeed = AngleBetween(Dihedral(a, 1, 2, 4, 5), Dihedral(b, 1, 2, 4, 5));
        double sameSeed = AngleBetween(Dihedral(a, 1, 2, 4, 5), Dihedral(a2, 1, 2, 4, 5));
        Assert.True(otherSeed > 20 && sameSeed < 8, $"other seed {otherSeed:F1} degrees apart, same seed {sameSeed:F1}");
        Assert.Equal(a.Distance(2, 4), b.Distance(2, 4), 1);
    }

    [Fact]
    public void AMoleculeThatNeverMeetsThePolicyIsRejectedWithTheReasonAfterItsBuilds()
    {
        using var mol = ObMolecule.FromSmiles(MethylBiphenyl);
        // No conformer has a zero gradient: every build fails, so the rejection path runs.
        var impossible = new ConformerBuildPolicy { MaxGradient = 0, MaxBuilds = 2, RefineRounds = 1, RefineSteps = 5 };
        var e = Assert.Throws<ChemistryException>(() => ConformerBuilder.Build(mol, ForceField.Mmff94, 20, impossible));
        Assert.Contains("no acceptable conformer in 2 builds", e.Message);
        Assert.Contains("not settled", e.Message);
    }

    [Fact]
    public void StereoOBBuilderCannotPlaceIsRetriedThenRejectedWithItsMessage()
    {
        using var morphine = ObMolecule.FromSmiles("CN1CC[C@]23c4c5ccc(O)c4O[C@H]2[C@@H](O)C=C[C@H]3[C@H]1C5");
        var e = Assert.Throws<ChemistryException>(() => ConformerBuilder.Build(morphine, ForceField.Mmff94, 250, new ConformerBuildPolicy()));
        Assert.Contains("no acceptable conformer in 3 builds", e.Message);
        Assert.Contains("cannot place the specified stereo", e.Message);
    }

    [Fact]
    public void ARoundThatMovesNoBondIsStalled()
    {
        var policy = new ConformerBuildPolicy();
        Conformer3D Ethane(double cc, double energy, double gradient) => new()
        {
            AtomicNumber = [6, 6],
            Coordinates = [0, 0, 0, cc, 0, 0],
            BondBegin = [0],
            BondEnd = [1],
            BondOrder = [1],
            IdealBondLength = [1.508],
            ForceField = ForceField.Mmff94,
            InChIKeyFrom3D = "KEY",
            Strain = new ConformerStrain(energy, gradient, gradient),
        };
        var stuck = Ethane(1.530, 10.0, 12);
        // A persistent gradient the minimizer cannot relieve: unsettled, but stalled, so acceptable.
        Assert.False(ConformerBuilder.Settled(stuck, policy));
        Assert.True(ConformerBuilder.Stalled(stuck, Ethane(1.532, 9.95, 12), policy));
        Assert.Equal("", ConformerBuilder.Defect(Ethane(1.532, 9.95, 12), "KEY", policy, stalled: true));
        Assert.StartsWith("not settled", ConformerBuilder.Defect(Ethane(1.532, 9.95, 12), "KEY", policy));
        // Torsional drift still lowers the energy, but the bonds are where they will stay: stalled all the same.
        Assert.True(ConformerBuilder.Stalled(stuck, Ethane(1.530, 8.5, 12), policy));
        // A bond still moving: not stalled.
        Assert.False(ConformerBuilder.Stalled(stuck, Ethane(1.540, 9.99, 12), policy));
    }

    private static double AngleBetween(double x, double y)
    {
        double d = Math.Abs(x - y) % 360;
        return d > 180 ? 360 - d : d;
    }

    private static double Dihedral(Conformer3D c, int a, int b, int d, int e)
    {
        double[] P(int i) => [c.Coordinates[3 * i], c.Coordinates[3 * i + 1], c.Coordinates[3 * i + 2]];
        double[] Sub(double[] x, double[] y) => [x[0] - y[0], x[1] - y[1], x[2] - y[2]];
        double[] Cross(double[] x, double[] y) => [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]];
        double Dot(double[] x, double[] y) => x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
        var b1 = Sub(P(b), P(a));
        var b2 = Sub(P(d), P(b));
        var b3 = Sub(P(e), P(d));
        var n1 = Cross(b1, b2);
        var n2 = Cross(b2, b3);
        double norm = Math.Sqrt(Dot(b2, b2));
        var m1 = Cross(n1, [b2[0] / norm, b2[1] / norm, b2[2] / norm]);
        return Math.Atan2(Dot(m1, n2), Dot(n1, n2)) * 180 / Math.PI;
    }

    // A V2000 molblock of a conformer's atoms (hydrogens included) and Kekulé bonds at the given coordinates.
    private static string Molblock(Conformer3D c, double[] xyz)
    {
        var sb = new StringBuilder("\n  MolScreen test\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{c.AtomCount,3}{c.BondCount,3}  0  0  0  0  0  0  0  0999 V2000\n");
        for (int i = 0; i < c.AtomCount; i++)
        {
            string symbol = c.AtomicNumber[i] switch { 1 => "H", 6 => "C", 7 => "N", 8 => "O", var z => throw new ArgumentException($"element {z}") };
            sb.Append(CultureInfo.InvariantCulture, $"{xyz[3 * i],10:F4}{xyz[3 * i + 1],10:F4}{xyz[3 * i + 2],10:F4} {symbol,-3} 0  0  0  0  0  0  0  0  0  0  0  0\n");
        }
        for (int b = 0; b < c.BondCount; b++)
            sb.Append(CultureInfo.InvariantCulture, $"{c.BondBegin[b] + 1,3}{c.BondEnd[b] + 1,3}{c.BondOrder[b],3}  0\n");
        return sb.Append("M  END\n").ToString();
    }
}
