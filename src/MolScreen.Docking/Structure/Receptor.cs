using System.Globalization;
using System.Text;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Structure;

/// <summary>
/// A rigid receptor: coordinates, AutoDock types and the X-Score types Vina would assign. Flat arrays so grid building
/// (CPU or GPU) reads them directly.
/// </summary>
public sealed class Receptor
{
    public required float[] X { get; init; }
    public required float[] Y { get; init; }
    public required float[] Z { get; init; }
    public required int[] Ad { get; init; }
    public required int[] Xs { get; init; }
    public required ReceptorAtomRecord[] Records { get; init; }
    /// <summary>What the reader dropped or chose (altlocs, waters, ions), for the run log.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
    public int Count => X.Length;

    internal static Receptor Build(List<(ReceptorAtomRecord Rec, float X, float Y, float Z, int Ad)> atoms, IReadOnlyList<string> notes,
        Func<int[], List<int>[], int[]>? typing = null)
    {
        int n = atoms.Count;
        var x = new float[n]; var y = new float[n]; var z = new float[n]; var ad = new int[n];
        var recs = new ReceptorAtomRecord[n];
        for (int i = 0; i < n; i++) { (recs[i], x[i], y[i], z[i], ad[i]) = atoms[i]; }
        var bonds = BondPerception.Perceive(x, y, z, ad);
        var xs = typing != null ? typing(ad, bonds) : BondPerception.AssignXs(ad, bonds);
        return new Receptor { X = x, Y = y, Z = z, Ad = ad, Xs = xs, Records = recs, Notes = notes };
    }

    /// <summary>Writes the receptor as Vina reads it (ATOM/HETATM only), so a peer scores exactly what we score.</summary>
    public string ToPdbqt()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < Count; i++)
        {
            var r = Records[i];
            string name = r.Name.Length < 4 ? " " + r.Name.PadRight(3) : r.Name[..4];
            sb.Append(CultureInfo.InvariantCulture, $"{(r.Hetero ? "HETATM" : "ATOM  ")}{(i + 1) % 100000,5} {name} {r.ResidueName,3} {r.Chain}{r.ResidueNumber % 10000,4}{r.InsertionCode}   ");
            sb.Append(CultureInfo.InvariantCulture, $"{X[i],8:F3}{Y[i],8:F3}{Z[i],8:F3}  1.00  0.00    {0.0,6:F3} {r.TypeName,-2}\n");
        }
        return sb.ToString();
    }
}
