using System.Globalization;

namespace MolScreen.Testing;

/// <summary>
/// One per-complex row of a `MolScreen.Bench dock` run (ours and Vina in the same process), as the bench printed it and
/// as bench/results/dock/*.csv keep it. Times are wall seconds; RMSDs are symmetry-aware heavy-atom RMSDs in Å.
/// </summary>
public sealed record DockRunRow(string Complex, int Seed, string Mode, double OursRmsd, double OursSeconds, double VinaRmsd, double VinaSeconds)
{
    /// <summary>The top-1 success line of the docking benchmarks.</summary>
    public const double SuccessRmsd = 2.0;

    public bool OursSolved => OursRmsd < SuccessRmsd;
    public bool VinaSolved => VinaRmsd < SuccessRmsd;

    /// <summary>How many times faster than Vina we were on this complex (Vina's wall time over ours).</summary>
    public double Speedup => VinaSeconds / OursSeconds;

    /// <summary>Reads a results CSV: '#' lines are comments; the header names the columns; extra columns are ignored.</summary>
    public static List<DockRunRow> ReadCsv(string path)
    {
        var lines = File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').ToList();
        if (lines.Count == 0) throw new InvalidDataException($"{path}: no header line");
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new InvalidDataException($"{path}: no column '{name}'");
        int complex = Col("complex"), seed = Col("seed"), mode = Col("mode"), oursRmsd = Col("ours_rmsd"), oursS = Col("ours_s"),
            vinaRmsd = Col("vina_rmsd"), vinaS = Col("vina_s");
        var rows = new List<DockRunRow>();
        for (int k = 1; k < lines.Count; k++)
        {
            var f = lines[k].Split(',');
            if (f.Length != header.Length) throw new InvalidDataException($"{path}: data line {k} has {f.Length} fields, the header {header.Length}");
            double D(int i) => double.TryParse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                ? v : throw new InvalidDataException($"{path}: data line {k} ({f[complex]}): '{header[i]}' is not a number: '{f[i]}'");
            var row = new DockRunRow(f[complex], (int)D(seed), f[mode], D(oursRmsd), D(oursS), D(vinaRmsd), D(vinaS));
            if (row.OursSeconds <= 0 || row.VinaSeconds <= 0) throw new InvalidDataException($"{path}: data line {k} ({row.Complex}): times must be positive");
            rows.Add(row);
        }
        return rows;
    }
}
