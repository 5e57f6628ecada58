using System.Runtime.CompilerServices;

namespace MolScreen.Docking.Compute;

/// <summary>
/// Span views as accessors, so the CPU path's Span-based signatures stay thin wrappers over the shared generic code without
/// copying (generic parameters that take these are declared <c>allows ref struct</c>).
/// </summary>
public readonly ref struct SpanTable(ReadOnlySpan<float> span) : IFloatTable
{
    readonly ReadOnlySpan<float> _span = span;
    public float this[int i] { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => _span[i]; }
}

/// <summary>A writable span as a buffer (see <see cref="SpanTable"/>).</summary>
public readonly ref struct SpanBuffer(Span<float> span) : IFloatBuffer
{
    readonly Span<float> _span = span;

    public float this[int i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _span[i];
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => _span[i] = value;
    }
}

/// <summary>An int span as a table (see <see cref="SpanTable"/>).</summary>
public readonly ref struct IntSpanTable(ReadOnlySpan<int> span) : IIntTable
{
    readonly ReadOnlySpan<int> _span = span;
    public int this[int i] { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => _span[i]; }
}
