using MolScreen.Chemistry.Descriptors;
using MolScreen.Chemistry.Filters;
using MolScreen.Chemistry.Fingerprints;
using MolScreen.Chemistry.OpenBabel;
using MolScreen.Chemistry.Smarts;

namespace MolScreen.Chemistry.Featurize;

/// <summary>
/// One compound from its input structure to its features: OpenBabel parses, standardizes and names
/// it (canonical SMILES, InChIKey); every number after that comes from our own formulas over the
/// perceived graph, which agree with RDKit's (docs/benchmarks.md). Not thread-safe (OpenBabel).
/// </summary>
public sealed class Featurizer(ReactiveGroups reactive, PainsFilter pains)
{
    /// <summary>Throws <see cref="ChemistryException"/> with the record-level reason when the structure cannot be used.</summary>
    /// <param name="steps">When given, the time of each step is added to it (benchmark split).</param>
    public MoleculeFeatures Compute(string format, string structure, FeaturizeSteps? steps = null)
    {
        steps?.Start();
        using var mol = format == "molblock" ? ObMolecule.FromMolblock(structure) : ObMolecule.FromSmiles(structure);
        var changes = mol.Standardize();
        var g = mol.ToGraph();
        if (g.AtomCount == 0) throw new ChemistryException(ChemistryErrorKind.Unsupported, "no heavy atoms after standardization");
        var target = new SmartsTarget(g);
        steps?.Lap(FeaturizeStep.Parse);

        var canonical = mol.CanonicalSmiles;
        steps?.Lap(FeaturizeStep.CanonicalSmiles);
        var inchiKey = mol.InChIKey;
        steps?.Lap(FeaturizeStep.InChIKey);
        double clogp = CrippenLogP.Default.LogP(g);
        steps?.Lap(FeaturizeStep.Crippen);

        double mw = MolecularWeight.Average(g), exact = mol.ExactMass, tpsa = PolarSurfaceArea.Tpsa(g);
        int hbd = CompositionDescriptors.LipinskiDonors(g), hba = CompositionDescriptors.LipinskiAcceptors(g);
        int rotb = CompositionDescriptors.RotatableBonds(g);
        var rings = RingPerception.SymmetrizedSssr(g);
        int aromaticRings = rings.Count(r => r.All(b => g.BondKinds[b] == Molecules.BondKind.Aromatic));
        int heavy = CompositionDescriptors.HeavyAtoms(g), charge = CompositionDescriptors.FormalCharge(g);
        double fsp3 = CompositionDescriptors.FractionCsp3(g), qed = Qed.Default.Score(g, target, clogp);
        steps?.Lap(FeaturizeStep.OtherDescriptors);
        var ecfp4 = MorganFingerprint.Ecfp4Packed(g);
        steps?.Lap(FeaturizeStep.Ecfp4);

        var reasons = new List<string>();
        var ro5 = DrugLikenessRules.Ro5Violations(mw, clogp, hbd, hba);
        bool passRo5 = DrugLikenessRules.PassesRo5(ro5);
        if (!passRo5) reasons.Add("ro5(" + string.Join(",", ro5) + ")");
        bool passVeber = DrugLikenessRules.PassesVeber(rotb, tpsa);
        if (!passVeber) reasons.Add("veber");
        var painsHits = pains.Matches(target);
        reasons.AddRange(painsHits.Select(p => "pains:" + p));
        steps?.Lap(FeaturizeStep.Pains);
        var reactiveHits = reactive.Matches(target);
        reasons.AddRange(reactiveHits.Select(r => "reactive:" + r));
        steps?.Lap(FeaturizeStep.ReactiveGroups);

        return new MoleculeFeatures(
            canonical, inchiKey, Describe(changes),
            mw, exact, clogp, tpsa, hbd, hba, rotb, rings.Count, aromaticRings, heavy, charge, fsp3, qed,
            ecfp4, passRo5, passVeber, painsHits.Count == 0, reactiveHits.Count == 0, reasons);
    }

    private static string? Describe(StandardizeChanges c) => c switch
    {
        StandardizeChanges.None => null,
        _ => string.Join(",", new[] { c.HasFlag(StandardizeChanges.FragmentsRemoved) ? "fragments_removed" : null, c.HasFlag(StandardizeChanges.ChargesNeutralized) ? "charges_neutralized" : null }.Where(x => x != null)),
    };
}
