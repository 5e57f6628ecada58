using ILGPU;
using ILGPU.Runtime;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

namespace MolScreen.Kernels.Docking;

/// <summary>
/// Ligands packed into flat device buffers for batched kernels: per ligand a slot of <see cref="SlotInts"/> ints (atom,
/// frame, pair and heavy-atom start and count), then per-atom, per-frame and per-pair tables concatenated in ligand order, each with
/// ligand-local indices. Kernels view one ligand's window with an offset accessor and run the CPU's shared code on it.
/// </summary>
public sealed class LigandBatch : IDisposable
{
    public const int SlotInts = 8;
    readonly MemoryBuffer1D<int, Stride1D.Dense>[] _ints;
    readonly MemoryBuffer1D<float, Stride1D.Dense>[] _floats;

    public int Count { get; }
    public int MaxAtoms { get; }
    public int MaxFrames { get; }
    public int MaxHeavy { get; }
    public int MaxPairs { get; }
    /// <summary>Floats of one conformation slot (7 + torsions of the largest ligand).</summary>
    public int ConfStride => 6 + MaxFrames;
    public LigandBatchView View { get; }

    public LigandBatch(Accelerator acc, IReadOnlyList<LigandModel> ligands, IReadOnlyList<LigandKinematics> kinematics)
    {
        if (ligands.Count == 0) throw new ArgumentException("a batch needs at least one ligand");
        Count = ligands.Count;
        var slots = new List<int>(); var frameOf = new List<int>(); var xs = new List<int>(); var parent = new List<int>();
        var heavy = new List<int>(); var pairA = new List<int>(); var pairB = new List<int>(); var pairType = new List<int>(); var glued = new List<int>();
        var rel = new List<float>(); var off = new List<float>(); var axis = new List<float>();
        foreach (var (lig, kin) in ligands.Zip(kinematics))
        {
            var heavyAtoms = HeavyAtoms(lig);
            slots.AddRange([xs.Count, lig.AtomCount, parent.Count, lig.FrameCount, pairA.Count, lig.PairA.Length, heavy.Count, heavyAtoms.Length]);
            heavy.AddRange(heavyAtoms);
            MaxHeavy = Math.Max(MaxHeavy, heavyAtoms.Length);
            frameOf.AddRange(kin.FrameOf); xs.AddRange(lig.Xs); rel.AddRange(kin.Rel);
            parent.AddRange(kin.FrameParent); off.AddRange(kin.Off); axis.AddRange(kin.Axis);
            pairA.AddRange(lig.PairA); pairB.AddRange(lig.PairB); pairType.AddRange(lig.PairType); glued.AddRange(lig.PairGlued.Select(g => g ? 1 : 0));
            MaxAtoms = Math.Max(MaxAtoms, lig.AtomCount);
            MaxFrames = Math.Max(MaxFrames, lig.FrameCount);
            MaxPairs = Math.Max(MaxPairs, lig.PairA.Length);
        }
        // a ligand without intramolecular pairs still needs bindable pair buffers
        static int[] I(List<int> l) => l.Count > 0 ? l.ToArray() : [0];
        _ints = [acc.Allocate1D(I(slots)), acc.Allocate1D(I(frameOf)), acc.Allocate1D(I(xs)), acc.Allocate1D(I(parent)),
            acc.Allocate1D(I(pairA)), acc.Allocate1D(I(pairB)), acc.Allocate1D(I(pairType)), acc.Allocate1D(I(glued)), acc.Allocate1D(I(heavy))];
        _floats = [acc.Allocate1D(rel.ToArray()), acc.Allocate1D(off.ToArray()), acc.Allocate1D(axis.ToArray())];
        View = new LigandBatchView(_ints[0].View, _ints[1].View, _ints[2].View, _floats[0].View, _ints[3].View, _floats[1].View,
            _floats[2].View, _ints[4].View, _ints[5].View, _ints[6].View, _ints[7].View, _ints[8].View);
    }

    /// <summary>Heavy atoms (ligand order), whose coordinates the search compares by RMSD, as the CPU engine picks them.</summary>
    public static int[] HeavyAtoms(LigandModel lig) =>
        Enumerable.Range(0, lig.AtomCount).Where(i => !MolScreen.Docking.Typing.AdType.IsHydrogen(lig.Ad[i])).ToArray();

    /// <summary>Device bytes a batch of this shape needs per ligand (tables only), for sizing batches from free memory.</summary>
    public static long BytesPerLigand(int atoms, int frames, int pairs) => 4L * (SlotInts + atoms * 6 + frames * 7 + pairs * 4);

    public void Dispose()
    {
        foreach (var b in _ints) b.Dispose();
        foreach (var b in _floats) b.Dispose();
    }
}

/// <summary>The device views of a <see cref="LigandBatch"/>, passed to kernels as one argument.</summary>
public readonly struct LigandBatchView(ArrayView<int> slots, ArrayView<int> frameOf, ArrayView<int> xs, ArrayView<float> rel,
    ArrayView<int> frameParent, ArrayView<float> off, ArrayView<float> axis, ArrayView<int> pairA, ArrayView<int> pairB,
    ArrayView<int> pairType, ArrayView<int> pairGlued, ArrayView<int> heavy)
{
    public readonly ArrayView<int> Slots = slots, FrameOf = frameOf, Xs = xs, FrameParent = frameParent;
    public readonly ArrayView<float> Rel = rel, Off = off, Axis = axis;
    public readonly ArrayView<int> PairA = pairA, PairB = pairB, PairType = pairType, PairGlued = pairGlued, Heavy = heavy;
}
