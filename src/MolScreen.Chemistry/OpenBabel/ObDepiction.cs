using System.Runtime.InteropServices;
using MolScreen.Chemistry.Molecules;

namespace MolScreen.Chemistry.OpenBabel;

internal static unsafe partial class ObNative
{
    [LibraryImport(Lib)] internal static partial ObStatus ms_mol_coords2d(MoleculeHandle mol, double* xy, int capacity);
}

/// <summary>A molecule graph with 2D coordinates for drawing (x, y per graph atom; bond length about 1).</summary>
public sealed record Depiction2D(MolGraph Graph, double[] XY);

public static class ObDepiction
{
    /// <summary>
    /// Lays the molecule out in 2D with OpenBabel's gen2D and returns it with its graph (same
    /// atom order). Throws <see cref="ChemistryException"/> when the layout fails.
    /// </summary>
    public static unsafe Depiction2D Layout(ObMolecule mol)
    {
        var graph = mol.ToGraph();
        var xy = new double[2 * graph.AtomCount];
        using (ObThreadGuard.Enter())
            fixed (double* p = xy)
                ObNative.Check(ObNative.ms_mol_coords2d(mol.Handle, p, xy.Length));
        return new Depiction2D(graph, xy);
    }
}
