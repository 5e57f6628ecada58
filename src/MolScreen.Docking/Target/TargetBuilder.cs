using MolScreen.Core.Structures;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Structure;
using MolScreen.Interactions;
using MolScreen.Interactions.Interface;

namespace MolScreen.Docking.Target;

/// <summary>
/// Builds a <see cref="DockTarget"/> from its definition: reads the receptor without its RNA/DNA (the ligand is meant to
/// sit where the RNA binds), finds the RNA interface (geometric on a complex, predicted from the protein and an RNA
/// sequence otherwise) and places the box.
/// </summary>
public static class TargetBuilder
{
    public static DockTarget Build(TargetDefinition d)
    {
        var notes = new List<string>();
        var (receptorLines, proteinOnly, removed) = WithoutNucleicAcids(d.Receptor, d.ReceptorChains, notes);
        if (removed > 0) notes.Add($"receptor: {removed} RNA/DNA residues removed before docking");
        bool pdbqt = d.Receptor.EndsWith(".pdbqt", StringComparison.OrdinalIgnoreCase);
        var receptor = ReceptorReader.Parse(receptorLines, Path.GetFileNameWithoutExtension(d.Receptor), pdbqt, new ReceptorOptions());
        var site = Interface(d, proteinOnly);
        if (site != null)
        {
            notes.Add($"interface ({site.Source}): {string.Join(" ", site.Residues.Select(r => r.Label))}");
            if (d.InterfacePatch > 0)
            {
                int whole = site.Residues.Count;
                site = InterfacePatch.Of(site, d.InterfacePatch);
                notes.Add($"interface patch ({d.InterfacePatch} Å): {site.Residues.Count} of {whole} residues: {string.Join(" ", site.Residues.Select(r => r.Label))}");
            }
        }
        var box = d.Pocket switch
        {
            PocketSource.Box => new GridBox(d.Center![0], d.Center[1], d.Center[2], d.Size![0], d.Size[1], d.Size[2]).Validate(),
            PocketSource.Ligand => GridBox.FromLigand(LigandReader.Read(d.ReferenceLigand!), d.Padding, d.MinSize),
            PocketSource.Residues => GridBox.FromResidues(receptor, d.Residues, d.Padding, d.MinSize),
            _ => AroundInterface(site!, d.Padding, d.MinSize),
        };
        return new DockTarget(d.Hash(), receptor, box, site, notes);
    }

    /// <summary>
    /// The box around the interface residues' heavy atoms: centred on their extent (not their centroid, so that a
    /// lopsided interface stays inside), each side the extent plus padding but no less than minSide.
    /// </summary>
    public static GridBox AroundInterface(InterfaceSite site, float padding, float minSide)
    {
        var atoms = site.Residues.SelectMany(r => r.X.Select((x, i) => (x, y: r.Y[i], z: r.Z[i]))).ToList();
        if (atoms.Count == 0) throw new DockingException($"target: the {site.Source} RNA interface has no residues, so it defines no pocket");
        float Side(float lo, float hi) => MathF.Max(minSide, hi - lo + padding);
        float minX = atoms.Min(a => a.x), maxX = atoms.Max(a => a.x), minY = atoms.Min(a => a.y), maxY = atoms.Max(a => a.y);
        float minZ = atoms.Min(a => a.z), maxZ = atoms.Max(a => a.z);
        return new GridBox((minX + maxX) / 2, (minY + maxY) / 2, (minZ + maxZ) / 2, Side(minX, maxX), Side(minY, maxY), Side(minZ, maxZ)).Validate();
    }

    static InterfaceSite? Interface(TargetDefinition d, MacromolecularStructure protein)
    {
        if (d.RnaComplex != null)
        {
            // The receptor's own residues against the complex's RNA: a complex holding other proteins too (a whole
            // ribosome) then adds no residue that is not in the receptor.
            var rna = Read(d.RnaComplex).OfKind(ResidueKind.Rna).ToList();
            if (rna.Count == 0) throw new DockingException($"{d.RnaComplex}: rna_complex has no RNA residues");
            var pair = new MacromolecularStructure(protein.Name, [.. protein.Residues, .. rna]);
            var contacts = RnaInterface.Compute(pair, d.InterfaceCutoff).Where(r => r.Contacts).Select(r => r.Residue).ToList();
            if (contacts.Count == 0)
                throw new DockingException($"target: no receptor residue lies within {d.InterfaceCutoff} Å of the RNA of {Path.GetFileName(d.RnaComplex)}; are the receptor and the complex in the same frame?");
            return new InterfaceSite("geometric", Site(contacts.Select(r => (r, 1.0)).ToList()));
        }
        if (d.RnaSequence == null) return null;
        var predictor = RnaBindingPredictor.Load(d.Models ?? DefaultModels());
        var report = predictor.Predict(protein, d.RnaSequence);
        var byKey = protein.OfKind(ResidueKind.Protein).ToDictionary(r => (r.ChainId, r.Number, r.InsertionCode));
        var chosen = report.Residues.Where(r => r.Interface).Select(r => (byKey[(r.ChainId, r.Number, r.InsertionCode)], r.Probability)).ToList();
        return new InterfaceSite("predicted", Site(chosen));
    }

