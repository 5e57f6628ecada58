using ILGPU;
using MolScreen.Docking.Compute;

namespace MolScreen.Kernels.Docking;

/// <summary>An ArrayView window as a table or buffer, the kernel-side twin of <see cref="FloatArray"/>.</summary>
public readonly struct FloatView(ArrayView<float> view, long offset = 0) : IFloatBuffer
{
    readonly ArrayView<float> _view = view;
    readonly long _offset = offset;

    public float this[int i]
    {
        get => _view[_offset + i];
        set => _view[_offset + i] = value;
    }
}

/// <summary>An ArrayView window as an int table, the kernel-side twin of <see cref="IntArray"/>.</summary>
public readonly struct IntView(ArrayView<int> view, long offset = 0) : IIntTable
{
    readonly ArrayView<int> _view = view;
    readonly long _offset = offset;

    public int this[int i] => _view[_offset + i];
}

/// <summary>Element k at offset + k·stride: one lattice point across all maps, accumulated in place.</summary>
public readonly struct StridedView(ArrayView<float> view, long offset, long stride) : IFloatBuffer
{
    readonly ArrayView<float> _view = view;
    readonly long _offset = offset, _stride = stride;

    public float this[int i]
    {
        get => _view[_offset + i * _stride];
        set => _view[_offset + i * _stride] = value;
    }
}
