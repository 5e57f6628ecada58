namespace MolScreen.Chemistry.Smarts;

/// <summary>
/// The SMARTS v primitive with RDKit's arithmetic: bond orders summed with aromatic bonds as 1.5, plus
/// hydrogens. An aromatic atom whose sum exceeds its default valence (pyrrole N-H: 1.5+1.5+1 = 4, a
/// ring-fusion carbon: 4.5) is brought down to the largest allowed valence not above the sum when it
/// is within 1.5 of it, which is what kekulization would give; half-values then round up.
/// </summary>
internal static class TotalValence
{
    /// <param name="doubledBondOrderSum">Sum of bond orders times two, so aromatic bonds add 3.</param>
    public static int Of(int atomicNumber, int charge, bool aromatic, int doubledBondOrderSum, int hydrogens)
    {
        double accum = doubledBondOrderSum / 2.0 + hydrogens;
        if (aromatic && AllowedValences(atomicNumber) is { Length: > 0 } allowed)
        {
            // Elements left of carbon gain valence with negative charge, the others with positive charge.
            int shift = atomicNumber == 5 ? -charge : charge;
            if (accum > allowed[0] + shift)
            {
                int best = allowed[0] + shift;
                foreach (var v in allowed)
                {
                    if (v + shift > accum) break;
                    best = v + shift;
                }
                if (accum - best <= 1.5) accum = best;
            }
        }
        return (int)Math.Round(accum + 0.1, MidpointRounding.AwayFromZero);
    }

    /// <summary>RDKit's allowed valences for the elements that can be aromatic, default valence first.</summary>
    private static int[] AllowedValences(int atomicNumber) => atomicNumber switch
    {
        5 => [3],
        6 or 14 => [4],
        7 => [3],
        8 => [2],
        15 or 33 => [3, 5, 7],
        16 or 34 or 52 => [2, 4, 6],
        _ => [],
    };
}
