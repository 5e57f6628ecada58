using System.Globalization;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Structure;

/// <summary>Options for cleaning a receptor while reading it.</summary>
public sealed record ReceptorOptions(bool KeepWaters = false, bool KeepIons = false);

/// <summary>
/// Reads a receptor from PDBQT (AutoDock types given) or PDB (types derived here, see <see cref="PdbTyping"/>).
/// Alternate locations: the highest-occupancy one per atom is kept (first on ties); waters and lone alkali/halide counter-ions are removed
/// unless asked (metals such as Zn, Mg, Ca, Fe are kept); insertion codes keep residues apart; unknown residue names are fine (typing is per atom).
/// </summary>
public static class ReceptorReader
{
    static readonly HashSet<string> Waters = ["HOH", "WAT", "H2O", "DOD", "TIP", "TIP3", "SOL"];

    public static Receptor Read(string path, ReceptorOptions? options = null)
    {
        if (!File.Exists(path)) throw new DockingException($"receptor {path}: file not found");
        bool pdbqt = path.EndsWith(".pdbqt", StringComparison.OrdinalIgnoreCase);
        return Parse(File.ReadLines(path), path, pdbqt, options ?? new ReceptorOptions());
    }

    public static Receptor Parse(IEnumerable<string> lines, string name, bool pdbqt, ReceptorOptions options)
    {
        var raw = new List<RawAtom>();
        int lineNo = 0;
        foreach (var line in lines)
        {
            lineNo++;
            if (line.StartsWith("ENDMDL", StringComparison.Ordinal)) break; // first model only
            if (!line.StartsWith("ATOM  ", StringComparison.Ordinal) && !line.StartsWith("HETATM", StringComparison.Ordinal)) continue;
            raw.Add(ParseAtom(line, name, lineNo, pdbqt));
        }
        var notes = new List<string>();
        var kept = ResolveAltlocs(raw, notes);
        int waters = 0, ions = 0;
        var atoms = new List<(ReceptorAtomRecord, float, float, float, int)>(kept.Count);
        var residueSize = kept.GroupBy(a => (a.Rec.Chain, a.Rec.ResidueNumber, a.Rec.InsertionCode, a.Rec.ResidueName)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var a in kept)
        {
            if (!options.KeepWaters && Waters.Contains(a.Rec.ResidueName)) { waters++; continue; }
            // Counter-ions (alkali, halide) are crystallisation artefacts; zinc, magnesium, calcium, iron... stay because they
            // are usually catalytic or structural and Vina scores them as donors.
            bool loneIon = a.Rec.Hetero && residueSize[(a.Rec.Chain, a.Rec.ResidueNumber, a.Rec.InsertionCode, a.Rec.ResidueName)] == 1
                && a.Element is "NA" or "K" or "CL" or "BR" or "I" or "F" or "LI" or "CS" or "RB";
            if (!options.KeepIons && loneIon) { ions++; continue; }
            atoms.Add((a.Rec, a.X, a.Y, a.Z, a.Ad));
        }
        if (waters > 0) notes.Add($"{waters} water atoms removed");
        if (ions > 0) notes.Add($"{ions} lone ions removed");
        if (atoms.Count == 0) throw new DockingException($"receptor {name}: no atoms");
        return pdbqt ? Receptor.Build(atoms, notes) : Receptor.Build(atoms, notes, (ad, bonds) => PdbTyping.Assign(atoms, ad, bonds));
    }

    internal sealed record RawAtom(ReceptorAtomRecord Rec, float X, float Y, float Z, int Ad, char AltLoc, float Occupancy, string Element);

