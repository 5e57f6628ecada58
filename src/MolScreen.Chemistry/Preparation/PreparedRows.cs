using System.Runtime.InteropServices;
using MolScreen.Chemistry.Conformers;
using MolScreen.Chemistry.Smarts;
using MolScreen.Core.IO;
using Parquet.Schema;

namespace MolScreen.Chemistry.Preparation;

/// <summary>
/// The prepare output schema (docs/parquet-schemas.md) and column buffers for one row group.
/// Per-atom and per-bond arrays are stored packed little-endian in binary columns (our Parquet
/// layer writes flat columns only): coordinates and charges as float64, bonds, fragments and
/// torsions as int32; element symbols and AD4 types as space-separated text.
/// </summary>
public sealed class PreparedRows
{
    public static readonly ParquetSchema Schema = new(
        new DataField("id", typeof(string), false),
        new DataField("canonical_smiles", typeof(string), false),
        new DataField("prepared_smiles", typeof(string), false),
        new DataField("heavy_atoms", typeof(int), false),
        new DataField("atoms", typeof(int), false),
        new DataField("elements", typeof(string), false),
        new DataField("ad4_types", typeof(string), false),
        new DataField("coordinates", typeof(byte[]), false),
        new DataField("charges", typeof(byte[]), false),
        new DataField("bonds", typeof(byte[]), false),
        new DataField("atom_fragment", typeof(byte[]), false),
        new DataField("torsion_bonds", typeof(byte[]), false),
        new DataField("force_field", typeof(string), false),
        new DataField("torsions", typeof(int), false),
        new DataField("pdbqt", typeof(string), false),
        new DataField("build_attempts", typeof(int), false),
        new DataField("refine_steps", typeof(int), false),
        new DataField("max_gradient", typeof(double), false));

    private readonly List<(string Smiles, PreparedLigand L)> _rows = new();
    public int Count => _rows.Count;

    public void Add(string canonicalSmiles, PreparedLigand ligand) => _rows.Add((canonicalSmiles, ligand));
    public void Clear() => _rows.Clear();

    public static string ForceFieldName(ForceField ff) => ff == ForceField.Mmff94 ? "mmff94" : "uff";

    public ColumnData[] ToColumns()
    {
        var d = Schema.DataFields;
        int i = 0;
        ColumnData Col<T>(Func<(string Smiles, PreparedLigand L), T> pick) => new(d[i++], _rows.Select(pick).ToArray());
        return
        [
            Col(r => r.L.Id), Col(r => r.Smiles), Col(r => r.L.Smiles), Col(r => r.L.HeavyAtoms), Col(r => r.L.Atoms.AtomCount),
            Col(r => string.Join(' ', r.L.Atoms.Conformer.AtomicNumber.Select(ElementSymbols.Symbol))),
            Col(r => string.Join(' ', r.L.Ad4Types)),
            Col(r => Pack(r.L.Atoms.Conformer.Coordinates)),
            Col(r => Pack(r.L.Atoms.Charges.PartialCharge)),
            Col(r => Pack(Bonds(r.L.Atoms.Conformer))),
            Col(r => Pack(r.L.Tree.AtomFragment)),
            Col(r => Pack(r.L.Tree.Branches.SelectMany(b => new[] { b.ParentAtom, b.ChildAtom }).ToArray())),
            Col(r => ForceFieldName(r.L.ForceField)),
            Col(r => r.L.Tree.Torsions),
            Col(r => r.L.Pdbqt),
            Col(r => r.L.BuildAttempts),
            Col(r => r.L.RefineSteps),
            Col(r => r.L.Atoms.Conformer.Strain?.MaxGradient ?? double.NaN),
        ];
    }

    private static int[] Bonds(Conformer3D c)
    {
        var packed = new int[3 * c.BondCount];
        for (int b = 0; b < c.BondCount; b++)
        {
            packed[3 * b] = c.BondBegin[b];
            packed[3 * b + 1] = c.BondEnd[b];
            packed[3 * b + 2] = c.BondOrder[b];
        }
        return packed;
    }

    // .NET on every platform we build for is little-endian, the documented layout.
    public static byte[] Pack<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    public static T[] Unpack<T>(byte[] bytes) where T : unmanaged => MemoryMarshal.Cast<byte, T>(bytes).ToArray();
}