    static IReadOnlyList<InterfaceSiteResidue> Site(IReadOnlyList<(StructureResidue Residue, double P)> residues)
    {
        bool chains = residues.Select(r => r.Residue.ChainId).Distinct().Count() > 1;
        return residues.Select(r =>
        {
            var heavy = r.Residue.HeavyAtoms.ToList();
            string number = r.Residue.Number + (r.Residue.InsertionCode == ' ' ? "" : r.Residue.InsertionCode.ToString());
            string label = (chains ? r.Residue.ChainId + ":" : "") + r.Residue.OneLetter + number;
            return new InterfaceSiteResidue(label, r.P, heavy.Select(a => (float)a.X).ToArray(), heavy.Select(a => (float)a.Y).ToArray(), heavy.Select(a => (float)a.Z).ToArray());
        }).ToList();
    }

    /// <summary>
    /// The receptor as PDB-format lines without RNA/DNA residues, its protein as a structure, and how many residues went.
    /// An mmCIF receptor is written out as PDB lines (chains renamed when their ids are longer than PDB's one column).
    /// </summary>
    static (List<string> Lines, MacromolecularStructure Protein, int Removed) WithoutNucleicAcids(string path, IReadOnlyList<string> chains, List<string> notes)
    {
        if (!File.Exists(path)) throw new DockingException($"receptor {path}: file not found");
        bool Kept(string chain) => chains.Count == 0 || chains.Contains(chain);
        List<string> kept;
        MacromolecularStructure structure;
        int removed;
        if (StructureReader.IsMmcif(path))
        {
            structure = OnlyChains(Read(path), chains, path);
            var residues = structure.Residues.Where(r => r.Kind is not (ResidueKind.Rna or ResidueKind.Dna)).ToList();
            removed = structure.Residues.Count - residues.Count;
            var map = PdbWriter.ChainMap(residues.Select(r => r.ChainId));
            if (map.Any(kv => kv.Key != kv.Value.ToString()))
                notes.Add($"receptor: mmCIF chains renamed for PDB columns: {string.Join(", ", map.Select(kv => $"{kv.Key}→{kv.Value}"))}");
            try { kept = PdbWriter.Lines(residues, map).ToList(); }
            catch (ArgumentException e) { throw new DockingException($"receptor {path}: {e.Message}"); }
        }
        else
        {
            var lines = File.ReadAllLines(path).ToList();
            structure = OnlyChains(Read(path, lines), chains, path);
            var nucleic = structure.Residues.Where(r => r.Kind is ResidueKind.Rna or ResidueKind.Dna)
                .Select(r => (r.ChainId, r.Number, r.InsertionCode)).ToHashSet();
            kept = lines.Where(l => !IsCoordinate(l) || (Kept(Key(l).Item1) && !nucleic.Contains(Key(l)))).ToList();
            removed = nucleic.Count;
        }
        var protein = new MacromolecularStructure(structure.Name, structure.Residues.Where(r => r.Kind == ResidueKind.Protein).ToList());
        if (protein.Residues.Count == 0) throw new DockingException($"{path}: no protein residues in the receptor");
        return (kept, protein, removed);
    }

    static MacromolecularStructure OnlyChains(MacromolecularStructure s, IReadOnlyList<string> chains, string path)
    {
        if (chains.Count == 0) return s;
        var missing = chains.Where(c => !s.ChainIds.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new DockingException($"receptor {path}: no chain {string.Join(", ", missing)} (receptor_chains); its chains: {string.Join(" ", s.ChainIds)}");
        return new MacromolecularStructure(s.Name, s.Residues.Where(r => chains.Contains(r.ChainId)).ToList());
    }

    static bool IsCoordinate(string l) => l.StartsWith("ATOM", StringComparison.Ordinal) || l.StartsWith("HETATM", StringComparison.Ordinal);

    // Same columns PdbReader reads: chain 22, residue number 23–26, insertion code 27.
    static (string, int, char) Key(string l) =>
        (l.Length >= 22 ? l.Substring(21, 1).Trim() : "", int.TryParse(l.Length >= 26 ? l.Substring(22, 4) : "", out var n) ? n : int.MinValue,
         l.Length >= 27 ? l[26] : ' ');

    static MacromolecularStructure Read(string path, IEnumerable<string>? lines = null)
    {
        try
        {
            if (lines == null) return StructureReader.Read(path);
            return PdbReader.Parse(lines, Path.GetFileNameWithoutExtension(path), path);
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException) { throw new DockingException(e.Message); }
    }

    /// <summary>The shipped RNA-interaction models: $MOLSCREEN_MODELS, or datasets/models above the binary.</summary>
    internal static string DefaultModels()
    {
        if (Environment.GetEnvironmentVariable("MOLSCREEN_MODELS") is { Length: > 0 } env) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "datasets", "models", "rpi-interface"))) return Path.Combine(dir.FullName, "datasets", "models");
        throw new DockingException("target: rna_sequence without rna_complex needs the RNA-interface model: no datasets/models/rpi-interface above the binary and MOLSCREEN_MODELS is not set; give rna_models");
    }
}
