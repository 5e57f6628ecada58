using System.Runtime.InteropServices;

namespace MolScreen.Chemistry.OpenBabel;

/// <summary>Status codes of the shim (native/molscreen_ob.h, enum ms_status).</summary>
internal enum ObStatus
{
    Ok = 0,
    Argument = 1,
    Parse = 2,
    Buffer = 3,
    Plugin = 4,
    Failed = 5,
    Internal = 6,
}

/// <summary>
/// P/Invoke surface of libmolscreen_ob.so. Call only inside an <see cref="ObThreadGuard"/> scope:
/// nothing here checks threads. The library sits next to this assembly, where the runtime looks
/// first; <see cref="ObLibrary"/> has already loaded it by full path, so a missing file or a
/// missing libopenbabel gives a clear error before any of these binds.
/// </summary>
internal static unsafe partial class ObNative
{
    private const string Lib = ObLibrary.ImportName;

    [LibraryImport(Lib)] internal static partial ObStatus ms_init();
    [LibraryImport(Lib)] internal static partial nint ms_openbabel_version();
    [LibraryImport(Lib)] internal static partial nint ms_last_error();
    [LibraryImport(Lib)] internal static partial void ms_string_free(nint text);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ObStatus ms_mol_from_smiles(string smiles, out MoleculeHandle mol);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ObStatus ms_mol_from_molblock(string molblock, out MoleculeHandle mol);
    [LibraryImport(Lib)] internal static partial void ms_mol_free(nint mol);

    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_standardize(MoleculeHandle mol, out int changes);
    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_canonical_smiles(MoleculeHandle mol, out nint text);
    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_inchi(MoleculeHandle mol, out nint text);
    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_inchikey(MoleculeHandle mol, out nint text);
    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_masses(MoleculeHandle mol, out double molecularWeight, out double exactMass);

    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_counts(MoleculeHandle mol, out int atomCount, out int bondCount);
    [LibraryImport(Lib)]
    internal static partial ObStatus ms_mol_graph(MoleculeHandle mol, int atomCapacity,
        int* atomicNumber, int* formalCharge, int* isotope, int* totalH, byte* aromatic, byte* inRing,
        int bondCapacity, int* bondBegin, int* bondEnd, int* bondKind, byte* bondInRing);

    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_make3d(MoleculeHandle mol, int steps, out int forcefieldUsed);
    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_make3d_with(MoleculeHandle mol, int steps, int preferred, out int forcefieldUsed);
    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_make3d_seeded(MoleculeHandle mol, int steps, int preferred, uint seed, int perturbRotors, out int forcefieldUsed);
    [LibraryImport(Lib)] internal static partial ObStatus ms_conformer_refine(MoleculeHandle mol, int steps);
    [LibraryImport(Lib)] internal static partial ObStatus ms_conformer_strain(MoleculeHandle mol, out double energy, out double maxGradient, out double rmsGradient);
    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_atom_count_all(MoleculeHandle mol, out int atomCount, out int bondCount);
    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_coordinates(MoleculeHandle mol, double* xyz, int capacity);
    [LibraryImport(Lib)] internal static partial ObStatus ms_conformer_atoms(MoleculeHandle mol, int* atomicNumber, int capacity);
    [LibraryImport(Lib)]
    internal static partial ObStatus ms_conformer_bonds(MoleculeHandle mol, int capacity, int* bondBegin, int* bondEnd, int* bondOrder);
    [LibraryImport(Lib)] internal static partial ObStatus ms_conformer_ideal_lengths(MoleculeHandle mol, double* idealLength, int capacity);
    [LibraryImport(Lib)] internal static partial ObStatus ms_conformer_relaxed_lengths(MoleculeHandle mol, int maxSteps, double* length, int capacity, out int stepsUsed);
    [LibraryImport(Lib)] internal static partial ObStatus ms_conformer_inchikey(MoleculeHandle mol, out nint text);
    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_conformer_from_input(MoleculeHandle mol, out int forcefieldUsed);
    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_protonate(MoleculeHandle mol, double ph);
    [LibraryImport(Lib)]
    internal static partial ObStatus ms_conformer_charges(MoleculeHandle mol, int capacity, int* formalCharge, byte* aromatic, double* partialCharge);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ObStatus ms_smarts_compile(string smarts, out SmartsHandle pattern);
    [LibraryImport(Lib)] internal static partial void ms_smarts_free(nint pattern);
    [LibraryImport(Lib)] internal static partial ObStatus ms_smarts_atom_count(SmartsHandle pattern, out int atomCount);
    [LibraryImport(Lib)]
    internal static partial ObStatus ms_smarts_match(SmartsHandle pattern, MoleculeHandle mol, int unique,
        int* atomIndices, int capacity, out int matchCount);

    /// <summary>Copies a shim-allocated string and frees it.</summary>
    internal static string TakeString(nint text)
    {
        try { return Marshal.PtrToStringUTF8(text) ?? ""; }
        finally { ms_string_free(text); }
    }

    /// <summary>
    /// Turns a failed status into an exception carrying this thread's last shim message.
    /// Argument and buffer errors are bugs in this assembly, not bad records.
    /// </summary>
    internal static void Check(ObStatus status)
    {
        if (status == ObStatus.Ok) return;
        string message = Marshal.PtrToStringUTF8(ms_last_error()) ?? "";
        if (message.Length == 0) message = $"OpenBabel shim returned {status}";
        throw status switch
        {
            ObStatus.Parse => new ChemistryException(ChemistryErrorKind.Parse, message),
            ObStatus.Failed => new ChemistryException(ChemistryErrorKind.Unsupported, message),
            ObStatus.Plugin => new ChemistryException(ChemistryErrorKind.MissingComponent, message),
            ObStatus.Internal => new ChemistryException(ChemistryErrorKind.Internal, message),
            _ => new InvalidOperationException($"OpenBabel shim misuse ({status}): {message}"),
        };
    }
}
