using MolScreen.Chemistry.Smarts;
using MolScreen.Core.IO;

namespace MolScreen.Chemistry.Featurize;

/// <summary>
/// Reactive or otherwise undesirable groups a screening library usually flags. The default list was
/// written for MolScreen from common medicinal-chemistry practice; a workflow can replace it with
/// its own "name=SMARTS" entries.
/// </summary>
public sealed class ReactiveGroups
{
    public static readonly string[] DefaultDefinitions =
    [
        "acyl_halide=[CX3](=O)[F,Cl,Br,I]",
        "sulfonyl_halide=[SX4](=O)(=O)[F,Cl,Br,I]",
        "isocyanate=N=C=O",
        "isothiocyanate=N=C=S",
        "aldehyde=[CX3H1](=O)[#6]",
        "epoxide=C1OC1",
        "aziridine=C1NC1",
        "azide=[N-]=[N+]=N",
        "diazo=[CX3]=[N+]=[N-]",
        "peroxide=[OX2][OX2]",
        "acid_anhydride=[CX3](=O)[OX2][CX3](=O)",
        "alkyl_halide=[CH2X4][Cl,Br,I]",
        "thiol=[SX2H1][#6]",
        "michael_acceptor_vinyl_ketone=[CH2]=[CH1]C(=O)[#6]",
        "aryl_nitroso=c[NX2]=O",
        "heavy_metal=[Hg,Pb,Cd,As,Tl,Sn]",
    ];

    private readonly List<(string Name, SmartsPattern Pattern)> _groups;

    public ReactiveGroups(IEnumerable<string> definitions) => _groups = definitions.Select(Read).ToList();

    /// <summary>Checks one "name=SMARTS" definition as a workflow is loaded; returns the problem or null.</summary>
    public static string? Check(string definition)
    {
        try { Read(definition); return null; }
        catch (ArgumentException e) { return e.Message; }
    }

    private static (string Name, SmartsPattern Pattern) Read(string d)
    {
        var eq = d.IndexOf('=');
        if (eq <= 0) throw new ArgumentException($"reactive group '{SafeText.ForDisplay(d)}' must be written name=SMARTS");
        var name = d[..eq].Trim();
        // The name becomes a value in Parquet and reports: one printable word.
        if (name.Length == 0 || name.Length > 64 || SafeText.HasControl(name) || name.Any(char.IsWhiteSpace))
            throw new ArgumentException($"reactive group name '{SafeText.ForDisplay(name)}' must be 1 to 64 printable characters without spaces");
        try { return (name, SmartsPattern.Parse(d[(eq + 1)..].Trim())); }
        catch (SmartsException e) { throw new ArgumentException($"reactive group '{name}': {e.Message}", e); }
    }

    internal IReadOnlyList<(string Name, SmartsPattern Pattern)> Groups => _groups;

    public List<string> Matches(SmartsTarget target) => _groups.Where(g => g.Pattern.IsMatch(target)).Select(g => g.Name).ToList();
}
