using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MolScreen.Chemistry.OpenBabel;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using Parquet.Schema;

namespace MolScreen.Ranking.Tests;

/// <summary>
/// Stand-ins for the predict and dock stages, writing exactly their column contracts from a
/// featurize shard with deterministic pseudo-values, so rank is tested on the shapes it will read.
/// </summary>
public abstract class FakeUpstreamStage : IMapStage
{
    public abstract string Kind { get; }
    public string Description => "test stand-in";
    public string Version => "1";
    public StageShape Shape => StageShape.Map;
    public IReadOnlyList<ParameterSpec> Parameters { get; } = [];

    /// <summary>A value in [0, 1) fixed by the id and a salt.</summary>
    public static double Unit(string id, string salt) => BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(salt + id)), 0) / (double)uint.MaxValue;

    protected abstract ParquetSchema Schema { get; }
    /// <summary>The row's values, or null with a reject reason.</summary>
    protected abstract object?[]? Row(string id, string smiles, int heavyAtoms, out string? reason);

    public async Task<ShardResult> RunShardAsync(ShardContext ctx, string inputPath, string dataPath)
    {
        await using var r = await TableReader.OpenAsync(inputPath);
        var rows = new List<object?[]>();
        long n = 0;
        for (int g = 0; g < r.RowGroupCount; g++)
        {
            var c = await r.ReadRowGroupAsync(g, "id", "canonical_smiles", "heavy_atoms");
            var ids = (string?[])c[0].Values; var smi = (string?[])c[1].Values; var heavy = (int[])c[2].Values;
            for (int i = 0; i < ids.Length; i++, n++)
            {
                if (Row(ids[i]!, smi[i]!, heavy[i], out var reason) is { } row) rows.Add([ids[i], .. row]);
                else ctx.Rejects.Add(new Reject(ids[i], Kind, null, smi[i], ctx.StageName, reason!));
            }
        }
        await using var w = await TableWriter.CreateAsync(dataPath, Schema);
        if (rows.Count > 0)
            await w.WriteRowGroupAsync(Schema.DataFields.Select((f, k) => new ColumnData(f, Column(f, rows, k))).ToArray());
        return new ShardResult(n, rows.Count, await w.CommitAsync());
    }

    // Parquet.Net 6 reports a declared string field's type as ReadOnlyMemory<char>: test the others.
    private static Array Column(DataField f, List<object?[]> rows, int k) =>
        f.ClrType == typeof(bool) ? rows.Select(r => (bool)r[k]!).ToArray()
        : f.ClrType == typeof(double) ? (f.IsNullable ? rows.Select(r => (double?)r[k]).ToArray() : rows.Select(r => (double)r[k]!).ToArray())
        : f.ClrType == typeof(int) ? rows.Select(r => (int)r[k]!).ToArray()
        : rows.Select(r => (string?)r[k]).ToArray();
}

/// <summary>predict's contract: id, MODEL_pred, MODEL_std, MODEL_in_domain (here logs and herg) and a model version.</summary>
public sealed class FakePredictStage : FakeUpstreamStage
{
    public override string Kind => "fake_predict";

    protected override ParquetSchema Schema { get; } = new(
        new DataField("id", typeof(string), false),
        new DataField("logs_pred", typeof(double), false), new DataField("logs_std", typeof(double), false), new DataField("logs_in_domain", typeof(bool), false),
        new DataField("herg_pred", typeof(double), false), new DataField("herg_std", typeof(double), false), new DataField("herg_in_domain", typeof(bool), false),
        new DataField("model_version", typeof(string), false));

    protected override object?[]? Row(string id, string smiles, int heavyAtoms, out string? reason)
    {
        reason = null;
        return [-7 + 6 * Unit(id, "logs"), 0.2 + 0.5 * Unit(id, "logs_std"), Unit(id, "dom") > 0.2,
                Unit(id, "herg"), 0.05 + 0.1 * Unit(id, "herg_std"), true, "fake-1"];
    }
}

/// <summary>
/// dock's contract: one row per docked compound with dock_score, heavy_atoms, pose_sdf (a real
/// molblock: the 2D layout at z = 0), interface_occupancy and interface_contacts; about one in
/// eight compounds fails to dock and goes to rejects, as a real docking run would.
/// </summary>
public sealed class FakeDockStage : FakeUpstreamStage
{
    public override string Kind => "fake_dock";
    public static readonly string[] Residues = ["K51", "R52", "R53", "G54", "U23", "A22", "C24", "R49"];

    protected override ParquetSchema Schema { get; } = new(
        new DataField("id", typeof(string), false), new DataField("dock_score", typeof(double), false), new DataField("heavy_atoms", typeof(int), false),
        new DataField("pose_sdf", typeof(string), false), new DataField("interface_occupancy", typeof(double), true), new DataField("interface_contacts", typeof(string), false));

    public static bool Fails(string id) => Unit(id, "fail") < 0.125;

    protected override object?[]? Row(string id, string smiles, int heavyAtoms, out string? reason)
    {
        reason = Fails(id) ? "docking failed: no pose inside the box" : null;
        if (reason != null) return null;
        var contacts = Residues.Where(r => Unit(id, r) < 0.4).ToList();
        return [-4 - 0.25 * heavyAtoms * (0.5 + Unit(id, "score")), heavyAtoms, Molblock(id, smiles), contacts.Count / (double)Residues.Length, string.Join(",", contacts)];
    }

    private static string Molblock(string id, string smiles)
    {
        using var mol = ObMolecule.FromSmiles(smiles);
        var d = ObDepiction.Layout(mol);
        var g = d.Graph;
        var sb = new StringBuilder($"{id}\n  fake-dock\n\n{g.AtomCount,3}{g.BondCount,3}  0  0  0  0  0  0  0  0999 V2000\n");
        string[] sym = ["*", "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca"];
        for (int i = 0; i < g.AtomCount; i++)
            sb.Append(string.Format(CultureInfo.InvariantCulture, "{0,10:0.0000}{1,10:0.0000}{2,10:0.0000} {3,-3} 0  0  0  0  0  0  0  0  0  0  0  0\n",
                d.XY[2 * i], d.XY[2 * i + 1], 0.0, g.AtomicNumber[i] < sym.Length ? sym[g.AtomicNumber[i]] : g.AtomicNumber[i] == 35 ? "Br" : "I"));
        for (int b = 0; b < g.BondCount; b++)
            sb.Append(string.Format(CultureInfo.InvariantCulture, "{0,3}{1,3}{2,3}  0\n", g.BondBegin[b] + 1, g.BondEnd[b] + 1, g.BondKinds[b] == Chemistry.Molecules.BondKind.Aromatic ? 4 : (int)g.BondKinds[b]));
        return sb.Append("M  END\n").ToString();
    }
}
