namespace MolScreen.Chemistry.Featurize;

/// <summary>Everything the featurize stage computes for one compound (one output row).</summary>
public sealed record MoleculeFeatures(
    string CanonicalSmiles, string InChIKey, string? Standardization,
    double MolecularWeight, double ExactMass, double CLogP, double Tpsa,
    int Hbd, int Hba, int RotatableBonds, int Rings, int AromaticRings, int HeavyAtoms, int FormalCharge, double Fsp3, double Qed,
    byte[] Ecfp4, bool PassRo5, bool PassVeber, bool PassPains, bool PassReactive, IReadOnlyList<string> FilterReasons);
