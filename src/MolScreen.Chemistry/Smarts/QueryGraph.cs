namespace MolScreen.Chemistry.Smarts;

/// <summary>A parsed SMARTS: atom queries and the bonds between them, each bond a <see cref="BondMask"/>.</summary>
internal sealed class QueryGraph
{
    public List<AtomQuery> Atoms { get; } = new();
    public List<(int A, int B, byte Mask)> Bonds { get; } = new();

    public int Degree(int atom)
    {
        int d = 0;
        foreach (var (a, b, _) in Bonds) if (a == atom || b == atom) d++;
        return d;
    }

    public bool Bonded(int x, int y)
    {
        foreach (var (a, b, _) in Bonds) if ((a == x && b == y) || (a == y && b == x)) return true;
        return false;
    }
}
