using ILGPU;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;

namespace MolScreen.Kernels.Docking;

/// <summary>
/// How a chain's lane group lays out its memory. Each lane's private windows (chain state, energy scratch) are interleaved:
/// element k of lane l sits at k·Lanes + l of the chain's block, so the lanes' redundant reads of the same element touch
/// consecutive addresses (one coalesced access on a GPU). The share area (per chain, written by all lanes, read by all
/// after a barrier) holds per atom energy, gx, gy, gz and per pair energy, fx, fy, fz, flag, each as its own array so
/// that lanes writing neighbouring atoms write neighbouring floats.
/// </summary>
public readonly struct LaneGroupLayout(int lanes, int maxAtoms, int maxPairs)
{
    public readonly int Lanes = lanes, MaxAtoms = maxAtoms, MaxPairs = maxPairs;
    public readonly int ShareStride = 4 * maxAtoms + 5 * maxPairs;

    /// <summary>Floats of the share area a chain needs for a ligand of this size.</summary>
    public static int ShareFloats(int atoms, int pairs) => 4 * atoms + 5 * pairs;
}

/// <summary>
/// The <see cref="IConformationObjective"/> of one lane of a chain's lane group (<see cref="DockGroupKernel"/>), the twin of
/// <see cref="DeviceObjective"/>. Every lane builds the coordinates itself (cheap, and keeps lanes free of each other's
/// state), then lane l evaluates the grid terms of atoms i ≡ l and the pair terms of pairs p ≡ l (mod Lanes) into the
/// chain's share area; after a barrier every lane sums them in the CPU loops' order (<see cref="PoseEnergyCore.Inter"/>,
/// <see cref="PoseEnergyCore.Intra"/>), so all lanes hold the CPU's energy and gradient bit for bit and stay in step.
/// Every lane must call <see cref="Eval"/> the same number of times (the barriers are group-wide); identical inputs make
/// the search's control flow identical on every lane.
/// </summary>
public readonly struct GroupObjective(LigandBatchView batch, MapsView maps, ScoringWeights weights, int ligand, ArrayView<float> state,
    long stateBase, ArrayView<float> scratch, long scratchBase, ScratchLayout scratchLayout, ArrayView<float> share, long shareBase,
    LaneGroupLayout group, int lane) : IConformationObjective
{
    readonly LigandBatchView _b = batch;
    readonly MapsView _m = maps;
    readonly ScoringWeights _w = weights;
    readonly int _ligand = ligand, _lane = lane;
    readonly ArrayView<float> _state = state, _scratch = scratch, _share = share;
    readonly long _stateBase = stateBase, _scratchBase = scratchBase, _shareBase = shareBase;
    readonly ScratchLayout _layout = scratchLayout;
    readonly LaneGroupLayout _group = group;

    /// <summary>This lane's private element k of a window starting at element offset of its interleaved block.</summary>
    StridedView Lane(ArrayView<float> view, long laneBase, int offset) => new(view, laneBase + (long)offset * _group.Lanes, _group.Lanes);

    FloatView Share(int array) => new(_share, _shareBase + array);

    public float Eval(int confOffset, int gradOffset, float vIntra, float vInter)
    {
        int n = _layout.MaxAtoms, lanes = _group.Lanes;
        int slot = _ligand * LigandBatch.SlotInts;
        int atomStart = _b.Slots[slot], atoms = _b.Slots[slot + 1], frameStart = _b.Slots[slot + 2], frames = _b.Slots[slot + 3];
        int pairStart = _b.Slots[slot + 4], pairs = _b.Slots[slot + 5];
        var x = Lane(_scratch, _scratchBase, 0); var y = Lane(_scratch, _scratchBase, n); var z = Lane(_scratch, _scratchBase, 2 * n);
        var gx = Lane(_scratch, _scratchBase, 3 * n); var gy = Lane(_scratch, _scratchBase, 4 * n); var gz = Lane(_scratch, _scratchBase, 5 * n);
        var fs = Lane(_scratch, _scratchBase, 6 * n);
        var frameOf = new IntView(_b.FrameOf, atomStart);
        var parent = new IntView(_b.FrameParent, frameStart);
        KinematicsCore.Build(frameOf, parent, new FloatView(_b.Rel, 3L * atomStart), new FloatView(_b.Off, 3L * frameStart),
            new FloatView(_b.Axis, 3L * frameStart), atoms, frames, Lane(_state, _stateBase, confOffset), x, y, z, fs);

        var xs = new IntView(_b.Xs, atomStart);
        var pairA = new IntView(_b.PairA, pairStart); var pairB = new IntView(_b.PairB, pairStart);
        var pairType = new IntView(_b.PairType, pairStart); var pairGlued = new IntView(_b.PairGlued, pairStart);
        int na = _group.MaxAtoms, np = _group.MaxPairs;
        var atomE = Share(0); var atomX = Share(na); var atomY = Share(2 * na); var atomZ = Share(3 * na);
        var pairE = Share(4 * na); var pairX = Share(4 * na + np); var pairY = Share(4 * na + 2 * np);
        var pairZ = Share(4 * na + 3 * np); var pairOn = Share(4 * na + 4 * np);
        var data = new FloatView(_m.Data); var offset = new IntView(_m.Offset); var energyDor = new FloatView(_m.EnergyDor);

        // this lane's share of the terms
        for (int i = _lane; i < atoms; i += lanes)
        {
            int t = xs[i];
            if (t < 0) continue; // the sums skip unscored atoms by xs themselves
            atomE[i] = PoseEnergyCore.AtomTerm(data, offset, _m.Geometry, vInter, t, x[i], y[i], z[i], out float ax, out float ay, out float az);
            atomX[i] = ax; atomY[i] = ay; atomZ[i] = az;
        }
        for (int p = _lane; p < pairs; p += lanes)
        {
            int a = pairA[p], b = pairB[p];
            bool on = PoseEnergyCore.PairTerm(pairType, pairGlued, p, energyDor, _w.Glue, vIntra, x[b] - x[a], y[b] - y[a], z[b] - z[a],
                out float e, out float fx, out float fy, out float fz);
            pairE[p] = e; pairX[p] = fx; pairY[p] = fy; pairZ[p] = fz; pairOn[p] = on ? 1f : 0f;
        }
        Group.Barrier();

        // every lane: the CPU's sums, term by term in its order (PoseEnergyCore.Inter, then Intra with its in-place updates)
        float inter = 0f;
        for (int i = 0; i < atoms; i++)
        {
            if (xs[i] < 0) { gx[i] = 0f; gy[i] = 0f; gz[i] = 0f; continue; }
            inter += atomE[i];
            gx[i] = atomX[i]; gy[i] = atomY[i]; gz[i] = atomZ[i];
        }
        // Intra's register trick too: this loop is the part every lane repeats, and the first atom's gradient then stays
        // in registers while its pairs run (the same float operations in the same order as updating gx[a] in place)
        float intra = 0f;
        int cur = -1;
        float gax = 0f, gay = 0f, gaz = 0f;
        for (int p = 0; p < pairs; p++)
        {
            if (pairOn[p] == 0f) continue;
            int a = pairA[p], b = pairB[p];
            if (a != cur)
            {
                if (cur >= 0) { gx[cur] = gax; gy[cur] = gay; gz[cur] = gaz; }
                cur = a;
                gax = gx[a]; gay = gy[a]; gaz = gz[a];
            }
            float fx = pairX[p], fy = pairY[p], fz = pairZ[p];
            intra += pairE[p];
            gax -= fx; gay -= fy; gaz -= fz;
            gx[b] += fx; gy[b] += fy; gz[b] += fz;
        }
        if (cur >= 0) { gx[cur] = gax; gy[cur] = gay; gz[cur] = gaz; }
        // the next evaluation overwrites the share area: no lane may get there while another still reads it
        Group.Barrier();

        if (gradOffset >= 0)
            KinematicsCore.Project(frameOf, parent, atoms, frames, x, y, z, gx, gy, gz, fs, Lane(_state, _stateBase, gradOffset));
        return inter + intra;
    }

    public float Heavy(int k)
    {
        int atom = _b.Heavy[_b.Slots[_ligand * LigandBatch.SlotInts + 6] + k / 3];
        return Lane(_scratch, _scratchBase, (k % 3) * _layout.MaxAtoms)[atom];
    }
}
