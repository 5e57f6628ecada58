namespace MolScreen.Core.Structures;

/// <summary>One atom of a macromolecular structure as the coordinate file gives it (first model, one alternate location).</summary>
public sealed record StructureAtom(
    int Serial, string Name, char AltLoc, string ResidueName, string ChainId, int ResidueNumber, char InsertionCode,
    double X, double Y, double Z, double Occupancy, double BFactor, string Element, bool IsHetero)
{
    public bool IsHydrogen => Element is "H" or "D";

    public double DistanceSquared(StructureAtom o)
    {
        double dx = X - o.X, dy = Y - o.Y, dz = Z - o.Z;
        return dx * dx + dy * dy + dz * dz;
    }
}
