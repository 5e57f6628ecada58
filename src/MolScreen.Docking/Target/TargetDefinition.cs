using System.Globalization;
using MolScreen.Core.IO;
using MolScreen.Core.Stages;

namespace MolScreen.Docking.Target;

/// <summary>How the search box is placed.</summary>
public enum PocketSource { Box, Ligand, Residues, RnaInterface }

/// <summary>
/// A docking target as the workflow's `target:` block gives it: the receptor, an optional RNA partner (a complex
/// structure or a sequence) and the pocket. Paths are absolute (the workflow loader resolves them).
/// </summary>
public sealed record TargetDefinition
{
    public required string Receptor { get; init; }
    public IReadOnlyList<string> ReceptorChains { get; init; } = [];
    public string? RnaComplex { get; init; }
    public string? RnaSequence { get; init; }
    public PocketSource Pocket { get; init; }
    public float[]? Center { get; init; }
    public float[]? Size { get; init; }
    public string? ReferenceLigand { get; init; }
    public IReadOnlyList<string> Residues { get; init; } = [];
    public float Padding { get; init; } = 8f;
    public float MinSize { get; init; } = 16f;
    public float InterfaceCutoff { get; init; } = 4.5f;
    public float InterfacePatch { get; init; }
    public string? Models { get; init; }

