using MolScreen.Chemistry.Conformers;
using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.OpenBabel;

/// <summary>What <see cref="ObMolecule.Standardize"/> changed.</summary>
[Flags]
public enum StandardizeChanges
{
    None = 0,
    FragmentsRemoved = 1,
    ChargesNeutralized = 2,
}

/// <summary>
/// A molecule held by OpenBabel 3 through the native shim (src/MolScreen.Chemistry/native).
/// Reading folds plain explicit hydrogens into implicit counts and rejects dummy atoms,
/// unkekulizable aromatic systems and over-valent atoms, so atom indices here, in
/// <see cref="ToGraph"/> and in <see cref="SmartsPattern.Matches"/> agree.
/// <para>
/// Threading: OpenBabel is not thread-safe, even with one molecule per thread: its global state
/// gets corrupted. Use OpenBabel from one thread per process and scale with worker processes
/// (each with OMP_NUM_THREADS=1, which the engine sets). Every member checks this cheaply and
/// throws <see cref="InvalidOperationException"/> when two threads are inside OpenBabel at once.
/// </para>
/// Record-level failures throw <see cref="ChemistryException"/> with the reason.
/// </summary>
public sealed class ObMolecule : IDisposable
{
    private readonly MoleculeHandle _handle;
    private string? _canonicalSmiles, _inchi, _inchiKey;
    private (double Weight, double Exact)? _masses;
    // Force field of the conformer the shim holds, for reading it back after a refinement.
    private ForceField? _conformerForceField;

    private ObMolecule(MoleculeHandle handle) => _handle = handle;

    internal MoleculeHandle Handle => _handle;

    /// <summary>OpenBabel version the shim was built against, for provenance.</summary>
    public static string OpenBabelVersion => ObLibrary.OpenBabelVersion;

    /// <summary>Reads one SMILES (no title; surrounding blanks are ignored).</summary>
    public static ObMolecule FromSmiles(string smiles)
    {
        ArgumentNullException.ThrowIfNull(smiles);
        RejectNul(smiles, "SMILES");
        using var scope = ObThreadGuard.Enter();
        var status = ObNative.ms_mol_from_smiles(smiles, out var handle);
        return Wrap(status, handle);
    }

    /// <summary>Reads an MDL molblock (V2000 or V3000), e.g. one SD record.</summary>
    public static ObMolecule FromMolblock(string molblock)
    {
        ArgumentNullException.ThrowIfNull(molblock);
        RejectNul(molblock, "molblock");
        using var scope = ObThreadGuard.Enter();
        var status = ObNative.ms_mol_from_molblock(molblock, out var handle);
        return Wrap(status, handle);
    }

    /// <summary>
    /// Keeps the largest organic fragment and neutralizes charges in place; the rules are listed
    /// in native/shim_standardize.cpp.
    /// </summary>
    public StandardizeChanges Standardize()
    {
        using var scope = ObThreadGuard.Enter();
        ObNative.Check(ObNative.ms_mol_standardize(_handle, out int changes));
        if (changes != 0)
        {
            _canonicalSmiles = _inchi = _inchiKey = null;
            _masses = null;
        }
        return (StandardizeChanges)changes;
    }

    /// <summary>Isomeric canonical SMILES (OpenBabel "can" format).</summary>
    public string CanonicalSmiles => _canonicalSmiles ??= ReadString(ObNative.ms_mol_canonical_smiles);

    /// <summary>Standard InChI; throws <see cref="ChemistryException"/> when InChI cannot describe the molecule.</summary>
    public string InChI => _inchi ??= ReadString(ObNative.ms_mol_inchi);

    public string InChIKey => _inchiKey ??= ReadString(ObNative.ms_mol_inchikey);

    /// <summary>Average molecular weight with implicit hydrogens (OpenBabel GetMolWt).</summary>
    public double MolecularWeight => Masses().Weight;

    /// <summary>Monoisotopic mass with implicit hydrogens (OpenBabel GetExactMass).</summary>
    public double ExactMass => Masses().Exact;

