using System.Text.Json;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

namespace MolScreen.Bench;

/// <summary>
/// One redocked complex as stored for offline ranking studies: every candidate our engine clustered (features, RMSD to
/// the crystal pose, coordinates) and Vina's modes (score, RMSD). One JSON object per line, appended as each complex ends.
/// </summary>
public sealed record RerankComplex(string Id, int HeavyAtoms, int Torsions, double OursSeconds, double VinaSeconds,
    List<RerankCandidate> Candidates, List<VinaMode> Vina, int Exhaustiveness = 8);

public sealed record RerankCandidate(float Inter, float Intra, float VinardoInter, float[] Terms, int Chains, int Minima,
    float Rmsd, float[] X, float[] Y, float[] Z)
{
    public PoseCandidate ToCandidate(int chainTotal) => new(Inter, Intra, VinardoInter, Terms, Chains, chainTotal, Minima, [], X, Y, Z);
}

public sealed record VinaMode(float Score, float Rmsd);

public static class RerankDump
{
    public static void Append(string path, string id, LigandModel lig, DockingResult ours, double oursSeconds,
        IEnumerable<(float Score, float Rmsd)> vina, double vinaSeconds)
    {
        var candidates = ours.Candidates.Select(c => new RerankCandidate(c.Inter, c.Intra, c.VinardoInter, c.Terms, c.Chains,
            c.Minima, SymmetricRmsd.Compute(lig, c.X, c.Y, c.Z, lig.X, lig.Y, lig.Z), c.X, c.Y, c.Z)).ToList();
        int heavy = Enumerable.Range(0, lig.AtomCount).Count(i => !MolScreen.Docking.Typing.AdType.IsHydrogen(lig.Ad[i]));
        var record = new RerankComplex(id, heavy, lig.TorsionCount, oursSeconds, vinaSeconds, candidates,
            vina.Select(v => new VinaMode(v.Score, v.Rmsd)).ToList(), ours.Candidates.Count > 0 ? ours.Candidates[0].ChainTotal : 0);
        File.AppendAllText(path, JsonSerializer.Serialize(record) + "\n");
    }

    public static List<RerankComplex> Read(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<RerankComplex>(l)
            ?? throw new InvalidDataException($"{path}: empty record")).ToList();
}