    /// <summary>The target's parameters; in a workflow they sit under the stage's `target:` key.</summary>
    public static IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("receptor", ParameterType.String, null, "Receptor structure (PDB, PDBQT or mmCIF .cif/.mmcif); RNA/DNA residues in it are removed before docking") { IsFile = true, InTarget = true },
        new("receptor_chains", ParameterType.StringList, null, "Keep only these chains of the receptor file (e.g. [SI0] of a whole-ribosome mmCIF; author chain ids); default: every chain") { InTarget = true },
        new("rna_complex", ParameterType.String, null, "Protein–RNA complex (PDB or mmCIF) in the receptor's frame: the receptor residues within interface_cutoff of its RNA are the geometric interface (pocket: rna_interface)") { IsFile = true, InTarget = true },
        new("rna_sequence", ParameterType.String, null, "RNA partner's sequence: without rna_complex the interface is predicted by the default RNA-interface model") { InTarget = true },
        new("pocket", ParameterType.String, null, "Where the box comes from: box (center + size), ligand (reference_ligand), residues, rna_interface; default: inferred from what is given")
            { Choices = ["box", "ligand", "residues", "rna_interface"], InTarget = true },
        new("center", ParameterType.StringList, null, "Box centre X, Y, Z (Å), with size (pocket: box)") { InTarget = true, ItemCheck = NumberCheck },
        new("size", ParameterType.StringList, null, "Box size X, Y, Z (Å), with center (pocket: box)") { InTarget = true, ItemCheck = NumberCheck },
        new("reference_ligand", ParameterType.String, null, "Reference ligand (PDBQT) whose heavy atoms the box surrounds (pocket: ligand)") { IsFile = true, InTarget = true },
        new("residues", ParameterType.StringList, null, "Receptor residues as A:52 or 52 whose atoms the box surrounds (pocket: residues)") { InTarget = true },
        new("padding", ParameterType.Number, 8.0, "Å added to the extent of the pocket's atoms (ligand, residues, RNA interface)") { Min = 0, Max = 40, InTarget = true },
        new("min_size", ParameterType.Number, 16.0, "Smallest box side (Å) for pockets built from atoms") { Min = 1, Max = 126, InTarget = true },
        new("interface_cutoff", ParameterType.Number, 4.5, "Geometric RNA interface: protein residues with a heavy atom within this many Å of an RNA heavy atom") { Min = 1, Max = 10, InTarget = true },
        new("interface_patch", ParameterType.Number, 0.0, "RNA-interface pocket: only the interface residues within this many Å of the densest point of the interface (Σ probability); 0 = the whole interface. For proteins that touch RNA all over (ribosomal proteins)") { Min = 0, Max = 40, InTarget = true },
        new("rna_models", ParameterType.String, null, "Folder holding rpi-pair/ and rpi-interface/ (default: datasets/models or $MOLSCREEN_MODELS)") { InTarget = true },
    ];

    private static string? NumberCheck(string s) =>
        float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && float.IsFinite(v) ? null : $"'{s}' is not a number";

    /// <summary>Reads the target from stage parameters; a missing or contradictory piece is a clear error.</summary>
    public static TargetDefinition From(StageParameters p)
    {
        var receptor = p.GetString("receptor") ?? throw new ArgumentException("target: 'receptor' (a PDB, PDBQT or mmCIF file) is required");
        float[]? Triple(string name)
        {
            var items = p.GetStrings(name);
            if (items.Count == 0) return null;
            if (items.Count != 3) throw new ArgumentException($"target: '{name}' needs three numbers X, Y, Z, got {items.Count}");
            return items.Select(s => float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        }
        var d = new TargetDefinition
        {
            Receptor = receptor,
            ReceptorChains = p.GetStrings("receptor_chains"),
            RnaComplex = p.GetString("rna_complex"),
            RnaSequence = p.GetString("rna_sequence"),
            Center = Triple("center"),
            Size = Triple("size"),
            ReferenceLigand = p.GetString("reference_ligand"),
            Residues = p.GetStrings("residues"),
            Padding = (float)p.GetNumber("padding"),
            MinSize = (float)p.GetNumber("min_size"),
            InterfaceCutoff = (float)p.GetNumber("interface_cutoff"),
            InterfacePatch = (float)p.GetNumber("interface_patch"),
            Models = p.GetString("rna_models"),
        };
        return d with { Pocket = d.ResolvePocket(p.GetString("pocket")) };
    }

    private PocketSource ResolvePocket(string? pocket)
    {
        var source = pocket switch
        {
            "box" => PocketSource.Box,
            "ligand" => PocketSource.Ligand,
            "residues" => PocketSource.Residues,
            "rna_interface" => PocketSource.RnaInterface,
            null when Center != null || Size != null => PocketSource.Box,
            null when ReferenceLigand != null => PocketSource.Ligand,
            null when Residues.Count > 0 => PocketSource.Residues,
            null when RnaComplex != null || RnaSequence != null => PocketSource.RnaInterface,
            null => throw new ArgumentException("target: no pocket: give center + size, reference_ligand, residues, or an RNA partner (rna_complex or rna_sequence)"),
            _ => throw new ArgumentException($"target: unknown pocket '{pocket}'"),
        };
        switch (source)
        {
            case PocketSource.Box when Center == null || Size == null: throw new ArgumentException("target: pocket 'box' needs both center and size");
            case PocketSource.Ligand when ReferenceLigand == null: throw new ArgumentException("target: pocket 'ligand' needs reference_ligand");
            case PocketSource.Residues when Residues.Count == 0: throw new ArgumentException("target: pocket 'residues' needs residues");
            case PocketSource.RnaInterface when RnaComplex == null && RnaSequence == null:
                throw new ArgumentException("target: pocket 'rna_interface' needs rna_complex (geometric interface) or rna_sequence (predicted interface)");
        }
        return source;
    }

    /// <summary>Identifies the built target: the definition and the contents of every file it reads.</summary>
    public string Hash() => ContentHash.OfParts(
        Receptor, ContentHash.OfFile(Receptor), string.Join(",", ReceptorChains), RnaComplex ?? "", RnaComplex != null ? ContentHash.OfFile(RnaComplex) : "", RnaSequence ?? "",
        Pocket.ToString(), string.Join(",", Center ?? []), string.Join(",", Size ?? []), ReferenceLigand ?? "",
        ReferenceLigand != null ? ContentHash.OfFile(ReferenceLigand) : "", string.Join(",", Residues),
        Padding.ToString("R", CultureInfo.InvariantCulture), MinSize.ToString("R", CultureInfo.InvariantCulture),
        InterfaceCutoff.ToString("R", CultureInfo.InvariantCulture), InterfacePatch.ToString("R", CultureInfo.InvariantCulture), Models ?? "");
}
