namespace MolScreen.Core.Structures;

/// <summary>Reads a coordinate file by its extension: .cif / .mmcif as PDBx/mmCIF, anything else as PDB format.</summary>
public static class StructureReader
{
    public static bool IsMmcif(string path) =>
        path.EndsWith(".cif", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".mmcif", StringComparison.OrdinalIgnoreCase);

    public static MacromolecularStructure Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: structure file not found", path);
        return IsMmcif(path) ? MmcifReader.Read(path) : PdbReader.Read(path);
    }
}
