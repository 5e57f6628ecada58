using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Descriptors;

/// <summary>Average molecular weight with RDKit's atomic weights, hydrogens included.</summary>
public static class MolecularWeight
{
    /// <summary>
    /// An isotope-labelled atom counts as its mass number (RDKit uses the tabulated isotope mass; the
    /// two differ by under 0.01 Da for the isotopes seen in screening libraries).
    /// </summary>
    public static double Average(MolGraph g)
    {
        double mw = 0;
        for (int i = 0; i < g.AtomCount; i++)
            mw += (g.Isotope[i] > 0 ? g.Isotope[i] : AtomicWeights.Standard(g.AtomicNumber[i])) + g.TotalHydrogens[i] * AtomicWeights.Standard(1);
        return mw;
    }
}
