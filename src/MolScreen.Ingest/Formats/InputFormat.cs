namespace MolScreen.Ingest.Formats;

/// <summary>The on-disk layout of a screening input file.</summary>
public enum InputFormat
{
    /// <summary>One SMILES per line, optionally followed by whitespace and a name.</summary>
    Smiles,

    /// <summary>CSV/TSV-style delimited text with a SMILES column.</summary>
    Delimited,

    /// <summary>MDL SD file: molblocks separated by <c>$$$$</c> lines.</summary>
    Sdf,

    /// <summary>Apache Parquet with a string SMILES column.</summary>
    Parquet,
}
