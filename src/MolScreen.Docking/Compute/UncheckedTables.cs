using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MolScreen.Docking.Compute;

/// <summary>
/// An array as a table without bounds checks, for the docking hot loop only (one energy evaluation is a few hundred table
/// reads, and the checks were a measurable share of it). Only hand it to code whose indices were validated once against
/// the array sizes: <see cref="Search.PoseEnergy"/> and <see cref="Search.LigandKinematics"/> check their tables when
/// built and the scratch sizes on every call; everything else uses the checked <see cref="FloatArray"/>.
/// </summary>
public readonly ref struct UncheckedFloats : IFloatBuffer
{
    readonly ref float _first;

    public UncheckedFloats(float[] data) => _first = ref MemoryMarshal.GetArrayDataReference(data);

    public float this[int i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Unsafe.Add(ref _first, (nint)(uint)i);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => Unsafe.Add(ref _first, (nint)(uint)i) = value;
    }
}

/// <summary>An int array without bounds checks (see <see cref="UncheckedFloats"/> for when this is allowed).</summary>
public readonly ref struct UncheckedInts : IIntTable
{
    readonly ref int _first;

    public UncheckedInts(int[] data) => _first = ref MemoryMarshal.GetArrayDataReference(data);

    public int this[int i] { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Unsafe.Add(ref _first, (nint)(uint)i); }
}
