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

    /// <summary>
    /// Every *.pdb under <paramref name="directory"/> (PRDB v3 `bound/`), in name order for reproducible folds. Files
    /// that are not protein–RNA complexes (PRDB's 1U0B_full.pdb holds only the tRNA) are returned as skipped with the
    /// reason, so a training run reports them instead of failing or silently shrinking.
    /// </summary>
    public static (IReadOnlyList<InterfaceComplex> Complexes, IReadOnlyList<string> Skipped) LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"complex folder missing: {directory}");
        var files = Directory.GetFiles(directory, "*.pdb").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new FileNotFoundException($"no .pdb files in {directory}");
        var complexes = new List<InterfaceComplex>();
        var skipped = new List<string>();
        foreach (var f in files)
        {
            try { complexes.Add(FromStructure(PdbReader.Read(f))); }
            catch (Exception e) when (e is ArgumentException or FormatException) { skipped.Add($"{Path.GetFileName(f)}: {e.Message}"); }
        }
        return (complexes, skipped);
    }
}
