namespace MolScreen.Ranking.Tests;

/// <summary>The ranking pieces on small cases worked out by hand.</summary>
public class RankingAlgorithmTests
{
    [Fact]
    public void ParetoFrontsPeelOffNonDominatedLayers()
    {
        // Larger is better on both. (3,3) dominates all but (5,1) and (1,5); those three form front 1.
        double[][] v = [[3, 3], [5, 1], [1, 5], [2, 2], [1, 1], [2, 2], [0, 4]];
        Assert.Equal([1, 1, 1, 2, 3, 2, 2], ParetoRanking.Fronts(v));
        Assert.Equal([1, 1], ParetoRanking.Fronts([[], []]));
    }

    [Fact]
    public void MissingObjectiveValuesCountAsWorst()
    {
        var min = new Objective("dock_score", Direction.Minimize);
        Assert.Equal(9.5, min.Oriented(-9.5));
        Assert.Equal(double.NegativeInfinity, min.Oriented(null));
        Assert.Equal("dock_score", Objective.Parse("dock_score:min").Column);
        Assert.Contains("min or max", Assert.Throws<ArgumentException>(() => Objective.Parse("dock_score:lowest")).Message);
    }

    [Fact]
    public void DerringerDesirabilityIsAWeightedGeometricMeanOfRamps()
    {
        var score = DesirabilityTerm.Parse("dock_score:min:-11:-6:3");
        Assert.Equal(1, score.Of(-12));
        Assert.Equal(0, score.Of(-5));
        Assert.Equal(0.4, score.Of(-8), 12);
        var le = DesirabilityTerm.Parse("ligand_efficiency:max:0.2:0.4:1");
        Assert.Equal(0.5, le.Of(0.3), 12);
        var values = new Dictionary<string, double?> { ["dock_score"] = -8, ["ligand_efficiency"] = 0.3 };
        Assert.Equal(Math.Pow(0.4, 0.75) * Math.Pow(0.5, 0.25), Desirability.Combine([score, le], c => values.GetValueOrDefault(c))!.Value, 12);
        // An absent value leaves its term out; a zero term makes the whole zero; nothing at all is null.
        Assert.Equal(0.5, Desirability.Combine([score, le], c => c == "ligand_efficiency" ? 0.3 : null)!.Value, 12);
        Assert.Equal(0, Desirability.Combine([score, le], c => c == "dock_score" ? -5 : 0.3));
        Assert.Null(Desirability.Combine([score], _ => null));
        Assert.Contains("A must be below B", Assert.Throws<ArgumentException>(() => DesirabilityTerm.Parse("x:max:2:1:1")).Message);
    }

    [Fact]
    public void ButinaGroupsNeighboursAroundTheBestConnectedCentroid()
    {
        // Fingerprints with bits {0..9}, {0..8}, {0..7} (mutual Tanimoto >= 0.8) and {100..109}.
        var fps = new byte[4 * 256];
        void Bits(int fp, IEnumerable<int> bits) { foreach (var b in bits) fps[fp * 256 + b / 8] |= (byte)(1 << (b % 8)); }
        Bits(0, Enumerable.Range(0, 10)); Bits(1, Enumerable.Range(0, 9)); Bits(2, Enumerable.Range(0, 8)); Bits(3, Enumerable.Range(100, 10));
        var c = ButinaClustering.Cluster(fps, 0.75);
        Assert.Equal(c[0], c[1]);
        Assert.Equal(c[0], c[2]);
        Assert.NotEqual(c[0], c[3]);
        Assert.Equal([1, 1, 1, 2], c);
        Assert.Equal([1, 2, 3, 4], ButinaClustering.Cluster(fps, 0.95));
    }

    [Fact]
    public void DiversityPickMovesExtraAnaloguesDownNotOut()
    {
        // Best-first order 0..6; compounds 0,1,2,3 share cluster 1.
        int[] cluster = [1, 1, 1, 1, 2, 3, 4];
        var (order, top) = DiversityPick.Order([0, 1, 2, 3, 4, 5, 6], cluster, topN: 4, maxPerCluster: 2);
        Assert.Equal([0, 1, 4, 5, 2, 3, 6], order);
        Assert.Equal(4, top);
        var (all, few) = DiversityPick.Order([0, 1, 2, 3], [1, 1, 1, 1], topN: 10, maxPerCluster: 2);
        Assert.Equal([0, 1, 2, 3], all);
        Assert.Equal(2, few);
    }
}

/// <summary>Rank parameters are checked when the workflow loads, located like every other error.</summary>
public class RankParameterTests
{
    [Fact]
    public void BadObjectivesAndDesirabilityTermsAreLocatedAtLoadTime()
    {
        var dir = Directory.CreateTempSubdirectory("molscreen-rank-wf-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "lib.smi"), "C a\n");
            Workflow.Definition.WorkflowException Fails(string yaml) => Assert.Throws<Workflow.Definition.WorkflowException>(
                () => Workflow.Definition.WorkflowLoader.Parse(yaml, Path.Combine(dir, "wf.yaml"), RankRun.Catalog()));
            var head = "name: t\nstages:\n  ingest:\n    inputs: [lib.smi]\n  featurize:\n    input: ingest\n  rank:\n    input: featurize\n    params:\n";
            var e = Fails(head + "      desirability: [\"dock_score:min:-11:-6:3\", \"mw:min:650:450:1\"]\n");
            Assert.Contains("A must be below B", e.Message);
            Assert.Equal((10L, 49L), (e.Line, e.Column));
            e = Fails(head + "      objectives: [dock_score:best]\n");
            Assert.Contains("direction must be min or max", e.Message);
            Assert.Equal(10L, e.Line);
            Assert.Contains("below the minimum 1", Fails(head + "      max_per_cluster: 0\n").Message);
            e = Fails(head + "      reference: actives.smi\n");
            Assert.Contains("file not found: actives.smi", e.Message);
            Assert.Equal((10L, 18L), (e.Line, e.Column));
            Assert.Contains("only reduce stages", Fails("name: t\nstages:\n  ingest:\n    inputs: [lib.smi]\n  featurize:\n    input: ingest\n    join: ingest\n").Message);
        }
        finally { Directory.Delete(dir, true); }
    }
}
