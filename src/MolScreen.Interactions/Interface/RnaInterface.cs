using MolScreen.Core.Structures;

namespace MolScreen.Interactions.Interface;

/// <summary>A protein residue, whether it touches RNA, and its closest heavy-atom distance to RNA (+∞ beyond the cutoff).</summary>
public sealed record InterfaceResidue(StructureResidue Residue, bool Contacts, double MinDistance);

/// <summary>
/// The geometric protein–RNA interface: a protein residue is in it when any of its heavy atoms lies within
/// <see cref="Cutoff"/> Å of any RNA heavy atom (hydrogens are left out because many structures lack them, which
/// would make the label depend on the refinement program).
/// </summary>
public static class RnaInterface
{
    public const double Cutoff = 4.5;

    public static IReadOnlyList<InterfaceResidue> Compute(MacromolecularStructure complex, double cutoff = Cutoff)
    {
        var rnaAtoms = complex.OfKind(ResidueKind.Rna).SelectMany(r => r.HeavyAtoms).ToList();
        if (rnaAtoms.Count == 0) throw new ArgumentException($"structure '{complex.Name}' has no RNA residues: the interface needs a protein–RNA complex");
        var protein = complex.OfKind(ResidueKind.Protein).ToList();
        if (protein.Count == 0) throw new ArgumentException($"structure '{complex.Name}' has no protein residues");
        var grid = new AtomGrid(rnaAtoms, cutoff);
        return protein.Select(r =>
        {
            double best = double.PositiveInfinity;
            foreach (var a in r.HeavyAtoms) best = Math.Min(best, grid.NearestDistance(a));
            return new InterfaceResidue(r, best <= cutoff, best);
        }).ToList();
    }
}

/// <summary>Uniform cell list: a query looks only at the 27 cells around the atom, so distance search is linear.</summary>
internal sealed class AtomGrid
{
    private readonly double _cell;
    private readonly Dictionary<(int, int, int), List<StructureAtom>> _cells = new();

    public AtomGrid(IEnumerable<StructureAtom> atoms, double cell)
    {
        _cell = cell;
        foreach (var a in atoms)
        {
            var key = Key(a.X, a.Y, a.Z);
            if (!_cells.TryGetValue(key, out var list)) _cells[key] = list = [];
            list.Add(a);
        }
    }

    private (int, int, int) Key(double x, double y, double z) => ((int)Math.Floor(x / _cell), (int)Math.Floor(y / _cell), (int)Math.Floor(z / _cell));

    /// <summary>Distance to the nearest grid atom when it is within one cell size, else +∞.</summary>
    public double NearestDistance(StructureAtom a)
    {
        var (cx, cy, cz) = Key(a.X, a.Y, a.Z);
        double best = double.PositiveInfinity;
        for (int dx = -1; dx <= 1; dx++)
        for (int dy = -1; dy <= 1; dy++)
        for (int dz = -1; dz <= 1; dz++)
            if (_cells.TryGetValue((cx + dx, cy + dy, cz + dz), out var list))
                foreach (var b in list) best = Math.Min(best, a.DistanceSquared(b));
        var d = Math.Sqrt(best);
        return d <= _cell ? d : double.PositiveInfinity;
    }
}
