using MolScreen.Chemistry.Featurize;
using MolScreen.Ingest;
using MolScreen.Workflow.Definition;
using MolScreen.Workflow.Execution;
using MolScreen.Workflow.Planning;

namespace MolScreen.Ranking.Tests;

/// <summary>
/// Whole runs through the engine, once per test class: the repo's approved-drug set plus an
/// analogue series (which clustering must spread out), then featurize, and optionally the predict
/// and dock stand-ins, then rank, then finalize (which publishes ranked.parquet and report.html).
/// </summary>
public sealed class RankRun : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("molscreen-rank-").FullName;
    public string Out => Path.Combine(Dir, "out");
    public Plan Plan { get; }
    public RunResult Result { get; }

    /// <summary>Twelve close analogues (para-substituted N-benzylbenzamides) and one record featurize rejects.</summary>
    public static readonly string[] Series =
    [
        "O=C(NCc1ccccc1)c1ccc(C)cc1", "O=C(NCc1ccccc1)c1ccc(CC)cc1", "O=C(NCc1ccccc1)c1ccc(Cl)cc1", "O=C(NCc1ccccc1)c1ccc(F)cc1",
        "O=C(NCc1ccccc1)c1ccc(Br)cc1", "O=C(NCc1ccccc1)c1ccc(OC)cc1", "O=C(NCc1ccccc1)c1ccc(O)cc1", "O=C(NCc1ccccc1)c1ccc(N)cc1",
        "O=C(NCc1ccccc1)c1ccc(C#N)cc1", "O=C(NCc1ccccc1)c1ccc(C(F)(F)F)cc1", "O=C(NCc1ccccc1)c1ccc(CCC)cc1", "O=C(NCc1ccccc1)c1ccc(I)cc1",
    ];

    public const string FeaturizeOnly = """
        name: rank-featurize-only
        shard_size: 16
        stages:
          ingest:
            inputs: [lib.smi]
          featurize:
            input: ingest
          rank:
            input: featurize
            params: { top_n: 10, max_per_cluster: 2 }
        """;

    public const string Full = """
        name: rank-full
        shard_size: 16
        stages:
          ingest:
            inputs: [lib.smi]
          featurize:
            input: ingest
          predict:
            kind: fake_predict
            input: featurize
          dock:
            kind: fake_dock
            input: featurize
          rank:
            input: dock
            join: [featurize, predict]
            params: { top_n: 12, max_per_cluster: 2, reference: ref.smi }
        """;

    /// <param name="library">SMILES library lines (header first); default: the drugs, the series and a broken record.</param>
    public RankRun(string workflow, IReadOnlyList<string>? library = null)
    {
        var drugs = File.ReadAllLines(Path.Combine(RepoRoot(), "datasets", "example", "approved-drugs.smi")).Skip(1);
        File.WriteAllLines(Path.Combine(Dir, "lib.smi"),
            library ?? ["smiles\tname", .. drugs, .. Series.Select((s, i) => $"{s}\tbenzamide-{i}"), "C1CC(\tbroken-ring"]);
        File.WriteAllLines(Path.Combine(Dir, "ref.smi"), ["CC(=O)Oc1ccccc1C(=O)O aspirin", "O=C(NCc1ccccc1)c1ccccc1 benzamide-parent"]);
        var wfPath = Path.Combine(Dir, "wf.yaml");
        File.WriteAllText(wfPath, workflow);
        var wf = WorkflowLoader.Load(wfPath, Catalog());
        Plan = Plan.Build(wf, Out);
        // One worker: OpenBabel runs one thread per process.
        Result = new LocalExecutor(Plan, new InProcessWorkerFactory(Plan), 1).RunAsync().GetAwaiter().GetResult();
        if (Result.Succeeded) RunFinalizer.FinalizeAsync(Plan).GetAwaiter().GetResult();
    }

    public static StageCatalog Catalog() => new(new IngestStage(), new FeaturizeStage(), new RankStage(), new FakePredictStage(), new FakeDockStage());

    public static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d != null && !File.Exists(Path.Combine(d.FullName, "MolScreen.sln"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("repo root not found");
    }

    public void Dispose() { try { Directory.Delete(Dir, true); } catch (IOException) { } }
}

public sealed class FullRankRun() : IDisposable
{
    public RankRun Run { get; } = new(RankRun.Full);
    public void Dispose() => Run.Dispose();
}

public sealed class FeaturizeOnlyRankRun() : IDisposable
{
    public RankRun Run { get; } = new(RankRun.FeaturizeOnly);
    public void Dispose() => Run.Dispose();
}


/// <summary>One full run shared by the test classes that read it (it takes seconds, not milliseconds).</summary>
[CollectionDefinition(Name)]
public sealed class FullRunCollection : ICollectionFixture<FullRankRun>
{
    public const string Name = "full rank run";
}
