using System.Runtime.CompilerServices;

namespace MolScreen.Chemistry.Fingerprints;

/// <summary>
/// The k best (index, similarity) pairs seen so far, kept as a binary heap inside the caller's own
/// output spans with the worst kept pair at the root, so a candidate is compared with one element
/// and the search allocates nothing. "Better" is higher similarity, then lower index, which makes
/// the result independent of the order candidates arrive in.
/// </summary>
internal ref struct NeighborHeap(Span<int> indices, Span<float> similarities)
{
    private readonly Span<int> _indices = indices;
    private readonly Span<float> _similarities = similarities;
    private int _size;

    /// <summary>Keeps the pair if it beats the worst one kept; most candidates of a large search
    /// fail the first comparison, so that test is inlined into the caller's loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Offer(int index, float similarity)
    {
        if (_size == _indices.Length)
        {
            if (_size == 0 || !Better(index, similarity, 0)) return;
            _indices[0] = index;
            _similarities[0] = similarity;
            SiftDown(0, _size);
        }
        else
        {
            int i = _size++;
            _indices[i] = index;
            _similarities[i] = similarity;
            SiftUp(i);
        }
    }

    /// <summary>Heap-sorts in place: repeatedly moves the worst remaining pair to the end, leaving
    /// the spans ordered best first.</summary>
    public void SortBestFirst()
    {
        for (int end = _size - 1; end > 0; end--)
        {
            Swap(0, end);
            SiftDown(0, end);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool Better(int index, float similarity, int slot) =>
        similarity > _similarities[slot] || (similarity == _similarities[slot] && index < _indices[slot]);

    /// <summary>Slot a holds a worse pair than slot b.</summary>
    private readonly bool Worse(int a, int b) => Better(_indices[b], _similarities[b], a);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!Worse(i, parent)) return;
            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i, int size)
    {
        while (true)
        {
            int worst = i, left = 2 * i + 1, right = left + 1;
            if (left < size && Worse(left, worst)) worst = left;
            if (right < size && Worse(right, worst)) worst = right;
            if (worst == i) return;
            Swap(i, worst);
            i = worst;
        }
    }

    private readonly void Swap(int a, int b)
    {
        (_indices[a], _indices[b]) = (_indices[b], _indices[a]);
        (_similarities[a], _similarities[b]) = (_similarities[b], _similarities[a]);
    }
}
