using System.Runtime.InteropServices;

namespace MolScreen.Chemistry.OpenBabel;

/// <summary>Owns one native ms_mol. Frees go through <see cref="ObThreadGuard"/>, see there.</summary>
internal sealed class MoleculeHandle() : SafeHandle(0, ownsHandle: true)
{
    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        ObThreadGuard.Free(handle, ObThreadGuard.NativeKind.Molecule);
        return true;
    }
}

/// <summary>Owns one compiled native ms_smarts pattern.</summary>
internal sealed class SmartsHandle() : SafeHandle(0, ownsHandle: true)
{
    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        ObThreadGuard.Free(handle, ObThreadGuard.NativeKind.Smarts);
        return true;
    }
}
