namespace MolScreen.Core.Structures;

public enum ResidueKind { Protein, Rna, Dna, Water, Other }

/// <summary>
/// Classifies residues by name, falling back on backbone atoms for modified residues whose names no list holds:
/// N + CA + C is a peptide residue; a sugar C1' with O2' is a ribonucleotide, without it a deoxyribonucleotide.
/// </summary>
public static class ResidueClassifier
{
    private static readonly Dictionary<string, char> AminoAcids = new()
    {
        ["ALA"] = 'A', ["ARG"] = 'R', ["ASN"] = 'N', ["ASP"] = 'D', ["CYS"] = 'C', ["GLN"] = 'Q', ["GLU"] = 'E', ["GLY"] = 'G',
        ["HIS"] = 'H', ["ILE"] = 'I', ["LEU"] = 'L', ["LYS"] = 'K', ["MET"] = 'M', ["PHE"] = 'F', ["PRO"] = 'P', ["SER"] = 'S',
        ["THR"] = 'T', ["TRP"] = 'W', ["TYR"] = 'Y', ["VAL"] = 'V',
        // Common modified residues, read as their parent so sequence features see the chain as written by the gene.
        ["MSE"] = 'M', ["SEC"] = 'U', ["PYL"] = 'O', ["HSD"] = 'H', ["HSE"] = 'H', ["HIE"] = 'H', ["HID"] = 'H', ["HIP"] = 'H',
        ["CYX"] = 'C', ["SEP"] = 'S',
        // Charged-state names written by some electrostatics tools (e.g. the APBS λN–boxB example).
        ["AR+"] = 'R', ["LY+"] = 'K', ["AS-"] = 'D', ["GL-"] = 'E', ["TPO"] = 'T', ["PTR"] = 'Y', ["MLY"] = 'K',
    };
    private static readonly Dictionary<string, char> Ribonucleotides = new()
    {
        ["A"] = 'A', ["C"] = 'C', ["G"] = 'G', ["U"] = 'U', ["I"] = 'N', ["PSU"] = 'U', ["5MC"] = 'C', ["OMG"] = 'G', ["OMC"] = 'C',
        ["2MG"] = 'G', ["M2G"] = 'G', ["7MG"] = 'G', ["1MA"] = 'A', ["H2U"] = 'U', ["5MU"] = 'U', ["4SU"] = 'U', ["ADE"] = 'A',
        ["CYT"] = 'C', ["GUA"] = 'G', ["URA"] = 'U', ["RA"] = 'A', ["RC"] = 'C', ["RG"] = 'G', ["RU"] = 'U',
    };
    private static readonly Dictionary<string, char> Deoxyribonucleotides = new()
    {
        ["DA"] = 'A', ["DC"] = 'C', ["DG"] = 'G', ["DT"] = 'T', ["DU"] = 'U', ["DI"] = 'N',
    };

    // Free nucleotides, nucleosides and nucleotide cofactors carry a ribose (C1', O2') and often a phosphate, so the
    // backbone fallback would call them RNA; they are ligands, not chain residues (6ZU5's AMP is one).
    private static readonly HashSet<string> NucleotideLigands =
    [
        "AMP", "ADP", "ATP", "GMP", "GDP", "GTP", "CMP", "CDP", "CTP", "UMP", "UDP", "UTP", "ADN", "GNP", "GCP", "GSP",
        "ANP", "ACP", "APC", "5GP", "NAD", "NAI", "NAP", "NDP", "FAD", "SAM", "SAH", "COA", "A3P", "PAP", "C2E", "C5P",
    ];

    public static ResidueKind Classify(string residueName, IReadOnlyCollection<string> atomNames)
    {
        var name = residueName.Trim().ToUpperInvariant();
        if (name is "HOH" or "WAT" or "DOD") return ResidueKind.Water;
        if (AminoAcids.ContainsKey(name)) return ResidueKind.Protein;
        if (Ribonucleotides.ContainsKey(name)) return ResidueKind.Rna;
        if (Deoxyribonucleotides.ContainsKey(name)) return ResidueKind.Dna;
        if (NucleotideLigands.Contains(name)) return ResidueKind.Other;
        bool Has(string a) => atomNames.Contains(a);
        if (Has("C1'") && (Has("P") || Has("O5'") || Has("O3'")))
            return Has("O2'") ? ResidueKind.Rna : ResidueKind.Dna;
        if (Has("N") && Has("CA") && Has("C")) return ResidueKind.Protein;
        return ResidueKind.Other;
    }

    /// <summary>One-letter code: the amino acid (X when unknown) or the nucleotide (N when unknown).</summary>
    public static char OneLetter(string residueName, ResidueKind kind)
    {
        var name = residueName.Trim().ToUpperInvariant();
        return kind switch
        {
            ResidueKind.Protein => AminoAcids.GetValueOrDefault(name, 'X'),
            ResidueKind.Rna => Ribonucleotides.GetValueOrDefault(name, 'N'),
            ResidueKind.Dna => Deoxyribonucleotides.GetValueOrDefault(name, 'N'),
            _ => '?',
        };
    }
}
