using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

namespace MolScreen.Docking.Tests;

/// <summary>
/// The energy hot loop reads its tables without bounds checks, so PoseEnergy must refuse tables whose indices would leave
/// them (a clear error instead of reading foreign memory), and a NaN pose must stay inside the maps.
/// </summary>
public sealed class PoseEnergyIndexTests
{
    static readonly PairTable Table = new(ScoringWeights.Vina);

    // a 9-atom carbon chain (7 torsions) has pairs more than three bonds apart
    static LigandModel Chain() => LigandReader.Parse(SyntheticInputs.ChainLigand(7), "chain");

    static GridMaps MapsFor(LigandModel lig, bool allTypes = true)
    {
        var box = new GridBox(4f, 0.5f, 0f, 16f, 16f, 16f, 1f);
        int n = box.IntervalsX + 1, points = n * n * n;
        var offset = Enumerable.Repeat(-1, Typing.XsType.Count).ToArray();
        var types = lig.Xs.Where(t => t >= 0).Distinct().ToArray();
        int k = 0;
        foreach (int t in allTypes ? types : types.Skip(1)) offset[t] = points * k++;
        var data = new float[Math.Max(1, points * k)];
        for (int i = 0; i < data.Length; i++) data[i] = -0.001f * (i % 97);
        return new GridMaps { Box = box, NX = n, NY = n, NZ = n, Data = data, MapOffset = offset };
    }

    static LigandModel WithPairB(LigandModel l, int[] pairB) => new()
    {
        Name = l.Name, X = l.X, Y = l.Y, Z = l.Z, Ad = l.Ad, Xs = l.Xs, FrameOf = l.FrameOf, FrameParent = l.FrameParent,
        FrameOrigin = l.FrameOrigin, AxisBegin = l.AxisBegin, PairA = l.PairA, PairB = pairB, PairType = l.PairType,
        PairGlued = l.PairGlued, Bonds = l.Bonds, NumTors = l.NumTors, Torsdof = l.Torsdof, PdbqtLines = l.PdbqtLines,
        LineAtom = l.LineAtom, AtomNames = l.AtomNames,
    };

    [Fact]
    public void Valid_tables_evaluate_to_a_finite_energy()
    {
        var lig = Chain();
        Assert.NotEmpty(lig.PairA);
        var kin = new LigandKinematics(lig);
        var energy = new PoseEnergy(lig, kin, MapsFor(lig), Table);
        var conf = new float[kin.ConfSize];
        kin.Initial(conf);
        var grad = new float[kin.GradSize];
        Assert.True(float.IsFinite(energy.Eval(conf, grad, new ChainWork(kin), 1000f, 1000f, out _)));
    }

    [Fact]
    public void A_pair_naming_an_atom_outside_the_ligand_is_refused()
    {
        var lig = Chain();
        var pairB = (int[])lig.PairB.Clone();
        pairB[^1] = lig.AtomCount;
        var bad = WithPairB(lig, pairB);
        var ex = Assert.Throws<DockingException>(() => new PoseEnergy(bad, new LigandKinematics(bad), MapsFor(bad), Table));
        Assert.Contains("intramolecular pair", ex.Message);
    }

    [Fact]
    public void A_scored_type_without_a_map_is_refused()
    {
        var lig = Chain();
        var ex = Assert.Throws<DockingException>(() => new PoseEnergy(lig, new LigandKinematics(lig), MapsFor(lig, allTypes: false), Table));
        Assert.Contains("without a grid map", ex.Message);
    }

    [Fact]
    public void Scratch_of_a_smaller_ligand_is_refused()
    {
        var lig = Chain();
        var kin = new LigandKinematics(lig);
        var energy = new PoseEnergy(lig, kin, MapsFor(lig), Table);
        var small = LigandReader.Parse(SyntheticInputs.ChainLigand(1), "small");
        var conf = new float[kin.ConfSize];
        kin.Initial(conf);
        Assert.Throws<ArgumentException>(() => energy.Eval(conf, new float[kin.GradSize], new ChainWork(new LigandKinematics(small)), 1000f, 1000f, out _));
    }

    [Fact]
    public void A_NaN_pose_gives_NaN_without_leaving_the_maps()
    {
        var lig = Chain();
        var kin = new LigandKinematics(lig);
        var energy = new PoseEnergy(lig, kin, MapsFor(lig), Table);
        var conf = new float[kin.ConfSize];
        kin.Initial(conf);
        conf[0] = float.NaN;
        Assert.True(float.IsNaN(energy.Eval(conf, new float[kin.GradSize], new ChainWork(kin), 1000f, 1000f, out _)));
    }
}
