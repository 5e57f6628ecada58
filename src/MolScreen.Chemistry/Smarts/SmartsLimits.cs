namespace MolScreen.Chemistry.Smarts;

/// <summary>
/// Size limits of one SMARTS pattern. Parsing and matching recurse per recursive SMARTS level and
/// per query atom, so a pattern from a workflow file is bounded before it can exhaust the stack or
/// take quadratic time. Real screening patterns stay far below every limit.
/// </summary>
public static class SmartsLimits
{
    /// <summary>Characters in one pattern.</summary>
    public const int MaxLength = 4096;

    /// <summary>Query atoms in one pattern (each level of a recursive SMARTS counts separately).</summary>
    public const int MaxAtoms = 256;

    /// <summary>Open branches '(' at one time.</summary>
    public const int MaxBranchDepth = 64;

    /// <summary>Recursive SMARTS '$(' inside one another.</summary>
    public const int MaxRecursionDepth = 8;
}
