using MolScreen.Core.IO;
using Parquet.Schema;

namespace MolScreen.Chemistry.Featurize;

/// <summary>The featurize output schema (docs/parquet-schemas.md) and column buffers for one row group.</summary>
public sealed class FeatureRows
{
    public static readonly ParquetSchema Schema = new(
        new DataField("id", typeof(string), false),
        new DataField("name", typeof(string), true),
        new DataField("canonical_smiles", typeof(string), false),
        new DataField("inchikey", typeof(string), false),
        new DataField("standardization", typeof(string), true),
        new DataField("mw", typeof(double), false),
        new DataField("exact_mass", typeof(double), false),
        new DataField("clogp", typeof(double), false),
        new DataField("tpsa", typeof(double), false),
        new DataField("hbd", typeof(int), false),
        new DataField("hba", typeof(int), false),
        new DataField("rotb", typeof(int), false),
        new DataField("rings", typeof(int), false),
        new DataField("aromatic_rings", typeof(int), false),
        new DataField("heavy_atoms", typeof(int), false),
        new DataField("formal_charge", typeof(int), false),
        new DataField("fsp3", typeof(double), false),
        new DataField("qed", typeof(double), false),
        new DataField("ecfp4", typeof(byte[]), false),
        new DataField("pass_ro5", typeof(bool), false),
        new DataField("pass_veber", typeof(bool), false),
        new DataField("pass_pains", typeof(bool), false),
        new DataField("pass_reactive", typeof(bool), false),
        new DataField("filter_reasons", typeof(string), false));

    private readonly List<(string Id, string? Name, MoleculeFeatures F)> _rows = new();
    public int Count => _rows.Count;

    public void Add(string id, string? name, MoleculeFeatures f) => _rows.Add((id, name, f));
    public void Clear() => _rows.Clear();

    public ColumnData[] ToColumns()
    {
        var d = Schema.DataFields;
        int i = 0;
        ColumnData Col<T>(Func<(string Id, string? Name, MoleculeFeatures F), T> pick) => new(d[i++], _rows.Select(pick).ToArray());
        return
        [
            Col(r => r.Id), Col(r => r.Name), Col(r => r.F.CanonicalSmiles), Col(r => r.F.InChIKey), Col(r => r.F.Standardization),
            Col(r => r.F.MolecularWeight), Col(r => r.F.ExactMass), Col(r => r.F.CLogP), Col(r => r.F.Tpsa),
            Col(r => r.F.Hbd), Col(r => r.F.Hba), Col(r => r.F.RotatableBonds), Col(r => r.F.Rings), Col(r => r.F.AromaticRings),
            Col(r => r.F.HeavyAtoms), Col(r => r.F.FormalCharge), Col(r => r.F.Fsp3), Col(r => r.F.Qed), Col(r => r.F.Ecfp4),
            Col(r => r.F.PassRo5), Col(r => r.F.PassVeber), Col(r => r.F.PassPains), Col(r => r.F.PassReactive),
            Col(r => string.Join(";", r.F.FilterReasons)),
        ];
    }
}
