namespace MolScreen.Chemistry.Conformers;

/// <summary>
/// Geometry and stereo checks of one conformer, the acceptance bar for 3D generation:
/// bond lengths near the force field's reference, no heavy atoms on top of each other, and the
/// stereo read back from the coordinates equal to the stereo asked for.
/// </summary>
public sealed record ConformerQuality
{
    /// <summary>Largest |bond length − force-field reference| over all bonds, hydrogens included (Angstrom).</summary>
    public required double MaxBondLengthDeviation { get; init; }
    /// <summary>
    /// Largest |bond length − the same bond at the force field's converged minimum next to this conformer|
    /// (<see cref="OpenBabel.ObMolecule.RelaxedBondLengths"/>); NaN when not measured. The reference lengths r0
    /// are not where a minimized molecule sits (angle and 1-3 terms stretch bonds at crowded centres), so this is
    /// the "ideal geometry" reading of the bond bar: how far the conformer is from the force field's own optimum.
    /// </summary>
    public double MaxBondDeviationFromMinimum { get; init; } = double.NaN;
    /// <summary>
    /// Shortest distance between two heavy atoms that are neither bonded nor share a neighbour
    /// (1-2 and 1-3 pairs sit closer by construction); +∞ when there is no such pair.
    /// </summary>
    public required double MinNonBondedHeavyDistance { get; init; }
    /// <summary>The InChIKey from the 3D coordinates equals the molecule's (stereo kept).</summary>
    public required bool StereoPreserved { get; init; }

    /// <summary>The bar for screening conformers: bonds within 0.05 Å, no clash under 1.5 Å, same InChIKey.</summary>
    public bool Acceptable(double bondTolerance = 0.05, double clashDistance = 1.5) =>
        MaxBondLengthDeviation <= bondTolerance && MinNonBondedHeavyDistance >= clashDistance && StereoPreserved;

    /// <param name="conformer">The 3D structure.</param>
    /// <param name="inChIKey">InChIKey of the molecule before 3D (<see cref="OpenBabel.ObMolecule.InChIKey"/>).</param>
    /// <param name="relaxedLengths">Optional: per bond, its length at the force field's converged minimum.</param>
    public static ConformerQuality Assess(Conformer3D conformer, string inChIKey, double[]? relaxedLengths = null)
    {
        ArgumentNullException.ThrowIfNull(conformer);
        ArgumentNullException.ThrowIfNull(inChIKey);
        if (relaxedLengths != null && relaxedLengths.Length != conformer.BondCount)
            throw new ArgumentException($"{relaxedLengths.Length} relaxed lengths for {conformer.BondCount} bonds", nameof(relaxedLengths));
        double maxDeviation = 0, fromMinimum = relaxedLengths == null ? double.NaN : 0;
        for (int i = 0; i < conformer.BondCount; i++)
        {
            double length = conformer.Distance(conformer.BondBegin[i], conformer.BondEnd[i]);
            maxDeviation = Math.Max(maxDeviation, Math.Abs(length - conformer.IdealBondLength[i]));
            if (relaxedLengths != null) fromMinimum = Math.Max(fromMinimum, Math.Abs(length - relaxedLengths[i]));
        }
        return new ConformerQuality
        {
            MaxBondLengthDeviation = maxDeviation,
            MaxBondDeviationFromMinimum = fromMinimum,
            MinNonBondedHeavyDistance = ClosestNonBondedHeavyPair(conformer),
            StereoPreserved = conformer.InChIKeyFrom3D == inChIKey,
        };
    }

    private static double ClosestNonBondedHeavyPair(Conformer3D conformer)
    {
        int n = conformer.AtomCount;
        var neighbours = new List<int>[n];
        for (int i = 0; i < n; i++) neighbours[i] = [];
        for (int i = 0; i < conformer.BondCount; i++)
        {
            neighbours[conformer.BondBegin[i]].Add(conformer.BondEnd[i]);
            neighbours[conformer.BondEnd[i]].Add(conformer.BondBegin[i]);
        }
        double min = double.PositiveInfinity;
        // Heavy atoms are few (tens); the quadratic scan is cheaper than any spatial index here.
        var near = new HashSet<int>();
        for (int a = 0; a < n; a++)
        {
            if (conformer.AtomicNumber[a] == 1) continue;
            near.Clear();
            foreach (int b in neighbours[a])
            {
                near.Add(b);
                foreach (int c in neighbours[b]) near.Add(c);
            }
            for (int b = a + 1; b < n; b++)
            {
                if (conformer.AtomicNumber[b] == 1 || near.Contains(b)) continue;
                min = Math.Min(min, conformer.Distance(a, b));
            }
        }
        return min;
    }
}
