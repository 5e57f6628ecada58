namespace MolScreen.Core.Structures;

/// <summary>A residue: its atoms (one alternate location) and its polymer kind.</summary>
public sealed record StructureResidue(string ChainId, int Number, char InsertionCode, string Name, ResidueKind Kind, IReadOnlyList<StructureAtom> Atoms)
{
    public char OneLetter => ResidueClassifier.OneLetter(Name, Kind);

    /// <summary>Chain:number[icode] as PDB files and viewers write it, e.g. "A:52" or "A:52B".</summary>
    public string Label => $"{ChainId}:{Number}{(InsertionCode == ' ' ? "" : InsertionCode.ToString())}";

    public IEnumerable<StructureAtom> HeavyAtoms => Atoms.Where(a => !a.IsHydrogen);

    public StructureAtom? Atom(string name) => Atoms.FirstOrDefault(a => a.Name == name);
}

/// <summary>The first model of a coordinate file, as residues in file order.</summary>
public sealed record MacromolecularStructure(string Name, IReadOnlyList<StructureResidue> Residues)
{
    public IEnumerable<StructureResidue> OfKind(ResidueKind kind) => Residues.Where(r => r.Kind == kind);

    public IReadOnlyList<string> ChainIds => Residues.Select(r => r.ChainId).Distinct().ToList();

    /// <summary>The one-letter sequence of each chain holding residues of <paramref name="kind"/>.</summary>
    public IReadOnlyDictionary<string, string> Sequences(ResidueKind kind) =>
        Residues.Where(r => r.Kind == kind).GroupBy(r => r.ChainId)
            .ToDictionary(g => g.Key, g => new string(g.Select(r => r.OneLetter).ToArray()));
}
