using MolScreen.Core.Stages;
using YamlDotNet.RepresentationModel;

namespace MolScreen.Workflow.Definition;

/// <summary>
/// `kind: active_learning` is unrolled into ordinary stages, so a campaign plans, resumes and runs on SLURM
/// like any workflow: per round r an acquisition NAME-rR-acquire (re-sharding reduce over the pool, joined with
/// the pool's source for the input SMILES and with every earlier batch and score) and its scoring chain
/// NAME-rR-score (lookup), then the final stage NAME (kind active_learning) over the pool and everything scored.
/// </summary>
public static partial class WorkflowLoader
{
    private static readonly string[] CampaignKeys = ["kind", "description", "input", "params", "score", "resources"];

    private static bool IsCampaign(YamlNode body) =>
        body is YamlMappingNode m && m.Children.Any(c => c.Key is YamlScalarNode { Value: "kind" } && c.Value is YamlScalarNode { Value: CampaignNames.Kind });

    private static IEnumerable<StageDefinition> ReadCampaign(YamlNode keyNode, YamlMappingNode body, IReadOnlyList<StageDefinition> stages, StageCatalog catalog,
        string baseDir, ParameterReader p)
    {
        var name = ((YamlScalarNode)keyNode).Value ?? "";
        if (!StageNamePattern().IsMatch(name) || name.Length > 48)
            throw p.Error(keyNode, $"campaign name '{name}' must be lower-case letters, digits, '_' or '-', starting with a letter, at most 48 characters");
        var keys = Keys(body, CampaignKeys, $"campaign '{name}'", p);
        IStage Need(string kind) => catalog.Find(kind) ?? throw p.Error(keyNode, $"campaign '{name}': this build has no stage kind '{kind}'");
        var final = Need(CampaignNames.Kind);
        var acquire = Need(CampaignNames.AcquireKind);
        var lookup = Need("lookup");

        var parameters = StageParameters.Defaults(final.Parameters);
        if (keys.TryGetValue("params", out var pn)) parameters = parameters.With(ReadParams(pn, final, $"campaign '{name}'", p, perInputOnly: false, baseDir));
        if (!keys.TryGetValue("input", out var inn)) throw p.Error(keyNode, $"campaign '{name}' needs 'input': the stage whose compounds are the pool (featurize)");
        var input = ScalarText(inn, "input", p);
        var pool = stages.FirstOrDefault(s => s.Name == input)
            ?? throw p.Error(inn, $"campaign '{name}': input stage '{input}' is not defined (stages: {string.Join(", ", stages.Select(s => s.Name))})");
        // The input SMILES as ingested come from the pool's source stage.
        var source = pool;
        while (source.Input != null) source = stages.FirstOrDefault(s => s.Name == source.Input) ?? source with { Input = null };
        string[] sourceJoin = source == pool ? [] : [source.Name];

        if (!keys.TryGetValue("score", out var sn)) throw p.Error(keyNode, $"campaign '{name}' needs 'score': how a batch is scored, e.g. {{ lookup: scores.csv.gz }}");
        var scoreParams = ReadScore(sn, name, lookup, baseDir, p);
        var resources = keys.TryGetValue("resources", out var rn) ? ReadResources(rn, name, p) : new StageResources();

        int line = (int)keyNode.Start.Line, column = (int)keyNode.Start.Column;
        var defs = new List<StageDefinition>();
        var scored = new List<string>();
        int rounds = (int)parameters.GetInt("rounds");
        for (int r = 0; r <= rounds; r++)
        {
            var acquireParams = StageParameters.Defaults(acquire.Parameters).With(parameters.Values).With([new("round", (long)r)]);
            defs.Add(new StageDefinition(CampaignNames.Acquire(name, r), acquire, input, [], acquireParams, resources, line, column) { Joins = [.. sourceJoin, .. scored] });
            defs.Add(new StageDefinition(CampaignNames.Score(name, r), lookup, CampaignNames.Acquire(name, r), [], scoreParams, resources, line, column));
            scored.AddRange([CampaignNames.Acquire(name, r), CampaignNames.Score(name, r)]);
        }
        defs.Add(new StageDefinition(name, final, input, [], parameters, resources, line, column) { Joins = [.. sourceJoin, .. scored] });
        foreach (var d in defs.Where(d => stages.Any(s => s.Name == d.Name)))
            throw p.Error(keyNode, $"campaign '{name}' unrolls into a stage named '{d.Name}', which the workflow already defines");
        return defs;
    }

    /// <summary>`score: { lookup: FILE }`: the batch is scored from a table of known scores.</summary>
    private static StageParameters ReadScore(YamlNode node, string name, IStage lookup, string baseDir, ParameterReader p)
    {
        if (node is not YamlMappingNode map || map.Children.Count != 1 || map.Children.Keys.Single() is not YamlScalarNode { Value: "lookup" })
            throw p.Error(node, $"campaign '{name}': 'score' must be {{ lookup: FILE }} (a CSV or Parquet table with smiles and score columns)");
        return StageParameters.Defaults(lookup.Parameters).With(ReadParams(new YamlMappingNode(new YamlScalarNode("table"), map.Children.Values.Single()), lookup,
            $"campaign '{name}' score", p, perInputOnly: false, baseDir));
    }
}
