namespace MolScreen.Docking.Structure;

/// <summary>
/// A flexible ligand as Vina models it: a torsion tree of rigid frames. Frame 0 is the root (origin = first root atom); every
/// other frame is a BRANCH whose origin is its first atom (the axis end, which stays in the parent frame because it lies on
/// the axis) and whose axis runs from <see cref="AxisBegin"/> (a parent atom) to that origin. Frames are ordered parent
/// before child. All per-atom and per-frame data are flat arrays so a GPU kernel can take them as buffers.
/// </summary>
public sealed class LigandModel
{
    public required string Name { get; init; }
    /// <summary>Input coordinates (the pose with all torsions 0 and identity orientation).</summary>
    public required float[] X { get; init; }
    public required float[] Y { get; init; }
    public required float[] Z { get; init; }
    public required int[] Ad { get; init; }
    /// <summary>X-Score type per atom, <see cref="Typing.XsType.None"/> for hydrogens (not scored).</summary>
    public required int[] Xs { get; init; }
    public required int[] FrameOf { get; init; }
    public required int[] FrameParent { get; init; }
    public required int[] FrameOrigin { get; init; }
    public required int[] AxisBegin { get; init; }
    /// <summary>Intramolecular pairs (Vina's rule: different rigid pieces, more than three bonds apart, both heavy).</summary>
    public required int[] PairA { get; init; }
    public required int[] PairB { get; init; }
    public required int[] PairType { get; init; }
    /// <summary>Per pair: a macrocycle glue pair (Gk with the closure carbon CGk), which also feels the glue term.</summary>
    public required bool[] PairGlued { get; init; }
    /// <summary>Bonds as perceived by Vina's rule (for SDF output and RMSD symmetry).</summary>
    public required List<int>[] Bonds { get; init; }
    /// <summary>Vina's N_rot for the torsion division: 0.5 per rotatable-bond end that is not a terminal heavy atom.</summary>
    public required float NumTors { get; init; }
    public required int Torsdof { get; init; }
    /// <summary>The PDBQT lines (atoms and tree records) for writing poses back in the input layout.</summary>
    public required string[] PdbqtLines { get; init; }
    /// <summary>Index of the atom on each PDBQT line, -1 for non-atom lines.</summary>
    public required int[] LineAtom { get; init; }
    public required string[] AtomNames { get; init; }

    public int AtomCount => X.Length;
    public int FrameCount => FrameParent.Length;
    public int TorsionCount => FrameParent.Length - 1;
    public int HeavyAtomCount => Ad.Count(a => !Typing.AdType.IsHydrogen(a));
    public int HeavyScoredCount => Xs.Count(t => t >= 0);
}