    static RawAtom ParseAtom(string line, string name, int lineNo, bool pdbqt)
    {
        string Where() => $"receptor {name} line {lineNo}";
        if (line.Length < 54) throw new DockingException($"{Where()}: ATOM record too short");
        static string Col(string l, int from, int to) => l.Length >= to ? l[from..to] : l.Length > from ? l[from..] : "";
        if (!float.TryParse(Col(line, 30, 38), NumberStyles.Float, CultureInfo.InvariantCulture, out float x)
            || !float.TryParse(Col(line, 38, 46), NumberStyles.Float, CultureInfo.InvariantCulture, out float y)
            || !float.TryParse(Col(line, 46, 54), NumberStyles.Float, CultureInfo.InvariantCulture, out float z))
            throw new DockingException($"{Where()}: coordinates are not numbers");
        if (!float.IsFinite(x) || !float.IsFinite(y) || !float.IsFinite(z)) throw new DockingException($"{Where()}: coordinates are not finite");
        float occ = float.TryParse(Col(line, 54, 60), NumberStyles.Float, CultureInfo.InvariantCulture, out var o) ? o : 1f;
        string atomName = Col(line, 12, 16).Trim();
        string resName = Col(line, 17, 20).Trim();
        if (resName.Length == 0) resName = "UNK";
        char chain = line.Length > 21 ? line[21] : ' ';
        int resNum = int.TryParse(Col(line, 22, 26).Trim(), out var rn) ? rn : 0;
        char icode = line.Length > 26 ? line[26] : ' ';
        char alt = line[16];
        string element, typeName;
        int ad;
        if (pdbqt)
        {
            typeName = line.Length > 77 ? line[77..].Trim() : ""; // column 78 to the end of the line, as Vina reads it
            ad = AdType.Parse(typeName);
            if (ad < 0) throw new DockingException($"{Where()}: \"{typeName}\" is not an AutoDock atom type");
            // only what the ion filter needs: the AD type "NA" is an acceptor nitrogen, sodium is "Na"
            element = ad is AdType.OtherMetal or AdType.Cl or AdType.Br or AdType.I or AdType.F ? typeName.ToUpperInvariant() : "";
        }
        else
        {
            element = Col(line, 76, 78).Trim().ToUpperInvariant();
            if (element.Length == 0) element = new string(atomName.Where(char.IsLetter).Take(1).ToArray()).ToUpperInvariant();
            ad = PdbTyping.AdTypeOf(element, resName, atomName);
            if (ad < 0) throw new DockingException($"{Where()}: element \"{element}\" has no AutoDock type");
            typeName = AdType.Name(ad) == "Met" ? char.ToUpperInvariant(element[0]) + element[1..].ToLowerInvariant() : AdType.Name(ad);
        }
        var rec = new ReceptorAtomRecord(atomName, resName, chain, resNum, icode, line.StartsWith("HETATM", StringComparison.Ordinal), typeName);
        return new RawAtom(rec, x, y, z, ad, alt, occ, element);
    }

    /// <summary>Per atom (residue + name), keeps the alternate location with the highest occupancy; first one on ties.</summary>
    static List<RawAtom> ResolveAltlocs(List<RawAtom> raw, List<string> notes)
    {
        if (raw.All(a => a.AltLoc == ' ')) return raw;
        var best = new Dictionary<(char, int, char, string, string), RawAtom>();
        foreach (var a in raw.Where(a => a.AltLoc != ' '))
        {
            var key = (a.Rec.Chain, a.Rec.ResidueNumber, a.Rec.InsertionCode, a.Rec.ResidueName, a.Rec.Name);
            if (!best.TryGetValue(key, out var b) || a.Occupancy > b.Occupancy) best[key] = a;
        }
        int dropped = 0;
        var kept = new List<RawAtom>(raw.Count);
        foreach (var a in raw)
        {
            if (a.AltLoc == ' ') { kept.Add(a); continue; }
            var key = (a.Rec.Chain, a.Rec.ResidueNumber, a.Rec.InsertionCode, a.Rec.ResidueName, a.Rec.Name);
            if (ReferenceEquals(best[key], a)) kept.Add(a); else dropped++;
        }
        notes.Add($"{dropped} alternate-location atoms dropped (highest occupancy kept)");
        return kept;
    }
}
