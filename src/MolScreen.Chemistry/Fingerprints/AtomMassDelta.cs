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
        if (isotope == 0 || atomicNumber == 0 || (uint)atomicNumber >= (uint)AtomicWeight.Length) return 0;
        int delta = (int)(isotope - AtomicWeight[atomicNumber]);
        foreach (var (z, from, to, adjust) in Corrections)
            if (z == atomicNumber && isotope >= from && isotope <= to) return delta + adjust;
        return delta;
    }

    /// <summary>RDKit's standard atomic weights, index = atomic number (0 = dummy atom).</summary>
    private static readonly double[] AtomicWeight =
    [
        0.0, 1.008, 4.003, 6.941, 9.012, 10.812, 12.011, 14.007, 15.999, 18.998,
        20.18, 22.99, 24.305, 26.982, 28.086, 30.974, 32.067, 35.453, 39.948, 39.098,
        40.078, 44.956, 47.867, 50.942, 51.996, 54.938, 55.845, 58.933, 58.693, 63.546,
        65.39, 69.723, 72.61, 74.922, 78.96, 79.904, 83.8, 85.468, 87.62, 88.906,
        91.224, 92.906, 95.94, 98.0, 101.07, 102.906, 106.42, 107.868, 112.412, 114.818,
        118.711, 121.76, 127.6, 126.904, 131.29, 132.905, 137.328, 138.906, 140.116, 140.908,
        144.24, 145.0, 150.36, 151.964, 157.25, 158.925, 162.5, 164.93, 167.26, 168.934,
        173.04, 174.967, 178.49, 180.948, 183.84, 186.207, 190.23, 192.217, 195.078, 196.967,
        200.59, 204.383, 207.2, 208.98, 209.0, 210.0, 222.0, 223.0, 226.0, 227.0,
        232.038, 231.036, 238.029, 237.0, 244.0, 243.0, 247.0, 247.0, 251.0, 252.0,
        257.0, 258.0, 259.0, 262.0, 267.0, 268.0, 269.0, 270.0, 269.0, 278.0,
        281.0, 281.0, 285.0, 284.0, 289.0, 288.0, 293.0, 292.0, 294.0,
    ];

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
