namespace MolScreen.Chemistry.OpenBabel;

/// <summary>
/// A SMARTS pattern compiled once by OpenBabel and matched against many <see cref="ObMolecule"/>s
/// (PAINS filters, Crippen atom typing). Match rows list graph atom indices (0-based, the same
/// indices as <see cref="ObMolecule.ToGraph"/>), one per pattern atom in pattern order.
/// Hydrogens are implicit in the molecules, so patterns cannot match them as atoms.
/// Same threading rule as <see cref="ObMolecule"/>: one OpenBabel thread per process.
/// </summary>
public sealed class SmartsPattern : IDisposable
{
    // Enough for a few dozen matches of a typical pattern without a second native call.
    private const int InitialBuffer = 256;

    private readonly SmartsHandle _handle;

    private SmartsPattern(SmartsHandle handle, string smarts, int atomCount)
    {
        _handle = handle;
        Smarts = smarts;
        AtomCount = atomCount;
    }

    public string Smarts { get; }

    /// <summary>Atoms in the pattern: the length of every match row.</summary>
    public int AtomCount { get; }

    public static SmartsPattern Compile(string smarts)
    {
        ArgumentNullException.ThrowIfNull(smarts);
        if (smarts.Contains('\0'))
            throw new ChemistryException(ChemistryErrorKind.Parse, "SMARTS parse error: contains a NUL character");
        using var scope = ObThreadGuard.Enter();
        var status = ObNative.ms_smarts_compile(smarts, out var handle);
        if (status != ObStatus.Ok)
        {
            using (handle) ObNative.Check(status);
        }
        var atomStatus = ObNative.ms_smarts_atom_count(handle, out int atoms);
        if (atomStatus != ObStatus.Ok)
        {
            using (handle) ObNative.Check(atomStatus);
        }
        return new SmartsPattern(handle, smarts, atoms);
    }

    /// <summary>Number of matches; with <paramref name="unique"/>, matches covering the same atoms count once.</summary>
    public unsafe int CountMatches(ObMolecule molecule, bool unique = true)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        using var scope = ObThreadGuard.Enter();
        ObNative.Check(ObNative.ms_smarts_match(_handle, molecule.Handle, unique ? 1 : 0, null, 0, out int count));
        return count;
    }

    public bool IsMatch(ObMolecule molecule) => CountMatches(molecule, unique: false) > 0;

    /// <summary>All matches as rows of atom indices.</summary>
    public unsafe int[][] Matches(ObMolecule molecule, bool unique = true)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        using var scope = ObThreadGuard.Enter();
        var buffer = new int[Math.Max(InitialBuffer, AtomCount)];
        int count;
        ObStatus status;
        fixed (int* p = buffer)
            status = ObNative.ms_smarts_match(_handle, molecule.Handle, unique ? 1 : 0, p, buffer.Length, out count);
        if (status == ObStatus.Buffer)
        {
            buffer = new int[checked(count * AtomCount)];
            fixed (int* p = buffer)
                status = ObNative.ms_smarts_match(_handle, molecule.Handle, unique ? 1 : 0, p, buffer.Length, out count);
        }
        ObNative.Check(status);
        var rows = new int[count][];
        for (int m = 0; m < count; m++) rows[m] = buffer.AsSpan(m * AtomCount, AtomCount).ToArray();
        return rows;
    }

    public void Dispose() => _handle.Dispose();
}
