using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Fingerprints;

/// <summary>
/// The isotope term of RDKit's Morgan atom invariant: <c>(int)(atom mass - standard atomic weight)</c>,
/// with RDKit 2022.09's own periodic table. An unlabelled atom's mass is the standard weight, so the
/// term is 0; a labelled atom's mass is the tabulated isotope mass, or the mass number itself when
/// RDKit has no entry for that isotope. The truncation toward zero is why this is a table and not
/// "isotope - round(weight)": [13C] gives (int)0.992 = 0 while [14C] gives 1, and [11C] gives 0
/// because 11.0114 - 12.011 truncates to 0, not -1.
/// </summary>
internal static class AtomMassDelta
{
    /// <summary>Returns the invariant's mass term for element <paramref name="atomicNumber"/> labelled
    /// with mass number <paramref name="isotope"/> (0 = unlabelled).</summary>
    public static int For(int atomicNumber, int isotope)
    {
        // Dummy atoms have weight 0 and RDKit keeps their mass at 0 even when labelled.
        if (isotope == 0 || atomicNumber == 0 || !AtomicWeights.Known(atomicNumber)) return 0;
        int delta = (int)(isotope - AtomicWeights.Standard(atomicNumber));
        foreach (var (z, from, to, adjust) in Corrections)
            if (z == atomicNumber && isotope >= from && isotope <= to) return delta + adjust;
        return delta;
    }


    /// <summary>
    /// Mass-number ranges whose tabulated isotope mass moves the truncated difference one step away
    /// from <c>(int)(isotope - weight)</c> (mass defects carry it across an integer). Derived from
    /// RDKit's isotope table for every element and mass number up to 400; the oracle test
    /// (rdkit_morgan_oracle.py --mass-deltas) re-checks the whole range against RDKit.
    /// </summary>
    private static readonly (byte Z, short From, short To, sbyte Adjust)[] Corrections =
    [
        (1, 2, 7, +1), (2, 3, 3, +1), (2, 5, 10, +1), (4, 5, 7, +1), (4, 10, 16, +1), (6, 8, 11, +1),
        (6, 16, 22, +1), (7, 10, 12, +1), (7, 17, 25, +1), (11, 25, 25, -1), (13, 28, 29, -1), (15, 32, 35, -1),
        (21, 46, 51, -1), (24, 44, 51, -1), (24, 53, 67, -1), (27, 61, 61, -1), (33, 77, 79, -1), (34, 66, 78, -1),
        (34, 80, 93, -1), (42, 85, 95, -1), (42, 97, 112, -1), (43, 99, 118, -1), (45, 105, 105, -1), (61, 146, 163, -1),
        (63, 130, 151, -1), (63, 153, 167, -1), (65, 147, 157, -1), (67, 155, 163, -1), (69, 161, 167, -1), (71, 152, 174, -1),
        (71, 176, 184, -1), (73, 169, 180, -1), (79, 185, 196, -1), (83, 197, 208, -1), (84, 210, 215, -1), (85, 211, 215, -1),
        (86, 195, 197, +1), (86, 216, 221, +1), (87, 199, 204, +1), (87, 215, 222, +1), (88, 202, 211, +1), (88, 213, 225, +1),
        (89, 206, 226, +1), (90, 233, 238, +1), (91, 232, 240, +1), (92, 225, 237, +1), (92, 239, 242, +1), (93, 225, 236, +1),
        (94, 228, 243, +1), (95, 231, 242, +1), (96, 233, 246, +1), (97, 235, 246, +1), (98, 237, 250, +1), (99, 240, 251, +1),
        (100, 242, 256, +1), (101, 245, 257, +1), (102, 248, 258, +1), (103, 251, 261, +1), (104, 253, 266, +1), (110, 267, 280, +1),
        (111, 272, 280, +1), (112, 276, 284, +1), (113, 278, 283, +1), (114, 285, 288, +1), (115, 287, 287, +1), (116, 289, 292, +1),
        (117, 291, 291, +1), (118, 293, 293, +1),
    ];
}
