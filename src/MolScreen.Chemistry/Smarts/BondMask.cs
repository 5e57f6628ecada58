using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.Smarts;

/// <summary>
/// A SMARTS bond expression compiled to the set of bond states it accepts. A bond's state is its kind
/// (single, double, triple, aromatic) and whether it is in a ring: eight states, one bit each, so
/// negation, and, or are plain bit operations and matching a bond is one shift.
/// </summary>
internal static class BondMask
{
    public const byte Any = 0xFF;
    public const byte Ring = 0b1010_1010;
    public const byte Single = 0b0000_0011;
    public const byte Double = 0b0000_1100;
    public const byte Triple = 0b0011_0000;
    public const byte Aromatic = 0b1100_0000;
    public const byte SingleOrAromatic = Single | Aromatic;

    /// <summary>The state bit of a graph bond.</summary>
    public static int State(BondKind kind, bool inRing) => (KindIndex(kind) << 1) | (inRing ? 1 : 0);

    /// <summary>The state of the bond to a folded (implicit) hydrogen: single, not in a ring.</summary>
    public const int HydrogenBondState = 0;

    public static bool Accepts(byte mask, int state) => (mask & (1 << state)) != 0;

    private static int KindIndex(BondKind kind) => kind switch
    {
        BondKind.Single => 0,
        BondKind.Double => 1,
        BondKind.Triple => 2,
        BondKind.Aromatic => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown bond kind"),
    };
}
