namespace MolScreen.Chemistry.Smarts;

/// <summary>
/// Coarse atom classes for screening patterns before a search: the element (the common organic
/// ones each alone, every other element in one shared class) and aromaticity, 28 classes, one bit
/// each in a <see cref="ulong"/>. A pattern atom's class set holds every class an atom matching it
/// can have, so a molecule lacking all of them cannot match the pattern.
/// </summary>
internal static class AtomClasses
{
    public const int Count = 28;
    public const ulong All = (1UL << Count) - 1;
    /// <summary>The aromatic class of every element slot (odd bits).</summary>
    public const ulong AromaticMask = 0xAAAAAAAUL;
    public const ulong AliphaticMask = All & ~AromaticMask;

    private const int OtherSlot = 13;
    private static readonly byte[] SlotOfElement = BuildSlots();

    /// <summary>Class index of a target atom.</summary>
    public static int Of(int atomicNumber, bool aromatic) => 2 * Slot(atomicNumber) + (aromatic ? 1 : 0);

    /// <summary>Classes an element query admits: one when aromaticity is fixed, both otherwise.</summary>
    public static ulong OfElement(int atomicNumber, bool? aromatic)
    {
        ulong both = 3UL << (2 * Slot(atomicNumber));
        return aromatic switch { true => both & AromaticMask, false => both & AliphaticMask, null => both };
    }

    private static int Slot(int atomicNumber) => (uint)atomicNumber < (uint)SlotOfElement.Length ? SlotOfElement[atomicNumber] : OtherSlot;

    private static byte[] BuildSlots()
    {
        var slots = new byte[120];
        Array.Fill(slots, (byte)OtherSlot);
        int[] own = [6, 7, 8, 16, 15, 9, 17, 35, 53, 5, 14, 34, 1]; // C N O S P F Cl Br I B Si Se H
        for (int i = 0; i < own.Length; i++) slots[own[i]] = (byte)i;
        return slots;
    }
}
