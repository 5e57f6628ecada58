using MolScreen.Chemistry.Conformers;

namespace MolScreen.Chemistry.Preparation;

/// <summary>
/// A ready-to-dock ligand: one conformer with every hydrogen, AD4 types and Gasteiger charges
/// per atom, and the torsion tree. <see cref="Pdbqt"/> is what the docking engine reads.
/// </summary>
public sealed class PreparedLigand
{
    public required string Id { get; init; }
    /// <summary>SMILES of the prepared (protonated) form.</summary>
    public required string Smiles { get; init; }
    public required LigandAtoms Atoms { get; init; }
    /// <summary>AD4 type per conformer atom; "H" marks the non-polar hydrogens PDBQT merges.</summary>
    public required string[] Ad4Types { get; init; }
    public required TorsionTree Tree { get; init; }
    /// <summary>OBBuilder builds it took to get an acceptable conformer (1 = the first); 0 for an input pose.</summary>
    public int BuildAttempts { get; init; } = 1;
    /// <summary>Conjugate-gradient steps spent beyond the first minimization on unsettled conformers.</summary>
    public int RefineSteps { get; init; }
    public ForceField ForceField => Atoms.Conformer.ForceField;
    public int HeavyAtoms => Atoms.HeavyAtomCount;

    private string? _pdbqt;
    public string Pdbqt => _pdbqt ??= PdbqtWriter.Write(this);
}
