using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using MolScreen.Docking;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Structure;

namespace MolScreen.GpuBench;

/// <summary>
/// The DUD-E `def` screening set as Uni-Dock ships it (shared/data/unidock-examples/def-dude): def_receptor.pdbqt,
/// config_def.json (box) and the ligands, either extracted in def_unique_charged/ or still in def_unique_charged.tar.gz
/// (read in place, nothing extracted).
/// </summary>
public sealed record DudeDefSet(Receptor Receptor, GridBox Box, IReadOnlyList<LigandModel> Ligands, IReadOnlyList<string> Rejects)
{
    /// <summary>Loads n ligands spread evenly over the name-sorted set (actives and decoys alike).</summary>
    public static DudeDefSet Load(string dir, int n)
    {
        var receptor = ReceptorReader.Read(Path.Combine(dir, "def_receptor.pdbqt"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "config_def.json")));
        float F(string k) => (float)json.RootElement.GetProperty(k).GetDouble();
        var box = new GridBox(F("center_x"), F("center_y"), F("center_z"), F("size_x"), F("size_y"), F("size_z")).Validate();
        var files = ReadLigandFiles(dir);
        var names = files.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (names.Count == 0) throw new DockingException($"{dir}: no ligand PDBQT files");
        double stride = Math.Max(1.0, names.Count / (double)Math.Max(1, n));
        var ligands = new List<LigandModel>();
        var rejects = new List<string>();
        for (int k = 0; k < Math.Min(n, names.Count); k++)
        {
            string name = names[(int)(k * stride)];
            try { ligands.Add(LigandReader.Parse(files[name], Path.GetFileNameWithoutExtension(name))); }
            catch (DockingException e) { rejects.Add($"{name}: {e.Message}"); }
        }
        return new DudeDefSet(receptor, box, ligands, rejects);
    }

    static Dictionary<string, string[]> ReadLigandFiles(string dir)
    {
        var folder = Path.Combine(dir, "def_unique_charged");
        if (Directory.Exists(folder))
            return Directory.GetFiles(folder, "*.pdbqt").ToDictionary(Path.GetFileName, f => File.ReadAllLines(f))!;
        var tar = Path.Combine(dir, "def_unique_charged.tar.gz");
        if (!File.Exists(tar)) throw new DockingException($"{dir}: neither def_unique_charged/ nor def_unique_charged.tar.gz");
        var files = new Dictionary<string, string[]>();
        using var gz = new GZipStream(File.OpenRead(tar), CompressionMode.Decompress);
        using var reader = new TarReader(gz);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !entry.Name.EndsWith(".pdbqt") || entry.DataStream == null) continue;
            using var text = new StreamReader(entry.DataStream);
            files[Path.GetFileName(entry.Name)] = text.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
        }
        return files;
    }
}
