using MolScreen.Core.IO;
using MolScreen.Docking.Search;
using Parquet.Schema;

namespace MolScreen.Docking.Output;

/// <summary>One row per reported pose (schema in docs/parquet-schemas.md, section dock).</summary>
public static class PoseTable
{
    public static readonly ParquetSchema Schema = new(
        new DataField("compound_id", typeof(string), false),
        new DataField<int>("pose_rank"),
        new DataField<float>("score"),
        new DataField<float>("inter"),
        new DataField<float>("intra"),
        new DataField<float>("gauss1"),
        new DataField<float>("gauss2"),
        new DataField<float>("repulsion"),
        new DataField<float>("hydrophobic"),
        new DataField<float>("hbond"),
        new DataField<float>("rmsd_lb"),
        new DataField<float>("rmsd_ub"),
        new DataField<long>("seed"),
        new DataField("mode", typeof(string), false),
        new DataField("device", typeof(string), false));

    public sealed record Row(string CompoundId, DockedPose Pose, long Seed, string Mode, string Device);

    public static ColumnData[] ToColumns(IReadOnlyList<Row> rows)
    {
        var f = Schema.DataFields;
        float[] Terms(int k) => rows.Select(r => r.Pose.Terms[k]).ToArray();
        return
        [
            new(f[0], rows.Select(r => (string?)r.CompoundId).ToArray()),
            new(f[1], rows.Select(r => r.Pose.Rank).ToArray()),
            new(f[2], rows.Select(r => r.Pose.Score).ToArray()),
            new(f[3], rows.Select(r => r.Pose.Inter).ToArray()),
            new(f[4], rows.Select(r => r.Pose.Intra).ToArray()),
            new(f[5], Terms(0)), new(f[6], Terms(1)), new(f[7], Terms(2)), new(f[8], Terms(3)), new(f[9], Terms(4)),
            new(f[10], rows.Select(r => r.Pose.RmsdLb).ToArray()),
            new(f[11], rows.Select(r => r.Pose.RmsdUb).ToArray()),
            new(f[12], rows.Select(r => r.Seed).ToArray()),
            new(f[13], rows.Select(r => (string?)r.Mode).ToArray()),
            new(f[14], rows.Select(r => (string?)r.Device).ToArray()),
        ];
    }
}
