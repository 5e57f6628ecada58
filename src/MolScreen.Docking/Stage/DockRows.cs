using MolScreen.Core.IO;
using MolScreen.Docking.Search;
using Parquet.Schema;

namespace MolScreen.Docking.Stage;

/// <summary>One compound's docking result as the dock stage writes it (schema in docs/parquet-schemas.md, section dock stage).</summary>
public sealed record DockRow(string Id, DockedPose Best, int Poses, int HeavyAtoms, int Torsions, string PoseSdf,
    double? InterfaceOccupancy, string InterfaceContacts, long Seed, string Mode, string Device);

/// <summary>The dock stage's output columns: the rank stage's contract first, then the best pose's energy breakdown and provenance.</summary>
public sealed class DockRows
{
    public static readonly ParquetSchema Schema = new(
        new DataField("id", typeof(string), false),
        new DataField<double>("dock_score"),
        new DataField<int>("heavy_atoms"),
        new DataField("pose_sdf", typeof(string), false),
        new DataField("interface_occupancy", typeof(double), true),
        new DataField("interface_contacts", typeof(string), false),
        new DataField<double>("dock_inter"),
        new DataField<double>("dock_intra"),
        new DataField<double>("dock_gauss1"),
        new DataField<double>("dock_gauss2"),
        new DataField<double>("dock_repulsion"),
        new DataField<double>("dock_hydrophobic"),
        new DataField<double>("dock_hbond"),
        new DataField<int>("dock_torsions"),
        new DataField<int>("dock_poses"),
        new DataField<long>("dock_seed"),
        new DataField("dock_mode", typeof(string), false),
        new DataField("dock_device", typeof(string), false));

    readonly List<DockRow> _rows = [];
    public int Count => _rows.Count;
    public void Add(DockRow r) => _rows.Add(r);
    public void Clear() => _rows.Clear();

    public ColumnData[] ToColumns()
    {
        var f = Schema.DataFields;
        double[] Term(int k) => _rows.Select(r => (double)r.Best.Terms[k]).ToArray();
        return
        [
            new(f[0], _rows.Select(r => (string?)r.Id).ToArray()),
            new(f[1], _rows.Select(r => (double)r.Best.Score).ToArray()),
            new(f[2], _rows.Select(r => r.HeavyAtoms).ToArray()),
            new(f[3], _rows.Select(r => (string?)r.PoseSdf).ToArray()),
            new(f[4], _rows.Select(r => r.InterfaceOccupancy).ToArray()),
            new(f[5], _rows.Select(r => (string?)r.InterfaceContacts).ToArray()),
            new(f[6], _rows.Select(r => (double)r.Best.Inter).ToArray()),
            new(f[7], _rows.Select(r => (double)r.Best.Intra).ToArray()),
            new(f[8], Term(0)), new(f[9], Term(1)), new(f[10], Term(2)), new(f[11], Term(3)), new(f[12], Term(4)),
            new(f[13], _rows.Select(r => r.Torsions).ToArray()),
            new(f[14], _rows.Select(r => r.Poses).ToArray()),
            new(f[15], _rows.Select(r => r.Seed).ToArray()),
            new(f[16], _rows.Select(r => (string?)r.Mode).ToArray()),
            new(f[17], _rows.Select(r => (string?)r.Device).ToArray()),
        ];
    }
}
