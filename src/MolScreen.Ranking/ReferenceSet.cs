using MolScreen.Chemistry;
using MolScreen.Chemistry.Fingerprints;
using MolScreen.Chemistry.OpenBabel;

namespace MolScreen.Ranking;

/// <summary>
/// The reference compounds novelty is measured against: a SMILES file (SMILES, optional name per
/// line, '#' comments), each standardized and fingerprinted exactly as featurize does, so the
/// similarities compare like with like.
/// </summary>
public static class ReferenceSet
{
    /// <returns>The packed ECFP4 fingerprints, contiguous (n × 256 bytes).</returns>
    public static byte[] Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"reference: no such file '{Path.GetFullPath(path)}'");
        var fps = new List<byte>();
        int line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            var text = raw.Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var smiles = text.Split([' ', '\t'], 2)[0];
            try
            {
                using var mol = ObMolecule.FromSmiles(smiles);
                mol.Standardize();
                fps.AddRange(MorganFingerprint.Ecfp4Packed(mol.ToGraph()));
            }
            catch (ChemistryException e)
            {
                throw new InvalidDataException($"reference {path}:{line}: cannot read '{smiles}': {e.Message}", e);
            }
        }
        return fps.ToArray();
    }
}
