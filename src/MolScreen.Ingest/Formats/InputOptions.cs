namespace MolScreen.Ingest.Formats;

/// <summary>How to interpret an input file; every null member means "work it out from the file".</summary>
public sealed record InputOptions
{
    /// <summary>
    /// The format; null detects it from the extension, looking through a trailing ".gz":
    /// .smi/.smiles/.ism → Smiles, .csv/.tsv/.tab → Delimited, .sdf/.sd/.mol → Sdf, .parquet → Parquet.
    /// </summary>
    public InputFormat? Format { get; init; }

    /// <summary>Delimited only: the field separator; null takes ',' for .csv and '\t' for .tsv/.tab.</summary>
    public char? Delimiter { get; init; }

    /// <summary>Smiles/Delimited: whether the first non-blank, non-comment line is a header; null auto-detects.</summary>
    public bool? HasHeader { get; init; }

    /// <summary>Delimited/Parquet: the SMILES column name, matched case-insensitively.</summary>
    public string SmilesColumn { get; init; } = "smiles";

    /// <summary>
    /// Delimited/Parquet: the name column; null picks the first of "name", "id", "title",
    /// "compound_id", "mol_id" that is present (case-insensitive).
    /// </summary>
    public string? NameColumn { get; init; }

    /// <summary>Sdf: the SD data tag holding the name; null uses the molblock title line.</summary>
    public string? NameField { get; init; }

    /// <summary>Records longer than this many bytes are rejected without being loaded whole.</summary>
    public int MaxRecordBytes { get; init; } = 1 << 20;
}
