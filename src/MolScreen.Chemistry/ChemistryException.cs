namespace MolScreen.Chemistry;

/// <summary>What kind of record-level failure a <see cref="ChemistryException"/> reports.</summary>
public enum ChemistryErrorKind
{
    /// <summary>The input cannot be read as a molecule (syntax, valence, dummy atoms...).</summary>
    Parse,
    /// <summary>The molecule was read but this operation cannot be done on it (e.g. InChI of an exotic species).</summary>
    Unsupported,
    /// <summary>A toolkit component is not installed (e.g. OpenBabel's InChI plugin); affects every record.</summary>
    MissingComponent,
    /// <summary>The toolkit failed internally (out of memory, unexpected exception).</summary>
    Internal,
}

/// <summary>
/// A chemistry operation failed for one record. The message is the record-level reason
/// ("SMILES parse error: ...") meant for reject files; other records can still be processed,
/// except for <see cref="ChemistryErrorKind.MissingComponent"/>.
/// </summary>
public sealed class ChemistryException(ChemistryErrorKind kind, string message) : Exception(message)
{
    public ChemistryErrorKind Kind { get; } = kind;
}
