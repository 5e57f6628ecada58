using MolScreen.Chemistry.Fingerprints;

namespace MolScreen.Prediction.Features;

/// <summary>
/// What a model's input is: the featurize stage's ECFP4 (2048 bits) followed by its descriptor columns.
/// A model records <see cref="Id"/>; one trained on another spec refuses to load, since the same input
/// numbers would then mean different things.
/// </summary>
public static class FeatureSpec
{
    /// <summary>Bump when any feature's definition changes (fingerprint, descriptor formula or order), or when what
    /// a network's outputs mean changes (v2: regression members also output log-variances), so an older
    /// MolScreen refuses a newer model instead of misreading it.</summary>
    public const string Id = "ecfp4-2048+desc11/v2";

    public const int Bits = MorganFingerprint.Ecfp4Bits;

    /// <summary>Featurize columns used as dense inputs, in input order after the bits.</summary>
    public static readonly string[] Descriptors =
        ["mw", "clogp", "tpsa", "hbd", "hba", "rotb", "rings", "aromatic_rings", "heavy_atoms", "formal_charge", "fsp3"];

    public static int Width => Bits + Descriptors.Length;
}
