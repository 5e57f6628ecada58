using MolScreen.Chemistry.Conformers;

namespace MolScreen.Chemistry.Tests.Conformers;

/// <summary>The checks themselves, on hand-built geometries with known answers.</summary>
public class ConformerQualityTests
{
    // Propane's heavy atoms C0-C1-C2 plus an oxygen O3 bonded to C2, laid out on the x axis.
    private static Conformer3D Chain(double oxygenX, double c1c2 = 1.5) => new()
    {
        AtomicNumber = [6, 6, 6, 8],
        Coordinates = [0, 0, 0, 1.5, 0, 0, 1.5 + c1c2, 0, 0, oxygenX, 1.0, 0],
        BondBegin = [0, 1, 2],
        BondEnd = [1, 2, 3],
        BondOrder = [1, 1, 1],
        IdealBondLength = [1.5, 1.5, Math.Sqrt(1.0 + Math.Pow(oxygenX - 1.5 - c1c2, 2))],
        ForceField = ForceField.Mmff94,
        InChIKeyFrom3D = "KEY",
    };

    [Fact]
    public void OneTwoAndOneThreePairsAreNotClashesButOneFourIs()
    {
        // O3 above C0: 1.0 Å away, a 1-4 pair; C0-C2 (1-3) is 3.0 Å and C0-C1 bonded.
        var quality = ConformerQuality.Assess(Chain(oxygenX: 0), "KEY");
        Assert.Equal(1.0, quality.MinNonBondedHeavyDistance, 6);
        Assert.False(quality.Acceptable());

        var far = ConformerQuality.Assess(Chain(oxygenX: 4.5), "KEY");
        Assert.Equal(Math.Sqrt(4.5 * 4.5 + 1), far.MinNonBondedHeavyDistance, 6);
        Assert.True(far.Acceptable());
    }

    [Fact]
    public void StretchedBondAndOtherInChIKeyAreReported()
    {
        var stretched = ConformerQuality.Assess(Chain(oxygenX: 4.5, c1c2: 1.6), "KEY");
        Assert.Equal(0.1, stretched.MaxBondLengthDeviation, 6);
        Assert.False(stretched.Acceptable());
        Assert.True(stretched.Acceptable(bondTolerance: 0.11));

        var isomer = ConformerQuality.Assess(Chain(oxygenX: 4.5), "OTHER");
        Assert.False(isomer.StereoPreserved);
        Assert.False(isomer.Acceptable());
    }

    [Fact]
    public void DeviationFromTheRelaxedGeometryIsMeasuredPerBondAndOnlyWhenGiven()
    {
        var conformer = Chain(oxygenX: 4.5, c1c2: 1.6);
        Assert.True(double.IsNaN(ConformerQuality.Assess(conformer, "KEY").MaxBondDeviationFromMinimum));
        // The minimum holds C1-C2 at 1.56 Å: the built 1.6 Å bond is 0.04 Å off it though 0.1 Å off r0.
        double[] relaxed = [1.5, 1.56, conformer.IdealBondLength[2] + 0.01];
        var q = ConformerQuality.Assess(conformer, "KEY", relaxed);
        Assert.Equal(0.04, q.MaxBondDeviationFromMinimum, 6);
        Assert.Equal(0.1, q.MaxBondLengthDeviation, 6);
        Assert.Throws<ArgumentException>(() => ConformerQuality.Assess(conformer, "KEY", [1.5, 1.5]));
    }
}
