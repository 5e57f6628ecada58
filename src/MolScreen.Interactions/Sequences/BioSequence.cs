namespace MolScreen.Interactions.Sequences;

/// <summary>A validated protein or RNA sequence: upper-case, one letter per residue, unknowns kept as the alphabet's wildcard.</summary>
public sealed record BioSequence(string Name, string Letters, SequenceKind Kind)
{
    public int Length => Letters.Length;
}

public enum SequenceKind { Protein, Rna }

/// <summary>
/// Which letters a sequence may hold. Strict parsing (the product's inputs) rejects anything outside IUPAC; lenient
/// parsing (published benchmark files, which carry PDB modified-residue letters such as F or I in RNA chains) maps
/// such letters to the wildcard and counts them, so the benchmark protocol keeps every pair.
/// </summary>
public static class SequenceAlphabet
{
    public const string Amino = "ACDEFGHIKLMNPQRSTVWY";
    public const string Nucleotides = "ACGU";
    // IUPAC ambiguity letters and X (PDB unknown): valid, but they carry no identity for k-mer counting.
    private const string AminoWildcards = "XBZJUO";
    private const string RnaWildcards = "NRYKMSWBDHVX";

    public static BioSequence Protein(string name, string text, bool lenient = false) => Parse(name, text, SequenceKind.Protein, lenient, out _);
    public static BioSequence Rna(string name, string text, bool lenient = false) => Parse(name, text, SequenceKind.Rna, lenient, out _);

    public static BioSequence Parse(string name, string text, SequenceKind kind, bool lenient, out int replaced)
    {
        replaced = 0;
        var chars = new List<char>(text.Length);
        foreach (var raw in text)
        {
            if (char.IsWhiteSpace(raw) || raw == '*') continue;
            var c = char.ToUpperInvariant(raw);
            if (kind == SequenceKind.Rna && c == 'T') c = 'U';
            var known = kind == SequenceKind.Protein ? Amino.Contains(c) || AminoWildcards.Contains(c) : Nucleotides.Contains(c) || RnaWildcards.Contains(c);
            if (!known)
            {
                if (!lenient || c < 'A' || c > 'Z')
                    throw new FormatException($"{kind} sequence '{name}': unknown residue letter '{raw}' at position {chars.Count + 1} (expected {(kind == SequenceKind.Protein ? "the 20 amino acids or IUPAC X/B/Z/U/O/J" : "A, C, G, U (T read as U) or IUPAC N/R/Y/K/M/S/W/B/D/H/V")})");
                c = kind == SequenceKind.Protein ? 'X' : 'N';
                replaced++;
            }
            chars.Add(c);
        }
        if (chars.Count == 0) throw new FormatException($"{kind} sequence '{name}': empty sequence");
        return new BioSequence(name, new string([.. chars]), kind);
    }
}
