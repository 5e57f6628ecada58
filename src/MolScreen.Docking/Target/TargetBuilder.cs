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
        var (receptorLines, proteinOnly, removed) = WithoutNucleicAcids(d.Receptor);
        if (removed > 0) notes.Add($"receptor: {removed} RNA/DNA residues removed before docking");
        bool pdbqt = d.Receptor.EndsWith(".pdbqt", StringComparison.OrdinalIgnoreCase);
        var receptor = ReceptorReader.Parse(receptorLines, Path.GetFileNameWithoutExtension(d.Receptor), pdbqt, new ReceptorOptions());
        var site = Interface(d, proteinOnly);
        if (site != null) notes.Add($"interface ({site.Source}): {string.Join(" ", site.Residues.Select(r => r.Label))}");
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
            var complex = Read(d.RnaComplex);
            var contacts = RnaInterface.Compute(complex, d.InterfaceCutoff).Where(r => r.Contacts).Select(r => r.Residue).ToList();
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

    /// <summary>The receptor file's lines without RNA/DNA residues, its protein as a structure, and how many residues went.</summary>
    static (List<string> Lines, MacromolecularStructure Protein, int Removed) WithoutNucleicAcids(string path)
    {
        var lines = File.ReadAllLines(path).ToList();
        var structure = Read(path, lines);
        var nucleic = structure.Residues.Where(r => r.Kind is ResidueKind.Rna or ResidueKind.Dna)
            .Select(r => (r.ChainId, r.Number, r.InsertionCode)).ToHashSet();
        var kept = nucleic.Count == 0 ? lines : lines.Where(l => !IsCoordinate(l) || !nucleic.Contains(Key(l))).ToList();
        var protein = new MacromolecularStructure(structure.Name, structure.Residues.Where(r => r.Kind == ResidueKind.Protein).ToList());
        if (protein.Residues.Count == 0) throw new DockingException($"{path}: no protein residues in the receptor");
        return (kept, protein, nucleic.Count);
    }

    static bool IsCoordinate(string l) => l.StartsWith("ATOM", StringComparison.Ordinal) || l.StartsWith("HETATM", StringComparison.Ordinal);

    // Same columns PdbReader reads: chain 22, residue number 23–26, insertion code 27.
    static (string, int, char) Key(string l) =>
        (l.Length >= 22 ? l.Substring(21, 1).Trim() : "", int.TryParse(l.Length >= 26 ? l.Substring(22, 4) : "", out var n) ? n : int.MinValue,
         l.Length >= 27 ? l[26] : ' ');

    static MacromolecularStructure Read(string path, IEnumerable<string>? lines = null)
    {
        try { return PdbReader.Parse(lines ?? File.ReadLines(path), Path.GetFileNameWithoutExtension(path), path); }
        catch (FormatException e) { throw new DockingException(e.Message); }
    }

    /// <summary>The shipped RNA-interaction models: $MOLSCREEN_MODELS, or datasets/models above the binary.</summary>
    static string DefaultModels()
    {
        if (Environment.GetEnvironmentVariable("MOLSCREEN_MODELS") is { Length: > 0 } env) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "datasets", "models", "rpi-interface"))) return Path.Combine(dir.FullName, "datasets", "models");
        throw new DockingException("target: rna_sequence without rna_complex needs the RNA-interface model: no datasets/models/rpi-interface above the binary and MOLSCREEN_MODELS is not set; give rna_models");
    }
}
