using System.CommandLine;
using System.Globalization;
using MolScreen.Core.Structures;
using MolScreen.Interactions.Interface;

namespace MolScreen.Cli.Commands;

/// <summary>`molscreen target cut`: one protein chain and the RNA around it, cut out of a large complex (e.g. a ribosome) as docking-ready PDB files.</summary>
internal static class TargetCommand
{
    public static Command Create()
    {
        var complex = new Option<FileInfo>("--complex") { Description = "Protein–RNA complex: mmCIF (.cif, .mmcif) or PDB", Required = true };
        var protein = new Option<string>("--protein") { Description = "Chain id of the protein to cut out (mmCIF: author chain id, e.g. SI0)", Required = true };
        var within = new Option<double>("--rna-within") { Description = "Keep RNA residues with a heavy atom within this many Å of the protein", DefaultValueFactory = _ => 10.0 };
        var numbering = new Option<string>("--numbering") { Description = "mmCIF ids: author (auth_asym_id/auth_seq_id, as papers cite) or label", DefaultValueFactory = _ => "author" };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for protein.pdb, rna.pdb, complex.pdb and rna.fasta", Required = true };
        var cut = new Command("cut", "Cut one protein chain and the RNA within N Å of it out of a complex: protein.pdb (chain A), rna.pdb, complex.pdb, rna.fasta")
            { complex, protein, within, numbering, output };
        cut.SetAction(pr =>
        {
            var path = pr.GetValue(complex)!.FullName;
            if (!File.Exists(path)) throw new UsageException($"--complex {path}: file not found");
            var scheme = pr.GetValue(numbering)!.ToLowerInvariant() switch
            {
                "author" => MmcifNumbering.Author, "label" => MmcifNumbering.Label,
                var n => throw new UsageException($"--numbering {n}: expected author or label"),
            };
            MacromolecularStructure structure;
            SubComplex sub;
            try
            {
                structure = StructureReader.IsMmcif(path) ? MmcifReader.Read(path, scheme) : PdbReader.Read(path);
                sub = ComplexCut.Cut(structure, pr.GetValue(protein)!, pr.GetValue(within));
            }
            catch (Exception e) when (e is FormatException or ArgumentException) { throw new UsageException(e.Message); }
            var files = sub.Write(pr.GetValue(output)!.FullName);
            var proteinOnly = new MacromolecularStructure(structure.Name, sub.Protein.Where(r => r.Kind == ResidueKind.Protein).ToList());
            var iface = RnaInterface.Compute(new MacromolecularStructure(structure.Name, [.. proteinOnly.Residues, .. sub.Rna]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"chain {sub.ProteinChain}: {proteinOnly.Residues.Count} protein residues ({sub.Protein.Count - proteinOnly.Residues.Count} ions/ligands), " +
                $"{iface.Count(r => r.Contacts)} within {RnaInterface.Cutoff} Å of RNA; {sub.Rna.Count} RNA residues within {sub.RnaWithin} Å in {sub.RnaSegments().Count} stretches"));
            foreach (var f in files) Console.WriteLine($"wrote {f}");
            return ExitCodes.Ok;
        });
        return new Command("target", "Prepare docking targets") { cut };
    }
}
