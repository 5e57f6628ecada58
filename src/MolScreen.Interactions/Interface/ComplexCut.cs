using System.Globalization;
using MolScreen.Core.Structures;

namespace MolScreen.Interactions.Interface;

/// <summary>
/// One protein chain cut out of a large protein–RNA complex (a ribosome) with the RNA around it: the protein's residues
/// (with the ions and ligands its authors gave the chain, waters left out) and every RNA residue with a heavy atom
/// within <see cref="RnaWithin"/> Å of a protein heavy atom. Chains are renamed for PDB's one-character column:
/// the protein A, the RNA chains B, C, … in file order; <see cref="Remarks"/> records the mapping.
/// </summary>
public sealed record SubComplex(
    string Source, string ProteinChain, double RnaWithin, IReadOnlyList<StructureResidue> Protein, IReadOnlyList<StructureResidue> Rna,
    IReadOnlyDictionary<string, char> ChainMap)
{
    public IReadOnlyList<string> Remarks =>
    [
        $"cut from {Source} by molscreen target cut: protein chain {ProteinChain} and RNA residues within {RnaWithin.ToString(CultureInfo.InvariantCulture)} A of it",
        .. ChainMap.Select(kv => $"chain {kv.Value} = {Source} chain {kv.Key}"),
    ];

    /// <summary>
    /// Writes protein.pdb (chain A), rna.pdb, complex.pdb (both) and rna.fasta (one record per contiguous RNA stretch)
    /// into <paramref name="directory"/>; returns the paths in that order.
    /// </summary>
    public IReadOnlyList<string> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        string P(string name) => Path.Combine(directory, name);
        PdbWriter.Write(P("protein.pdb"), Protein, ChainMap, Remarks);
        PdbWriter.Write(P("rna.pdb"), Rna, ChainMap, Remarks);
        PdbWriter.Write(P("complex.pdb"), Protein.Concat(Rna), ChainMap, Remarks);
        var fasta = string.Concat(RnaSegments().Select(s => $">{Source} {s.Name}\n{s.Sequence}\n"));
        File.WriteAllText(P("rna.fasta.tmp"), fasta);
        File.Move(P("rna.fasta.tmp"), P("rna.fasta"), overwrite: true);
        return [P("protein.pdb"), P("rna.pdb"), P("complex.pdb"), P("rna.fasta")];
    }

    /// <summary>The cut RNA as contiguous stretches (consecutive residue numbers of one chain), each "chain:first-last" with its sequence.</summary>
    public IReadOnlyList<(string Name, string Sequence)> RnaSegments()
    {
        var segments = new List<(string, string)>();
        int i = 0;
        while (i < Rna.Count)
        {
            int j = i + 1;
            while (j < Rna.Count && Rna[j].ChainId == Rna[i].ChainId && Rna[j].Number == Rna[j - 1].Number + 1) j++;
            segments.Add(($"{Rna[i].ChainId}:{Rna[i].Number}-{Rna[j - 1].Number}", new string(Rna.Skip(i).Take(j - i).Select(r => r.OneLetter).ToArray())));
            i = j;
        }
        return segments;
    }
}

public static class ComplexCut
{
    public static SubComplex Cut(MacromolecularStructure complex, string proteinChain, double rnaWithin)
    {
        if (!(rnaWithin > 0 && rnaWithin <= 30)) throw new ArgumentException($"RNA distance {rnaWithin} Å: expected more than 0 and at most 30");
        var chain = complex.Residues.Where(r => r.ChainId == proteinChain && r.Kind != ResidueKind.Water).ToList();
        if (!chain.Any(r => r.Kind == ResidueKind.Protein))
        {
            var proteins = complex.Residues.Where(r => r.Kind == ResidueKind.Protein).Select(r => r.ChainId).Distinct();
            throw new ArgumentException($"{complex.Name}: chain '{proteinChain}' has no protein residues (protein chains: {string.Join(" ", proteins)})");
        }
        var grid = new AtomGrid(chain.SelectMany(r => r.HeavyAtoms), rnaWithin);
        var rna = complex.OfKind(ResidueKind.Rna).Where(r => r.HeavyAtoms.Any(a => grid.NearestDistance(a) <= rnaWithin)).ToList();
        if (rna.Count == 0) throw new ArgumentException($"{complex.Name}: no RNA residue lies within {rnaWithin} Å of chain {proteinChain}");
        var map = new Dictionary<string, char> { [proteinChain] = 'A' };
        const string ids = "BCDEFGHIJKLMNOPQRSTUVWXYZ";
        foreach (var id in rna.Select(r => r.ChainId).Distinct())
        {
            if (map.Count > ids.Length) throw new ArgumentException($"{complex.Name}: the RNA around chain {proteinChain} spans more chains than PDB ids B–Z");
            map[id] = ids[map.Count - 1];
        }
        return new SubComplex(complex.Name, proteinChain, rnaWithin, chain, rna, map);
    }
}
