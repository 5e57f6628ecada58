using MolScreen.Chemistry.Smarts;

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

    public ReactiveGroups(IEnumerable<string> definitions)
    {
        _groups = definitions.Select(d =>
        {
            var eq = d.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"reactive group '{d}' must be written name=SMARTS");
            try { return (d[..eq].Trim(), SmartsPattern.Parse(d[(eq + 1)..].Trim())); }
            catch (SmartsException e) { throw new ArgumentException($"reactive group '{d[..eq]}': {e.Message}", e); }
        }).ToList();
    }

    internal IReadOnlyList<(string Name, SmartsPattern Pattern)> Groups => _groups;

    public List<string> Matches(SmartsTarget target) => _groups.Where(g => g.Pattern.IsMatch(target)).Select(g => g.Name).ToList();
}