    /// <summary>Exports the current structure; each call builds a new graph.</summary>
    public unsafe MolGraph ToGraph()
    {
        using var scope = ObThreadGuard.Enter();
        ObNative.Check(ObNative.ms_mol_counts(_handle, out int atoms, out int bonds));
        var atomicNumber = new int[atoms];
        var formalCharge = new int[atoms];
        var isotope = new int[atoms];
        var totalH = new int[atoms];
        var aromatic = new bool[atoms];
        var inRing = new bool[atoms];
        var bondBegin = new int[bonds];
        var bondEnd = new int[bonds];
        var bondKind = new int[bonds];
        var bondInRing = new bool[bonds];
        // bool is one byte holding 0 or 1 in .NET, which is what the shim writes.
        fixed (int* z = atomicNumber, q = formalCharge, iso = isotope, h = totalH, b = bondBegin, e = bondEnd, k = bondKind)
        fixed (bool* ar = aromatic, ring = inRing, bring = bondInRing)
        {
            ObNative.Check(ObNative.ms_mol_graph(_handle, atoms, z, q, iso, h, (byte*)ar, (byte*)ring,
                bonds, b, e, k, (byte*)bring));
        }
        var kinds = new BondKind[bonds];
        for (int i = 0; i < bonds; i++) kinds[i] = (BondKind)bondKind[i];
        return new MolGraph
        {
            AtomicNumber = atomicNumber,
            FormalCharge = formalCharge,
            Isotope = isotope,
            TotalHydrogens = totalH,
            Aromatic = aromatic,
            InRing = inRing,
            BondBegin = bondBegin,
            BondEnd = bondEnd,
            BondKinds = kinds,
            BondInRing = bondInRing,
        };
    }

    /// <summary>
    /// Builds one 3D conformer: hydrogens added, OBBuilder coordinates, <paramref name="steps"/>
    /// conjugate-gradient steps of MMFF94 (UFF when MMFF94 has no parameters for the molecule).
    /// The molecule itself is unchanged (no hydrogens appear in <see cref="ToGraph"/>). Throws
    /// <see cref="ChemistryException"/> (Unsupported) when neither force field can set it up or
    /// when OBBuilder cannot place the specified stereo (fused-ring stereocentres), rather than
    /// return another stereoisomer.
    /// </summary>
    public Conformer3D Generate3D(int steps = 250) => Generate3D(ForceField.Mmff94, steps);

    /// <summary>
    /// As <see cref="Generate3D(int)"/>, starting with <paramref name="preferred"/>: MMFF94 falls
    /// back to UFF, UFF has no fallback. Seed 0 (<see cref="Generate3D(ForceField, int, uint, bool)"/>).
    /// </summary>
    public Conformer3D Generate3D(ForceField preferred, int steps) => Generate3D(preferred, steps, 0, false);

    /// <summary>
    /// As <see cref="Generate3D(ForceField, int)"/>, as a function of the molecule and <paramref name="seed"/>:
    /// every random draw of OBBuilder and the force field comes from a generator seeded with it, so the same
    /// molecule, steps and seed give the same coordinates in any process. <paramref name="perturbRotors"/> also
    /// sets every rotatable bond of the built structure to a torsion drawn from the seed before the
    /// minimization, so a rebuild starts from another arrangement than OBBuilder's usual one (see
    /// <see cref="ConformerBuilder"/>).
    /// </summary>
    public Conformer3D Generate3D(ForceField preferred, int steps, uint seed, bool perturbRotors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        using var scope = ObThreadGuard.Enter();
        ObNative.Check(ObNative.ms_mol_make3d_seeded(_handle, steps, (int)preferred, seed, perturbRotors ? 1 : 0, out int forcefield));
        return ReadConformer(forcefield);
    }

    /// <summary>
    /// Minimizes the last conformer further by <paramref name="steps"/> conjugate-gradient steps of the
    /// force field that built it and returns it; the molecule keeps the refined conformer.
    /// </summary>
    public Conformer3D RefineConformer(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        using var scope = ObThreadGuard.Enter();
        ObNative.Check(ObNative.ms_conformer_refine(_handle, steps));
        return ReadConformer(0);
    }

    /// <summary>
    /// The conformer of a record that came with 3D coordinates (an SD pose), kept as it is:
    /// hydrogens the record lacks are added at ideal positions, nothing is minimized.
    /// <see cref="Conformer3D.ForceField"/> names the force field whose reference bond lengths
    /// are reported. Throws <see cref="ChemistryException"/> (Unsupported) for a 2D record.
    /// </summary>
    public Conformer3D ConformerFromInput()
    {
        using var scope = ObThreadGuard.Enter();
        ObNative.Check(ObNative.ms_mol_conformer_from_input(_handle, out int forcefield));
        return ReadConformer(forcefield);
    }

    /// <summary>
    /// Sets formal charges and hydrogen counts to OpenBabel's pH model (phmodel.txt: acids,
    /// amines, amidines, ...) at <paramref name="ph"/>; drops any conformer.
    /// </summary>
    public void Protonate(double ph)
    {
        using var scope = ObThreadGuard.Enter();
        ObNative.Check(ObNative.ms_mol_protonate(_handle, ph));
        _canonicalSmiles = _inchi = _inchiKey = null;
        _masses = null;
    }

