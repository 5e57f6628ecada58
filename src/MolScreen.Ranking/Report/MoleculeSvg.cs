using System.Globalization;
using System.Text;
using MolScreen.Chemistry;
using MolScreen.Chemistry.Molecules;
using MolScreen.Chemistry.OpenBabel;

namespace MolScreen.Ranking.Report;

/// <summary>
/// A 2D structure drawing as a small standalone SVG: OpenBabel's gen2D coordinates, bonds as lines
/// (double and triple offset, aromatic with a dashed inner line), heteroatoms labelled with their
/// hydrogens and charge, in the customary element colours.
/// </summary>
public static class MoleculeSvg
{
    private static readonly string[] Symbols = ["*", "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
        "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr", "Nb", "Mo",
        "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I"];

    private static string Colour(int z) => z switch { 7 => "#2233cc", 8 => "#cc2222", 9 or 17 => "#119911", 15 => "#cc7700", 16 => "#aa9900", 35 => "#882200", 53 => "#660088", _ => "#222222" };

    /// <summary>The SVG for a SMILES, or null when OpenBabel cannot read or lay it out (the report shows the SMILES instead).</summary>
    public static string? FromSmiles(string smiles, int size = 180)
    {
        try
        {
            using var mol = ObMolecule.FromSmiles(smiles);
            return Draw(ObDepiction.Layout(mol), size);
        }
        catch (ChemistryException) { return null; }
    }

    public static string Draw(Depiction2D d, int size)
    {
        var g = d.Graph;
        int n = g.AtomCount;
        if (n == 0) return Empty(size);
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (int i = 0; i < n; i++)
        {
            minX = Math.Min(minX, d.XY[2 * i]); maxX = Math.Max(maxX, d.XY[2 * i]);
            minY = Math.Min(minY, d.XY[2 * i + 1]); maxY = Math.Max(maxY, d.XY[2 * i + 1]);
        }
        const double margin = 14;
        var scale = Math.Min(30, (size - 2 * margin) / Math.Max(1e-6, Math.Max(maxX - minX, maxY - minY)));
        double ox = (size - scale * (maxX - minX)) / 2, oy = (size - scale * (maxY - minY)) / 2;
        (double X, double Y) P(int i) => (ox + scale * (d.XY[2 * i] - minX), size - (oy + scale * (d.XY[2 * i + 1] - minY)));
        var labelled = Enumerable.Range(0, n).Select(i => g.AtomicNumber[i] != 6 || g.FormalCharge[i] != 0 || g.Adjacency[i].Length == 0).ToArray();

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 {size} {size}\">");
        sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        var stroke = Math.Max(1, scale / 18);
        for (int b = 0; b < g.BondCount; b++)
        {
            int i = g.BondBegin[b], j = g.BondEnd[b];
            var (x1, y1) = Shorten(P(i), P(j), labelled[i] ? 0.3 * scale : 0);
            var (x2, y2) = Shorten(P(j), P(i), labelled[j] ? 0.3 * scale : 0);
            double dx = x2 - x1, dy = y2 - y1, len = Math.Max(1e-6, Math.Sqrt(dx * dx + dy * dy));
            double nx = -dy / len * scale * 0.14, ny = dx / len * scale * 0.14;
            // Second lines go on the side where the other neighbours are (inside a ring), as drawn by hand.
            if (SideOfNeighbours(g, P, i, j, nx, ny) < 0) { nx = -nx; ny = -ny; }
            switch (g.BondKinds[b])
            {
                case BondKind.Double when g.BondInRing[b]:
                    Line(sb, x1, y1, x2, y2, stroke, false);
                    Line(sb, x1 + nx + dx * 0.12, y1 + ny + dy * 0.12, x2 + nx - dx * 0.12, y2 + ny - dy * 0.12, stroke, false);
                    break;
                case BondKind.Double:
                    Line(sb, x1 + nx / 2, y1 + ny / 2, x2 + nx / 2, y2 + ny / 2, stroke, false);
                    Line(sb, x1 - nx / 2, y1 - ny / 2, x2 - nx / 2, y2 - ny / 2, stroke, false);
                    break;
                case BondKind.Triple:
                    Line(sb, x1, y1, x2, y2, stroke, false);
                    Line(sb, x1 + nx, y1 + ny, x2 + nx, y2 + ny, stroke, false);
                    Line(sb, x1 - nx, y1 - ny, x2 - nx, y2 - ny, stroke, false);
                    break;
                case BondKind.Aromatic:
                    Line(sb, x1, y1, x2, y2, stroke, false);
                    Line(sb, x1 + nx + dx * 0.12, y1 + ny + dy * 0.12, x2 + nx - dx * 0.12, y2 + ny - dy * 0.12, stroke, true);
                    break;
                default:
                    Line(sb, x1, y1, x2, y2, stroke, false);
                    break;
            }
        }
        var font = Math.Max(8, scale * 0.55);
        for (int i = 0; i < n; i++)
        {
            if (!labelled[i]) continue;
            var (x, y) = P(i);
            var z = g.AtomicNumber[i];
            var text = (z < Symbols.Length ? Symbols[z] : "?") + (g.TotalHydrogens[i] switch { 0 => "", 1 => "H", var h => "H" + h });
            if (g.FormalCharge[i] != 0) text += (Math.Abs(g.FormalCharge[i]) > 1 ? Math.Abs(g.FormalCharge[i]).ToString(CultureInfo.InvariantCulture) : "") + (g.FormalCharge[i] > 0 ? "+" : "−");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" font-family=\"sans-serif\" font-size=\"{font:0.#}\" fill=\"{Colour(z)}\" text-anchor=\"middle\" dominant-baseline=\"central\">{text}</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    private static double SideOfNeighbours(MolGraph g, Func<int, (double X, double Y)> p, int i, int j, double nx, double ny)
    {
        var (ax, ay) = p(i);
        var (bx, by) = p(j);
        double mx = (ax + bx) / 2, my = (ay + by) / 2, side = 0;
        foreach (var (k, _) in g.Adjacency[i].Concat(g.Adjacency[j]))
            if (k != i && k != j) { var (kx, ky) = p(k); side += (kx - mx) * nx + (ky - my) * ny; }
        return side;
    }

    private static (double, double) Shorten((double X, double Y) from, (double X, double Y) to, double by)
    {
        double dx = to.X - from.X, dy = to.Y - from.Y, len = Math.Sqrt(dx * dx + dy * dy);
        return len <= by * 2 || by == 0 ? from : (from.X + dx / len * by, from.Y + dy / len * by);
    }

    private static void Line(StringBuilder sb, double x1, double y1, double x2, double y2, double width, bool dashed) =>
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"#222\" stroke-width=\"{width:0.##}\"{(dashed ? " stroke-dasharray=\"3,2\"" : "")}/>");

    private static string Empty(int size) => $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\"><rect width=\"100%\" height=\"100%\" fill=\"white\"/></svg>";
}
