namespace MolScreen.Chemistry.Conformers;

/// <summary>
/// Per-atom charge data of a conformer from <see cref="OpenBabel.ObMolecule.ReadConformerCharges"/>,
/// indexed like <see cref="Conformer3D.AtomicNumber"/>: formal charge, Open Babel's aromaticity
/// flag, and the Gasteiger-Marsili partial charge.
/// </summary>
public sealed record ConformerCharges(int[] FormalCharge, bool[] Aromatic, double[] PartialCharge);
