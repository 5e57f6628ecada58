using System.Globalization;
using MolScreen.Chemistry.Molecules;
using MolScreen.Chemistry.Smarts;

namespace MolScreen.Chemistry.Descriptors;

/// <summary>One row of the Wildman–Crippen table: an atom type, its SMARTS and its contributions.</summary>
public sealed record CrippenType(string Label, SmartsPattern Pattern, double LogP, double MolarRefractivity);

/// <summary>
/// Wildman–Crippen logP and molar refractivity (J. Chem. Inf. Comput. Sci. 1999, 39, 868) as RDKit's
/// MolLogP / CalcCrippenDescriptors compute them: hydrogens are made explicit, every atom (hydrogens
/// included) takes the first table row whose SMARTS matches with its first atom on that atom, and
/// the row contributions are summed. The table is RDKit's, read at run time from rdkit-data.
/// </summary>
public sealed class CrippenLogP
{
    public const string DefaultTablePath = "/usr/share/RDKit/Data/Crippen.txt";

    /// <summary>
    /// MolLogP does not read Crippen.txt: RDKit compiles its own copy of the table into Crippen.cpp, and
    /// that copy writes two H2 rows with atomic numbers where the data file (rdkit-data 2022.09) writes
    /// aliphatic element symbols. With the file's rows a hydrogen on an aromatic n, c or o would be H2;
    /// MolLogP types it H3 (on n) or H1 (on c). These rows are replaced by their compiled form so the
    /// values agree with MolLogP; all other rows of the file and the compiled table are identical.
    /// </summary>
    private static readonly Dictionary<string, string> CompiledRows = new(StringComparer.Ordinal)
    {
        ["[#1]O[!C;!N;!O;!S]"] = "[#1]O[!#6;!#7;!#8;!#16]",
        ["[#1][!C;!N;!O]"] = "[#1][!#6;!#7;!#8]",
    };

    private static readonly Lazy<CrippenLogP> LazyDefault = new(() => Load(DefaultTablePath));

    /// <summary>Per <see cref="AtomClasses"/> class, the rows (table order) whose first atom can have that class.</summary>
    private readonly int[][] _rowsByClass;

    private CrippenLogP(IReadOnlyList<CrippenType> types)
    {
        Types = types;
        _rowsByClass = new int[AtomClasses.Count][];
        for (int c = 0; c < AtomClasses.Count; c++)
            _rowsByClass[c] = Enumerable.Range(0, types.Count).Where(r => (types[r].Pattern.FirstAtomClasses & (1UL << c)) != 0).ToArray();
    }

    /// <summary>The table from <see cref="DefaultTablePath"/>.</summary>
    public static CrippenLogP Default => LazyDefault.Value;

    /// <summary>Rows in table order; the first row that matches an atom types it.</summary>
    public IReadOnlyList<CrippenType> Types { get; }

    /// <summary>Reads RDKit's tab-separated table (label, SMARTS, logP, MR, notes; '#' comments; empty MR is 0).</summary>
    public static CrippenLogP Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"Crippen atom-type table not found at {path}: install Debian's rdkit-data package (scripts/install-deps.sh does).", path);
        var types = new List<CrippenType>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.StartsWith('#')) continue;
            var fields = line.Split('\t');
            // The file separates element groups with rows of empty fields.
            if (fields[0].Length == 0) continue;
            if (fields.Length < 4) throw new InvalidDataException($"{path}:{lineNumber}: expected label, SMARTS, logP, MR");
            var smarts = CompiledRows.GetValueOrDefault(fields[1], fields[1]);
            types.Add(new CrippenType(fields[0], SmartsPattern.Parse(smarts), Number(fields[2]), Number(fields[3])));
        }
        return new CrippenLogP(types);
    }

    private static double Number(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0.0;

    public double LogP(MolGraph molecule) => Calculate(molecule).LogP;

    public double MolarRefractivity(MolGraph molecule) => Calculate(molecule).MolarRefractivity;

    public (double LogP, double MolarRefractivity) Calculate(MolGraph molecule)
    {
        double logP = 0, mr = 0;
        foreach (var row in AtomTypes(molecule))
        {
            if (row is null) continue;
            logP += row.LogP;
            mr += row.MolarRefractivity;
        }
        return (logP, mr);
    }

    /// <summary>
    /// The type of each atom of the hydrogen-complete graph (<see cref="ExplicitHydrogens.Add"/>): heavy
    /// atoms in their original order, then the hydrogens. Null for an atom no row matches (it contributes 0).
    /// </summary>
    public CrippenType?[] AtomTypes(MolGraph molecule)
    {
        // One pass over the atoms, each trying only the rows whose first atom can be of its class, in
        // table order: the first row that matches types it, as the row-by-row definition does. Whether
        // a row can match the molecule at all (its screen) is decided once, on first need.
        var target = new SmartsTarget(ExplicitHydrogens.Add(molecule));
        int n = target.Graph.AtomCount;
        var types = new CrippenType?[n];
        var admitted = new sbyte[Types.Count];
        for (int a = 0; a < n; a++)
        {
            foreach (int r in _rowsByClass[AtomClasses.Of(target.AtomicNumber[a], target.Aromatic[a])])
            {
                var pattern = Types[r].Pattern;
                if (admitted[r] == 0) admitted[r] = pattern.CouldMatch(target) ? (sbyte)1 : (sbyte)-1;
                if (admitted[r] < 0 || !pattern.SearchAt(target, a)) continue;
                types[a] = Types[r];
                break;
            }
        }
        return types;
    }
}
