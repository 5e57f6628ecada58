using System.Runtime.CompilerServices;

namespace MolScreen.Docking.Compute;

/// <summary>
/// Read access to a flat float table. Shared formulas are generic over this (constrained to a struct) so the CPU path passes
/// an array and an ILGPU kernel passes an ArrayView, and both run the very same code: ILGPU specialises generic struct
/// arguments, and the JIT does too, so the indirection costs nothing.
/// </summary>
public interface IFloatTable
{
    float this[int i] { get; }
}

/// <summary>Read access to a flat int table (see <see cref="IFloatTable"/>).</summary>
public interface IIntTable
{
    int this[int i] { get; }
}

/// <summary>Read and write access to a flat float buffer (accumulators, coordinates, gradients).</summary>
public interface IFloatBuffer : IFloatTable
{
    new float this[int i] { get; set; }
}

/// <summary>
/// A float array as a table or buffer for the CPU path. A single field on purpose: the JIT keeps a one-field struct in a
/// register like the array itself, whereas an (array, offset) pair passed through the many-argument shared cores was
/// spilled and reloaded on every access (windows of a buffer are <see cref="Window{T}"/>).
/// </summary>
public readonly struct FloatArray(float[] data) : IFloatBuffer
{
    readonly float[] _data = data;

    public float this[int i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _data[i];
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => _data[i] = value;
    }
}

/// <summary>An int array as a table for the CPU path (one field, see <see cref="FloatArray"/>).</summary>
public readonly struct IntArray(int[] data) : IIntTable
{
    readonly int[] _data = data;

    public int this[int i] { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => _data[i]; }
}

/// <summary>A buffer seen from an offset, so shared code that indexes from 0 can work on one region of a larger state.</summary>
public readonly struct Window<T>(T inner, int offset) : IFloatBuffer where T : struct, IFloatBuffer
{
    readonly T _inner = inner;
    readonly int _offset = offset;

    public float this[int i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _inner[_offset + i];
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set
        {
            var b = _inner;
            b[_offset + i] = value;
        }
    }
}
