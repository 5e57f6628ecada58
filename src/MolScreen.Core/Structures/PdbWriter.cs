using System.Globalization;

namespace MolScreen.Core.Structures;

/// <summary>
/// Writes residues as PDB-format ATOM/HETATM records (wwPDB v3.3 columns, the ones <see cref="PdbReader"/> reads), with
/// TER between chains. PDB has one column for the chain id, so mmCIF ids such as "L50" go through a chain map; values
/// that the fixed columns cannot hold are an error naming the residue rather than a silently shifted column.
/// </summary>
public static class PdbWriter
{
    private const string OneCharIds = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Each chain id's one-character PDB id: the ids themselves when all have one character, else A, B, C… in order.</summary>
    public static IReadOnlyDictionary<string, char> ChainMap(IEnumerable<string> chainIds)
    {
        var ids = chainIds.Distinct().ToList();
        if (ids.All(id => id.Length == 1)) return ids.ToDictionary(id => id, id => id[0]);
        if (ids.Count > OneCharIds.Length) throw new ArgumentException($"{ids.Count} chains do not fit PDB's one-character chain ids ({OneCharIds.Length} at most)");
        return ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => OneCharIds[p.i]);
    }

    /// <summary>REMARK lines, then the residues' atoms numbered from 1, TER after each chain, END.</summary>
    public static IEnumerable<string> Lines(IEnumerable<StructureResidue> residues, IReadOnlyDictionary<string, char> chains, IEnumerable<string>? remarks = null)
    {
        foreach (var r in remarks ?? []) yield return $"REMARK 250 {r}";
        int serial = 0;
        string? chain = null;
        foreach (var r in residues)
        {
            if (chain != null && r.ChainId != chain) yield return "TER";
            chain = r.ChainId;
            if (!chains.TryGetValue(r.ChainId, out var c)) throw new ArgumentException($"residue {r.Label} {r.Name}: chain '{r.ChainId}' has no PDB chain id in the map");
            if (r.Name.Length > 3) throw new ArgumentException($"residue {r.Label} {r.Name}: name longer than PDB's 3 columns");
            if (r.Number is < -999 or > 9999) throw new ArgumentException($"residue {r.Label} {r.Name}: number does not fit PDB's 4 columns");
            foreach (var a in r.Atoms)
            {
                if (++serial > 99999) throw new ArgumentException("more than 99,999 atoms do not fit PDB's serial column; cut a smaller part");
                yield return Atom(serial, a, r, c);
            }
        }
        if (chain != null) yield return "TER";
        yield return "END";
    }

    public static void Write(string path, IEnumerable<StructureResidue> residues, IReadOnlyDictionary<string, char> chains, IEnumerable<string>? remarks = null)
    {
        var tmp = path + ".tmp";
        File.WriteAllLines(tmp, Lines(residues, chains, remarks));
        File.Move(tmp, path, overwrite: true);
    }

    private static string Atom(int serial, StructureAtom a, StructureResidue r, char chain)
    {
        foreach (var (v, axis) in new[] { (a.X, "x"), (a.Y, "y"), (a.Z, "z") })
            if (v is <= -999.9995 or >= 9999.9995) throw new ArgumentException($"residue {r.Label} atom {a.Name}: {axis} = {v} does not fit PDB's coordinate columns");
        // PDB aligns a one-letter element's name from column 14 ("CA" of Cα), a two-letter element's from column 13 ("CA" of calcium).
        string name = a.Name.Length >= 4 ? a.Name[..4] : a.Element.Length == 2 ? a.Name.PadRight(4) : (" " + a.Name).PadRight(4);
        return string.Create(CultureInfo.InvariantCulture,
            $"{(a.IsHetero ? "HETATM" : "ATOM"),-6}{serial,5} {name}{a.AltLoc}{r.Name,3} {chain}{r.Number,4}{r.InsertionCode}   {a.X,8:F3}{a.Y,8:F3}{a.Z,8:F3}{Math.Clamp(a.Occupancy, 0, 999.99),6:F2}{Math.Clamp(a.BFactor, -99.99, 999.99),6:F2}          {a.Element,2}");
    }
}
