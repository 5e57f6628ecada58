namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// The example's whole chain (ingest → featurize → predict → prepare → dock → rank) cut down to run in seconds:
/// four dockable drugs, one molecule prepare rejects (decanol: 9 torsions > max_torsions 4) and one broken line
/// (ingest rejects it), two records per shard, the λN–boxB interface target, fast docking with two chains.
/// 3 + 3 + 3 + 3 + 3 + 1 = 16 shards.
/// </summary>
public static class MiniChain
{
    public const string Library =
        "CC(=O)Oc1ccccc1C(=O)O aspirin\nCC(=O)Nc1ccc(O)cc1 paracetamol\nCn1cnc2c1c(=O)n(C)c(=O)n2C caffeine\n" +
        "CC(C)Cc1ccc(cc1)C(C)C(=O)O ibuprofen\nCCCCCCCCCCO decanol\nC1CC(C broken\n";

    public const int Shards = 16;

    /// <summary>Writes lib.smi and wf.yaml into <paramref name="dir"/>; returns the workflow's path.</summary>
    public static string Write(string dir)
    {
        File.WriteAllText(Path.Combine(dir, "lib.smi"), Library);
        var wf = Path.Combine(dir, "wf.yaml");
        File.WriteAllText(wf, Workflow("mini", 2));
        return wf;
    }

    /// <summary>The example's whole chain over lib.smi, at test-sized search settings.</summary>
    public static string Workflow(string name, int shardSize)
    {
        string root = SchemaDocsTests.RepoRoot();
        return $"""
            name: {name}
            seed: 42
            shard_size: {shardSize}
            stages:
              ingest: {"{"} inputs: [lib.smi] {"}"}
              featurize: {"{"} input: ingest {"}"}
              predict:
                input: featurize
                params: {"{"} models: ["{Path.Combine(root, "datasets", "models", "logs")}"] {"}"}
              prepare:
                input: featurize
                params: {"{"} max_torsions: 4 {"}"}
              dock:
                input: prepare
                target:
                  receptor: {Path.Combine(LambdaNTargetFactAttribute.Dir, "protein.pdb")}
                  rna_complex: {Path.Combine(LambdaNTargetFactAttribute.Dir, "complex.pdb")}
                params: {"{"} mode: fast, exhaustiveness: 2, num_poses: 2 {"}"}
              rank:
                input: dock
                join: [featurize, predict]
                params: {"{"} top_n: 3 {"}"}
            """;
    }
}