    /// <summary>
    /// Bond lengths (in <see cref="Conformer3D"/> bond order) of the last conformer after minimizing a copy of
    /// it with the same force field to convergence: the geometry that force field holds ideal for this
    /// molecule, against which <see cref="ConformerQuality"/> measures how finished a conformer is.
    /// </summary>
    public unsafe (double[] Lengths, int StepsUsed) RelaxedBondLengths(int maxSteps = 5000)
    {
        using var scope = ObThreadGuard.Enter();
        ObNative.Check(ObNative.ms_mol_atom_count_all(_handle, out _, out int bonds));
        var lengths = new double[bonds];
        int used;
        fixed (double* l = lengths)
            ObNative.Check(ObNative.ms_conformer_relaxed_lengths(_handle, maxSteps, l, bonds, out used));
        return (lengths, used);
    }

    /// <summary>
    /// Per atom of the last conformer: formal charge, OpenBabel's aromaticity flag and the
    /// Gasteiger-Marsili partial charge (OpenBabel's "gasteiger" model, all atoms incl. H).
    /// </summary>
    public unsafe ConformerCharges ReadConformerCharges()
    {
        using var scope = ObThreadGuard.Enter();
        ObNative.Check(ObNative.ms_mol_atom_count_all(_handle, out int atoms, out _));
        var formal = new int[atoms];
        var aromatic = new bool[atoms];
        var partial = new double[atoms];
        fixed (int* q = formal)
        fixed (bool* ar = aromatic)
        fixed (double* pc = partial)
            ObNative.Check(ObNative.ms_conformer_charges(_handle, atoms, q, (byte*)ar, pc));
        return new ConformerCharges(formal, aromatic, partial);
    }

    // forcefield 0: the conformer's own, as recorded at its build.
    private unsafe Conformer3D ReadConformer(int forcefield)
    {
        if (forcefield == 0) forcefield = (int)(_conformerForceField ?? throw new InvalidOperationException("no conformer"));
        _conformerForceField = (ForceField)forcefield;
        ObNative.Check(ObNative.ms_mol_atom_count_all(_handle, out int atoms, out int bonds));
        var atomicNumber = new int[atoms];
        var xyz = new double[3 * atoms];
        var begin = new int[bonds];
        var end = new int[bonds];
        var order = new int[bonds];
        var ideal = new double[bonds];
        fixed (int* z = atomicNumber, b = begin, e = end, o = order)
        fixed (double* c = xyz, r0 = ideal)
        {
            ObNative.Check(ObNative.ms_conformer_atoms(_handle, z, atoms));
            ObNative.Check(ObNative.ms_mol_coordinates(_handle, c, 3 * atoms));
            ObNative.Check(ObNative.ms_conformer_bonds(_handle, bonds, b, e, o));
            ObNative.Check(ObNative.ms_conformer_ideal_lengths(_handle, r0, bonds));
        }
        ObNative.Check(ObNative.ms_conformer_inchikey(_handle, out nint key));
        ObNative.Check(ObNative.ms_conformer_strain(_handle, out double energy, out double maxGradient, out double rmsGradient));
        return new Conformer3D
        {
            Strain = new ConformerStrain(energy, maxGradient, rmsGradient),
            AtomicNumber = atomicNumber,
            Coordinates = xyz,
            BondBegin = begin,
            BondEnd = end,
            BondOrder = order,
            IdealBondLength = ideal,
            ForceField = (ForceField)forcefield,
            InChIKeyFrom3D = ObNative.TakeString(key),
        };
    }

    public void Dispose() => _handle.Dispose();

    private delegate ObStatus StringGetter(MoleculeHandle mol, out nint text);

    private string ReadString(StringGetter getter)
    {
        using var scope = ObThreadGuard.Enter();
        ObNative.Check(getter(_handle, out nint text));
        return ObNative.TakeString(text);
    }

    private (double Weight, double Exact) Masses()
    {
        if (_masses is { } cached) return cached;
        using var scope = ObThreadGuard.Enter();
        ObNative.Check(ObNative.ms_mol_masses(_handle, out double weight, out double exact));
        _masses = (weight, exact);
        return (weight, exact);
    }

    private static ObMolecule Wrap(ObStatus status, MoleculeHandle handle)
    {
        if (status != ObStatus.Ok)
        {
            using (handle) ObNative.Check(status);
        }
        return new ObMolecule(handle);
    }

    // Marshalling would cut the string at the NUL and OpenBabel would read only the head.
    private static void RejectNul(string text, string what)
    {
        if (text.Contains('\0'))
            throw new ChemistryException(ChemistryErrorKind.Parse, $"{what} parse error: contains a NUL character");
    }
}
