using MolScreen.Chemistry.OpenBabel;

namespace MolScreen.Testing;

/// <summary>
/// Molecule sources of the conformer measurements, each a name and a reader (readers may throw on bad records). Shared by
/// the conformer corpus test and the bench's conformer survey.
/// </summary>
public static class ConformerInputs
{
    public const string Nci200 = "/usr/share/RDKit/Data/NCI/first_200.props.sdf";
    public const string Nci5k = "/usr/share/RDKit/Data/NCI/first_5K.smi";

    public static readonly string[] StereoDrugs =
    [
        "C[C@H](N)C(=O)O",                                              // L-alanine
        "C/C=C/C",                                                      // (E)-2-butene
        "CN1CC[C@]23c4c5ccc(O)c4O[C@H]2[C@@H](O)C=C[C@H]3[C@H]1C5",    // morphine
        "CC(C)Cc1ccc(cc1)[C@H](C)C(=O)O",                               // (S)-ibuprofen
        "N[C@@H](Cc1ccc(O)c(O)c1)C(=O)O",                               // L-DOPA
        "CN[C@@H](C)[C@H](O)c1ccccc1",                                  // ephedrine
        "CC(C)[C@@H]1CC[C@@H](C)C[C@H]1O",                              // menthol
        "CC/C(=C(\\c1ccccc1)/c1ccc(OCCN(C)C)cc1)c1ccccc1",              // tamoxifen
        "C[C@]12CC[C@H]3[C@@H](CCC4=CC(=O)CC[C@@]34C)[C@@H]1CC[C@@H]2O", // testosterone
        "CC1([C@@H](N2[C@H](S1)[C@@H](C2=O)NC(=O)Cc1ccccc1)C(=O)O)C",   // penicillin G
        "O=C(O)C[C@H](O)C[C@H](O)/C=C/c1c(C(C)C)nc(N(C)S(C)(=O)=O)nc1-c1ccc(F)cc1", // rosuvastatin
    ];

    /// <summary>The tuning corpus: NCI's first 200 SD records (rdkit-data) and the stereo drugs.</summary>
    public static List<(string Name, Func<ObMolecule> Read)> NciFirst200AndDrugs()
    {
        // Only the line break that ends "$$$$" is dropped: a molblock's first line, its title, may be blank.
        var inputs = File.ReadAllText(Nci200).Replace("\r\n", "\n").Split("$$$$")
            .Select(record => record.StartsWith('\n') ? record[1..] : record)
            .Where(record => record.Contains("M  END"))
            .Select((record, i) => (Name: $"NCI first_200 #{i + 1}", Read: (Func<ObMolecule>)(() =>
                ObMolecule.FromMolblock(record[..(record.IndexOf("M  END", StringComparison.Ordinal) + 6)] + "\n"))))
            .ToList();
        inputs.AddRange(StereoDrugs.Select(s => (Name: s, Read: (Func<ObMolecule>)(() => ObMolecule.FromSmiles(s)))));
        return inputs;
    }

    /// <summary>
    /// The held-out set, never used while the build policy was chosen: NCI records 201 to 500 of first_5K.smi
    /// (the 200 before them are the tuning SD file) and the first 10 decoys of each of the 20 DUD-E targets under
    /// <paramref name="dudeDir"/> (../shared/data/dude-ism-20).
    /// </summary>
    public static List<(string Name, Func<ObMolecule> Read)> HeldOut(string dudeDir)
    {
        var inputs = new List<(string, Func<ObMolecule>)>();
        foreach (var line in File.ReadLines(Nci5k).Skip(200).Take(300))
            inputs.Add(FromSmilesLine("NCI", line));
        foreach (var target in Directory.GetDirectories(dudeDir).Order())
            foreach (var line in File.ReadLines(System.IO.Path.Combine(target, "decoys_final.ism")).Take(10))
                inputs.Add(FromSmilesLine("DUD-E " + System.IO.Path.GetFileName(target), line));
        return inputs;
    }

    private static (string, Func<ObMolecule>) FromSmilesLine(string source, string line)
    {
        var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        string smiles = fields[0];
        return ($"{source} {(fields.Length > 1 ? fields[1] : "?")}", () => ObMolecule.FromSmiles(smiles));
    }
}
