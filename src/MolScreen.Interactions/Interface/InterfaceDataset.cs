using MolScreen.Core.Structures;

namespace MolScreen.Interactions.Interface;

/// <summary>One complex's protein residues: structure features and geometric interface labels.</summary>
public sealed record InterfaceComplex(string Name, IReadOnlyList<InterfaceResidue> Residues, IReadOnlyList<float[]> Features)
{
    public static InterfaceComplex FromStructure(MacromolecularStructure complex)
    {
        var labels = RnaInterface.Compute(complex);
        return new InterfaceComplex(complex.Name, labels, ResidueEnvironment.Featurize(labels.Select(l => l.Residue).ToList()));
    }

    /// <summary>Every *.pdb under <paramref name="directory"/> (PRDB v3 `bound/`), in name order for reproducible folds.</summary>
    public static IReadOnlyList<InterfaceComplex> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"complex folder missing: {directory}");
        var files = Directory.GetFiles(directory, "*.pdb").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new FileNotFoundException($"no .pdb files in {directory}");
        return files.Select(f => FromStructure(PdbReader.Read(f))).ToList();
    }
}
