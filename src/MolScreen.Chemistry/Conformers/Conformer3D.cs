namespace MolScreen.Chemistry.Conformers;

/// <summary>Force field that minimized a <see cref="Conformer3D"/>; values are the shim's MS_FF_* codes.</summary>
public enum ForceField
{
    Mmff94 = 1,
    Uff = 2,
}

/// <summary>
/// Residual strain of a minimized conformer: total energy (kcal/mol) and the largest and root-mean-square
/// per-atom gradient norm (kcal/mol/Å) of its force field, UFF's kJ converted. A large
/// <see cref="MaxGradient"/> means the minimization stopped on a slope, not at a minimum.
/// </summary>
public sealed record ConformerStrain(double Energy, double MaxGradient, double RmsGradient);

/// <summary>
/// One 3D conformer from <see cref="OpenBabel.ObMolecule.Generate3D(int)"/>. Unlike
/// <see cref="Molecules.MolGraph"/> it holds every atom, hydrogens included: the molecule's atoms
/// first, in graph order, then the added hydrogens. Arrays are indexed by atom or by bond;
/// <see cref="Coordinates"/> holds x, y, z per atom in Angstrom.
/// </summary>
public sealed record Conformer3D
{
    public required int[] AtomicNumber { get; init; }
    public required double[] Coordinates { get; init; }
    public required int[] BondBegin { get; init; }
    public required int[] BondEnd { get; init; }
    /// <summary>1, 2 or 3: the Kekule form the force field was set up with.</summary>
    public required int[] BondOrder { get; init; }
    /// <summary>Reference length of each bond's stretch term in <see cref="ForceField"/> (Angstrom).</summary>
    public required double[] IdealBondLength { get; init; }
    public required ForceField ForceField { get; init; }
    /// <summary>
    /// InChIKey of this conformer with stereo perceived from the coordinates alone, to compare
    /// with the molecule's own <see cref="OpenBabel.ObMolecule.InChIKey"/>.
    /// </summary>
    public required string InChIKeyFrom3D { get; init; }
    /// <summary>Residual strain after the minimization (null for conformers made by hand).</summary>
    public ConformerStrain? Strain { get; init; }

    public int AtomCount => AtomicNumber.Length;
    public int BondCount => BondBegin.Length;

    public double Distance(int a, int b)
    {
        double dx = Coordinates[3 * a] - Coordinates[3 * b];
        double dy = Coordinates[3 * a + 1] - Coordinates[3 * b + 1];
        double dz = Coordinates[3 * a + 2] - Coordinates[3 * b + 2];
        return Math.Sqrt(dx * dx + dy * dy + dz * dz);
    }
}
