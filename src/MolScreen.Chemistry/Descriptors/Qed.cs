using System.Reflection;
using MolScreen.Chemistry.Molecules;
using MolScreen.Chemistry.Smarts;

namespace MolScreen.Chemistry.Descriptors;

/// <summary>The eight QED properties of one molecule, as RDKit's QED.properties defines them.</summary>
public readonly record struct QedProperties(double MolecularWeight, double ALogP, int Acceptors, int Donors,
    double PolarSurfaceArea, int RotatableBonds, int AromaticRings, int Alerts);

/// <summary>
/// Quantitative estimate of drug-likeness (Bickerton et al., Nature Chem. 2012), computed as
/// RDKit's rdkit.Chem.QED.qed does with its default mean weights: each property goes through
/// its asymmetric double sigmoid ("ADS") desirability, and QED is the weighted geometric mean.
/// QED has its own acceptor list, donor rule and aromatic-ring count, kept here rather than
/// reusing the Lipinski counts of featurize; MW, ALogP, TPSA and rotatable bonds are the
/// shared formulas. The 116 structural alerts are RDKit's table (qed_alerts.txt, BSD notice
/// in its header).
/// </summary>
public sealed class Qed
{
    private readonly record struct Ads(double A, double B, double C, double D, double E, double F, double DMax)
    {
        public double Desirability(double x)
        {
            double exp1 = 1 + Math.Exp(-(x - C + D / 2) / E);
            double exp2 = 1 + Math.Exp(-(x - C - D / 2) / F);
            return (A + B / exp1 * (1 - 1 / exp2)) / DMax;
        }
    }

    // Bickerton et al.'s fitted ADS parameters and mean weights, in property order
    // MW, ALOGP, HBA, HBD, PSA, ROTB, AROM, ALERTS.
    private static readonly Ads[] Parameters =
    [
        new(2.817065973, 392.5754953, 290.7489764, 2.419764353, 49.22325677, 65.37051707, 104.9805561),
        new(3.172690585, 137.8624751, 2.534937431, 4.581497897, 0.822739154, 0.576295591, 131.3186604),
        new(2.948620388, 160.4605972, 3.615294657, 4.435986202, 0.290141953, 1.300669958, 148.7763046),
        new(1.618662227, 1010.051101, 0.985094388, 0.000000001, 0.713820843, 0.920922555, 258.1632616),
        new(1.876861559, 125.2232657, 62.90773554, 87.83366614, 12.01999824, 28.51324732, 104.5686167),
        new(0.010000000, 272.4121427, 2.558379970, 1.565547684, 1.271567166, 2.758063707, 105.4420403),
        new(3.217788970, 957.7374108, 2.274627939, 0.000000001, 1.317690384, 0.375760881, 312.3372610),
        new(0.010000000, 1199.094025, -0.09002883, 0.000000001, 0.185904477, 0.875193782, 417.7253140),
    ];

    private static readonly double[] MeanWeights = [0.66, 0.46, 0.05, 0.61, 0.06, 0.65, 0.48, 0.95];

    private static readonly string[] AcceptorSmarts =
    [
        "[oH0;X2]", "[OH1;X2;v2]", "[OH0;X2;v2]", "[OH0;X1;v2]", "[O-;X1]", "[SH0;X2;v2]", "[SH0;X1;v2]", "[S-;X1]",
        "[nH0;X2]", "[NH0;X1;v3]", "[$([N;+0;X3;v3]);!$(N[C,S]=O)]",
    ];

    // rdMolDescriptors.CalcNumHBD.
    private const string DonorSmarts = "[N&!H0&v3,N&!H0&+1&v4,O&H1&+0,S&H1&+0,n&H1&+0]";

    // Aliphatic ring atoms with a non-aromatic neighbour: QED deletes them before counting rings.
    private const string AliphaticRingSmarts = "[$([A;R][!a])]";

    private static readonly Lazy<Qed> LazyDefault = new(() => new Qed(ReadAlerts()));
    public static Qed Default => LazyDefault.Value;

    private readonly SmartsPattern[] _acceptors = AcceptorSmarts.Select(SmartsPattern.Parse).ToArray();
    private readonly SmartsPattern _donor = SmartsPattern.Parse(DonorSmarts);
    private readonly SmartsPattern _aliphaticRing = SmartsPattern.Parse(AliphaticRingSmarts);
    private readonly SmartsPattern[] _alerts;

    public Qed(IEnumerable<string> alertSmarts) => _alerts = alertSmarts.Select(SmartsPattern.Parse).ToArray();

    public int AlertCount => _alerts.Length;

    internal IReadOnlyList<SmartsPattern> Alerts => _alerts;

    public QedProperties Properties(MolGraph g, SmartsTarget target) => Properties(g, target, CrippenLogP.Default.LogP(g));

    /// <param name="logP">The molecule's Crippen logP when the caller has it already (featurize does), so it is not typed twice.</param>
    public QedProperties Properties(MolGraph g, SmartsTarget target, double logP) => new(
        MolecularWeight.Average(g),
        logP,
        _acceptors.Sum(p => p.CountUnique(target)),
        _donor.CountUnique(target),
        PolarSurfaceArea.Tpsa(g),
        CompositionDescriptors.RotatableBonds(g),
        RingsAfterDeleting(g, target),
        _alerts.Count(a => a.IsMatch(target)));

    public double Score(MolGraph g, SmartsTarget target) => Score(Properties(g, target));

    public double Score(MolGraph g, SmartsTarget target, double logP) => Score(Properties(g, target, logP));

    public static double Score(QedProperties p)
    {
        double[] x = [p.MolecularWeight, p.ALogP, p.Acceptors, p.Donors, p.PolarSurfaceArea, p.RotatableBonds, p.AromaticRings, p.Alerts];
        double t = 0;
        for (int i = 0; i < x.Length; i++) t += MeanWeights[i] * Math.Log(Parameters[i].Desirability(x[i]));
        return Math.Exp(t / MeanWeights.Sum());
    }

    // len(GetSSSR(DeleteSubstructs(mol, AliphaticRings))): the SSSR of what remains has as
    // many rings as its cycle rank, bonds - atoms + connected pieces.
    private int RingsAfterDeleting(MolGraph g, SmartsTarget target)
    {
        var deleted = new bool[g.AtomCount];
        foreach (var m in _aliphaticRing.Matches(target)) deleted[m[0]] = true;
        var parent = Enumerable.Range(0, g.AtomCount).ToArray();
        int Find(int a) => parent[a] == a ? a : parent[a] = Find(parent[a]);
        int atoms = 0, bonds = 0, pieces = 0;
        for (int a = 0; a < g.AtomCount; a++) if (!deleted[a]) atoms++;
        for (int b = 0; b < g.BondCount; b++)
        {
            int x = g.BondBegin[b], y = g.BondEnd[b];
            if (deleted[x] || deleted[y]) continue;
            bonds++;
            parent[Find(x)] = Find(y);
        }
        for (int a = 0; a < g.AtomCount; a++) if (!deleted[a] && Find(a) == a) pieces++;
        return bonds - atoms + pieces;
    }

    private static IEnumerable<string> ReadAlerts()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MolScreen.Chemistry.Descriptors.qed_alerts.txt")
            ?? throw new InvalidOperationException("embedded QED alert table missing from MolScreen.Chemistry");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) lines.Add(line.Trim());
        return lines;
    }
}
