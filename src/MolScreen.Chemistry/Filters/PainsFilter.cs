using MolScreen.Chemistry.Molecules;
using MolScreen.Chemistry.Smarts;

namespace MolScreen.Chemistry.Filters;

/// <summary>A PAINS substructure alert: its name as RDKit reports it (e.g. "quinone_A(370)"), family and SMARTS.</summary>
public sealed record PainsAlert(string Name, PainsFamily Family, SmartsPattern Pattern);

/// <summary>
/// Pan-assay interference (PAINS) alerts of Baell &amp; Holloway (J. Med. Chem. 2010, 53, 2719), in the
/// SMARTS form RDKit's FilterCatalog uses, read from rdkit-data's wehi_pains.csv. The patterns spell
/// hydrogens out as [#1]; <see cref="SmartsPattern"/> matches those against hydrogens folded into
/// the heavy atoms, which is how RDKit's catalog reads them (query hydrogens merged).
/// </summary>
public sealed class PainsFilter
{
    public const string DefaultPath = "/usr/share/RDKit/Data/Pains/wehi_pains.csv";

    private static readonly Lazy<PainsFilter> LazyDefault = new(() => Load(DefaultPath));

    private PainsFilter(IReadOnlyList<PainsAlert> alerts) => Alerts = alerts;

    /// <summary>All three families from <see cref="DefaultPath"/>, as RDKit's FilterCatalog(PAINS).</summary>
    public static PainsFilter Default => LazyDefault.Value;

    /// <summary>Alerts in file order.</summary>
    public IReadOnlyList<PainsAlert> Alerts { get; }

    /// <summary>Reads the alerts of the given families (all when none are given) from a wehi_pains.csv file:
    /// one <c>"SMARTS","&lt;regId=NAME&gt;"</c> line per alert.</summary>
    public static PainsFilter Load(string path, params PainsFamily[] families)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"PAINS SMARTS file not found at {path}: install Debian's rdkit-data package (scripts/install-deps.sh does).", path);
        var alerts = new List<PainsAlert>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var (smarts, name) = ParseLine(line) ?? throw new InvalidDataException($"{path}:{lineNumber}: expected \"SMARTS\",\"<regId=NAME>\"");
            var family = PainsFamilies.Of(name);
            if (families.Length > 0 && !families.Contains(family)) continue;
            alerts.Add(new PainsAlert(name, family, SmartsPattern.Parse(smarts)));
        }
        var missing = PainsFamilies.NotInC.Where(n => families.Length == 0 || families.Contains(PainsFamilies.Of(n)))
            .Except(alerts.Select(a => a.Name)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{path} lacks PAINS alerts {string.Join(", ", missing)}");
        return new PainsFilter(alerts);
    }

    private static (string Smarts, string Name)? ParseLine(string line)
    {
        const string separator = "\",\"", prefix = "<regId=";
        int split = line.IndexOf(separator, StringComparison.Ordinal);
        if (split < 0 || line[0] != '"' || line[^1] != '"') return null;
        var label = line[(split + separator.Length)..^1];
        if (!label.StartsWith(prefix, StringComparison.Ordinal) || label[^1] != '>') return null;
        return (line[1..split], label[prefix.Length..^1]);
    }

    /// <summary>Names of the alerts the molecule raises, in file order.</summary>
    public List<string> Matches(MolGraph molecule) => Matches(new SmartsTarget(molecule));

    public List<string> Matches(SmartsTarget target)
    {
        var names = new List<string>();
        foreach (var alert in Alerts)
            if (alert.Pattern.IsMatch(target)) names.Add(alert.Name);
        return names;
    }
}
