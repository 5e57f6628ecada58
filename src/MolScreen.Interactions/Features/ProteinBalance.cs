namespace MolScreen.Interactions.Features;

/// <summary>
/// Whether a pair set's negatives were built per protein, one for each positive (RPI369, RPI2241). Then a protein's
/// rate over its other pairs is anti-correlated with any one held-out pair's label, and the profile values that read
/// the protein's own labels must be neutralized (<see cref="ProfileOptions.NeutralizeOwnProtein"/>).
/// <para>
/// Rule. Over proteins with at least two pairs, the dispersion D = mean of (positives − n/2)² / (n/4) measures how far
/// each protein's labels sit from an even split, in units of what independent fair-coin labels would give (D ≈ 1).
/// Proteins with their own binding rates make D larger (RPI1807, NPInter: most proteins all-positive or mostly one
/// label). A set balanced per protein has D = 0, and a training fold holding a random 4/5 of it stays far below 1
/// (about 0.2: the held-out pairs unbalance each protein only by a hypergeometric draw). The set counts as balanced
/// by construction when D ≤ <see cref="MaxDispersion"/> and at least <see cref="MinProteins"/> proteins have ≥ 2 pairs.
/// Exact balance (positives = negatives) is reported too, but a CV training fold breaks it by removing the test pairs,
/// so it cannot be the rule.
/// </para>
/// </summary>
/// <param name="Proteins">Distinct proteins (by sequence).</param>
/// <param name="WithTwoOrMore">Proteins with at least two pairs: only these enter the rule.</param>
/// <param name="Balanced">Of those, proteins with exactly as many negative as positive pairs.</param>
/// <param name="Dispersion">D above (0 when no protein has two pairs).</param>
public sealed record ProteinBalance(int Proteins, int WithTwoOrMore, int Balanced, double Dispersion)
{
    /// <summary>Halfway between a per-protein balanced set's training fold (≈ 0.2) and independent labels (≥ 1).</summary>
    public const double MaxDispersion = 0.5;
    /// <summary>A handful of proteins cannot trip the rule by chance.</summary>
    public const int MinProteins = 10;

    public double BalancedShare => WithTwoOrMore == 0 ? 0 : Balanced / (double)WithTwoOrMore;

    /// <summary>True when the pairs look balanced per protein by construction (the rule above).</summary>
    public bool BalancedByConstruction => WithTwoOrMore >= MinProteins && Dispersion <= MaxDispersion;

    public static ProteinBalance Of(IEnumerable<(string Protein, bool Interacts)> pairs)
    {
        var tally = new Dictionary<string, (int Positives, int Count)>(StringComparer.Ordinal);
        foreach (var (protein, y) in pairs)
        {
            var (pos, n) = tally.GetValueOrDefault(protein);
            tally[protein] = (pos + (y ? 1 : 0), n + 1);
        }
        var multi = tally.Values.Where(t => t.Count >= 2).ToList();
        int balanced = multi.Count(t => 2 * t.Positives == t.Count);
        double dispersion = multi.Count == 0 ? 0 : multi.Average(t => Math.Pow(t.Positives - t.Count / 2.0, 2) / (t.Count / 4.0));
        return new ProteinBalance(tally.Count, multi.Count, balanced, dispersion);
    }

    public override string ToString() => FormattableString.Invariant(
        $"{Proteins} proteins, {WithTwoOrMore} with ≥ 2 pairs, {Balanced} of those exactly balanced ({BalancedShare:P1}), dispersion D {Dispersion:F3}: {(BalancedByConstruction ? "balanced by construction, own-protein values neutralized" : "not balanced, own-protein values kept")}");
}
