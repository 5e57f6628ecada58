using System.Globalization;
using System.Text.RegularExpressions;
using MolScreen.Core.IO;
using MolScreen.Core.Stages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MolScreen.Workflow.Definition;

/// <summary>
/// Reads and validates a workflow file completely before any work starts: every problem is reported
/// with file, line and column and what was expected.
/// </summary>
public static partial class WorkflowLoader
{
    private static readonly string[] TopKeys = ["name", "description", "seed", "shard_size", "record_timeout", "stages"];
    private static readonly string[] StageKeys = ["kind", "description", "input", "join", "inputs", "params", "target", "resources"];
    private static readonly string[] ResourceKeys = ["cpus", "mem", "time", "gpus", "partition"];

    [GeneratedRegex(@"\A[a-z][a-z0-9_-]{0,63}\z")]
    private static partial Regex StageNamePattern();

    public static WorkflowDefinition Load(string path, StageCatalog catalog)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new WorkflowException(path, 0, 0, "workflow file not found");
        if (new FileInfo(full).Length > YamlGuard.MaxFileBytes)
            throw new WorkflowException(full, 0, 0, $"workflow file is larger than {YamlGuard.MaxFileBytes} bytes");
        var text = File.ReadAllText(full);
        return Parse(text, full, catalog);
    }

    public static WorkflowDefinition Parse(string text, string file, StageCatalog catalog)
    {
        YamlGuard.Check(text, file);
        var yaml = new YamlStream();
        try { yaml.Load(new StringReader(text)); }
        catch (YamlException e) { throw new WorkflowException(file, e.Start.Line, e.Start.Column, "invalid YAML: " + SafeText.ForDisplay(e.Message)); }
        // The guard has read the same text as events; a failure left to the document model is still only bad YAML.
        catch (Exception e) when (e is InvalidOperationException or ArgumentException) { throw new WorkflowException(file, 1, 1, "invalid YAML: " + SafeText.ForDisplay(e.Message)); }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw new WorkflowException(file, 1, 1, "expected a mapping with keys: " + string.Join(", ", TopKeys));

        var p = new ParameterReader(file);
        var top = Keys(root, TopKeys, "workflow", p);
        var name = RequiredScalar(top, "name", root, p);
        if (ScriptText.CheckName(name) is { } badName) throw p.Error(top["name"], badName);
        var seed = (int)(top.TryGetValue("seed", out var sn) ? Integer(sn, "seed", 0, int.MaxValue, p) : 42);
        var shardSize = (int)(top.TryGetValue("shard_size", out var zn) ? Integer(zn, "shard_size", 1, 100_000_000, p) : 10_000);
        var recordTimeout = (int)(top.TryGetValue("record_timeout", out var rt) ? Integer(rt, "record_timeout", 1, 604_800, p) : 300);
        var description = top.TryGetValue("description", out var dn) ? ScalarText(dn, "description", p, multiLine: true) : null;
        if (!top.TryGetValue("stages", out var stagesNode) || stagesNode is not YamlMappingNode stagesMap || stagesMap.Children.Count == 0)
            throw p.Error(top.GetValueOrDefault("stages") ?? root, "'stages' must be a mapping of stage name to stage");

        var baseDir = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var stages = new List<StageDefinition>();
        var readNodes = new Dictionary<(string Stage, string Read), YamlNode>();
        var campaigns = new List<(YamlNode Key, YamlMappingNode Body)>();
        foreach (var (keyNode, valueNode) in stagesMap.Children)
            if (IsCampaign(valueNode)) campaigns.Add((keyNode, (YamlMappingNode)valueNode));
            else stages.Add(ReadStage(keyNode, valueNode, catalog, baseDir, p, readNodes));
        foreach (var (keyNode, body) in campaigns)
            stages.AddRange(ReadCampaign(keyNode, body, stages, catalog, baseDir, p));

        CheckGraph(stages, p, stagesMap, readNodes);
        return new WorkflowDefinition(file, name, description, seed, shardSize, stages, ContentHash.OfText(text)) { RecordTimeout = recordTimeout };
    }

    private static StageDefinition ReadStage(YamlNode keyNode, YamlNode valueNode, StageCatalog catalog, string baseDir, ParameterReader p,
        Dictionary<(string, string), YamlNode> readNodes)
    {
        var stageName = KeyText(keyNode, p);
        if (!StageNamePattern().IsMatch(stageName))
            throw p.Error(keyNode, $"stage name '{SafeText.ForDisplay(stageName)}' must be lower-case letters, digits, '_' or '-', starting with a letter");
        if (valueNode is not YamlMappingNode body) throw p.Error(valueNode, $"stage '{stageName}': expected a mapping with keys: {string.Join(", ", StageKeys)}");
        var keys = Keys(body, StageKeys, $"stage '{stageName}'", p);

        var kind = keys.TryGetValue("kind", out var kn) ? ScalarText(kn, "kind", p) : stageName;
        var stage = catalog.Find(kind) ?? throw p.Error(keys.GetValueOrDefault("kind") ?? keyNode, $"unknown stage kind '{kind}' (known: {catalog.KnownKinds})");

        var parameters = StageParameters.Defaults(stage.Parameters);
        if (keys.TryGetValue("params", out var pn))
            parameters = parameters.With(ReadParams(pn, stage, $"stage '{stageName}'", p, perInputOnly: false, baseDir));
        // A stage with a target (dock) takes its receptor and pocket under `target:`, everything else under `params:`.
        bool hasTarget = stage.Parameters.Any(s => s.InTarget);
        if (keys.TryGetValue("target", out var tn))
        {
            if (!hasTarget) throw p.Error(tn, $"stage '{stageName}' ({kind}) has no target: only stages such as dock take 'target'");
            parameters = parameters.With(ReadParams(tn, stage, $"stage '{stageName}' target", p, perInputOnly: false, baseDir, target: true));
        }
        else if (hasTarget) throw p.Error(keyNode, $"stage '{stageName}' ({kind}) needs 'target': a mapping with receptor and the pocket (see docs/workflow.md)");

        string? input = null;
        var inputs = new List<SourceInput>();
        if (stage.Shape == StageShape.Source)
        {
            if (keys.ContainsKey("input")) throw p.Error(keys["input"], $"stage '{stageName}' ({kind}) reads files: use 'inputs', a list of paths");
            if (!keys.TryGetValue("inputs", out var inn)) throw p.Error(keyNode, $"stage '{stageName}' ({kind}) needs 'inputs': a list of input files");
            inputs.AddRange(ReadInputs(inn, stage, parameters, baseDir, stageName, p));
        }
        else
        {
            if (keys.ContainsKey("inputs")) throw p.Error(keys["inputs"], $"stage '{stageName}' ({kind}) reads another stage: use 'input: STAGE'");
            if (!keys.TryGetValue("input", out var inn)) throw p.Error(keyNode, $"stage '{stageName}' ({kind}) needs 'input': the name of the stage it reads");
            input = ScalarText(inn, "input", p);
        }
        var joins = keys.TryGetValue("join", out var jn) ? ReadJoins(jn, stage, stageName, input, p, readNodes) : [];

        var resources = keys.TryGetValue("resources", out var rn) ? ReadResources(rn, stageName, p) : new StageResources();
        return new StageDefinition(stageName, stage, input, inputs, parameters, resources, (int)keyNode.Start.Line, (int)keyNode.Start.Column) { Joins = joins };
    }

    /// <summary>`join: [a, b]` (or one name): stages whose rows a reduce stage looks up by `id`.</summary>
    private static List<string> ReadJoins(YamlNode node, IStage stage, string stageName, string? input, ParameterReader p, Dictionary<(string, string), YamlNode> readNodes)
    {
        if (stage.Shape != StageShape.Reduce)
            throw p.Error(node, $"stage '{stageName}' ({stage.Kind}) is a {stage.Shape.ToString().ToLowerInvariant()} stage: only reduce stages (whole-run stages such as rank) can 'join' other stages");
        var items = node switch
        {
            YamlSequenceNode seq => seq.Children.ToList(),
            YamlScalarNode s => [s],
            _ => throw p.Error(node, $"stage '{stageName}': 'join' must be a stage name or a list of stage names"),
        };
        var joins = new List<string>();
        foreach (var item in items)
        {
            var name = ScalarText(item, "join", p);
            if (name == input || joins.Contains(name)) throw p.Error(item, $"stage '{stageName}': stage '{name}' is read twice (input and join must all differ)");
            joins.Add(name);
            readNodes[(stageName, name)] = item;
        }
        return joins;
    }

    private static IEnumerable<KeyValuePair<string, object?>> ReadParams(YamlNode node, IStage stage, string where, ParameterReader p, bool perInputOnly, string baseDir,
        bool target = false)
    {
        if (node is not YamlMappingNode map) throw p.Error(node, $"{where}: '{(target ? "target" : "params")}' must be a mapping");
        foreach (var (k, v) in map.Children)
        {
            var key = KeyText(k, p);
            var spec = stage.Parameters.FirstOrDefault(s => s.Name == key);
            if (spec != null && spec.InTarget != target)
                throw p.Error(k, $"{where}: '{key}' belongs under '{(spec.InTarget ? "target" : "params")}'");
            if (spec == null || (perInputOnly && !spec.PerInput))
            {
                var allowed = stage.Parameters.Where(s => (!perInputOnly || s.PerInput) && s.InTarget == target).Select(s => s.Name);
                throw p.Error(k, $"{where}: unknown parameter '{key}' for stage kind '{stage.Kind}' (expected one of: {string.Join(", ", allowed)})");
            }
            var value = p.Read(spec, v);
            // File parameters are relative to the workflow file, like `inputs`, and must exist now.
            if (spec.IsFile && value is string file)
            {
                value = Path.GetFullPath(Path.Combine(baseDir, file));
                if (!File.Exists((string)value)) throw p.Error(v, $"{where}: parameter '{key}': file not found: {file}");
            }
            yield return new(key, value);
        }
    }

    private static IEnumerable<SourceInput> ReadInputs(YamlNode node, IStage stage, StageParameters stageParams, string baseDir, string stageName, ParameterReader p)
    {
        var items = node switch
        {
            YamlSequenceNode seq when seq.Children.Count > 0 => seq.Children.ToList(),
            YamlScalarNode s => [s],
            _ => throw p.Error(node, $"stage '{stageName}': 'inputs' must be a non-empty list of paths"),
        };
        foreach (var item in items)
        {
            YamlNode pathNode = item;
            var parameters = stageParams;
            if (item is YamlMappingNode m)
            {
                var pathKey = m.Children.Keys.FirstOrDefault(k => KeyText(k, p) == "path")
                    ?? throw p.Error(item, $"stage '{stageName}': an input given as a mapping needs 'path'");
                pathNode = m.Children[pathKey];
                var rest = new YamlMappingNode(m.Children.Where(c => c.Key != pathKey));
                parameters = stageParams.With(ReadParams(rest, stage, $"stage '{stageName}' input", p, perInputOnly: true, baseDir));
            }
            var pattern = ScalarText(pathNode, "path", p);
            var matches = ExpandPath(pattern, baseDir);
            if (matches.Count == 0) throw p.Error(pathNode, $"stage '{stageName}': input file not found: {pattern}");
            foreach (var path in matches) yield return new SourceInput(path, parameters);
        }
    }

    /// <summary>Relative paths are relative to the workflow file; '*' and '?' are allowed in the file name.</summary>
    private static List<string> ExpandPath(string pattern, string baseDir)
    {
        var full = Path.GetFullPath(Path.Combine(baseDir, pattern));
        var name = Path.GetFileName(full);
        if (name.IndexOfAny(['*', '?']) < 0) return File.Exists(full) ? [full] : [];
        var dir = Path.GetDirectoryName(full)!;
        return Directory.Exists(dir) ? Directory.GetFiles(dir, name).Order(StringComparer.Ordinal).ToList() : [];
    }

    private static StageResources ReadResources(YamlNode node, string stageName, ParameterReader p)
    {
        if (node is not YamlMappingNode map) throw p.Error(node, $"stage '{stageName}': 'resources' must be a mapping");
        var keys = Keys(map, ResourceKeys, $"stage '{stageName}' resources", p);
        var r = new StageResources();
        if (keys.TryGetValue("cpus", out var c)) r = r with { Cpus = (int)Integer(c, "cpus", 1, 1024, p) };
        if (keys.TryGetValue("gpus", out var g)) r = r with { Gpus = (int)Integer(g, "gpus", 0, 64, p) };
        if (keys.TryGetValue("mem", out var m))
        {
            var mem = ScalarText(m, "mem", p);
            if (ScriptText.CheckMemory(mem) is { } bad) throw p.Error(m, $"'mem' {bad}");
            r = r with { Memory = mem };
        }
        if (keys.TryGetValue("time", out var t))
        {
            var time = ScalarText(t, "time", p);
            if (ScriptText.CheckTime(time) is { } bad) throw p.Error(t, $"'time' {bad}");
            r = r with { Time = time };
        }
        if (keys.TryGetValue("partition", out var pa))
        {
            var partition = ScalarText(pa, "partition", p);
            if (ScriptText.CheckPartition(partition) is { } bad) throw p.Error(pa, $"'partition' {bad}");
            r = r with { Partition = partition };
        }
        return r;
    }

    /// <summary>Inputs and joins must name defined stages and the stage graph must be acyclic.</summary>
    private static void CheckGraph(List<StageDefinition> stages, ParameterReader p, YamlMappingNode stagesMap, Dictionary<(string, string), YamlNode> readNodes)
    {
        var byName = stages.ToDictionary(s => s.Name);
        // Stages unrolled from a campaign have no key of their own: errors point at the workflow's stages.
        YamlNode NodeOf(StageDefinition s) => stagesMap.Children.Keys.FirstOrDefault(k => ((YamlScalarNode)k).Value == s.Name) ?? stagesMap;
        foreach (var s in stages)
            foreach (var read in s.Reads.Where(r => !byName.ContainsKey(r)))
                throw p.Error(read == s.Input ? NodeOf(s) : readNodes[(s.Name, read)], $"stage '{s.Name}': {(read == s.Input ? "input" : "joined")} stage '{read}' is not defined (stages: {string.Join(", ", byName.Keys)})");
        var done = new HashSet<string>();
        foreach (var s in stages) Visit(s, []);

        void Visit(StageDefinition s, List<string> path)
        {
            if (done.Contains(s.Name)) return;
            path.Add(s.Name);
            foreach (var read in s.Reads)
            {
                if (path.Contains(read))
                    throw p.Error(NodeOf(byName[path[0]]), $"stages form a cycle: {string.Join(" -> ", path.Skip(path.IndexOf(read)))} -> {read}");
                Visit(byName[read], path);
            }
            path.RemoveAt(path.Count - 1);
            done.Add(s.Name);
        }
    }

    private static Dictionary<string, YamlNode> Keys(YamlMappingNode map, string[] allowed, string where, ParameterReader p)
    {
        var d = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var key = KeyText(k, p);
            if (!allowed.Contains(key)) throw p.Error(k, $"{where}: unknown key '{SafeText.ForDisplay(key)}' (expected one of: {string.Join(", ", allowed)})");
            d[key] = v;
        }
        return d;
    }

    /// <summary>A mapping key; YAML allows a mapping or a list as a key, a workflow file does not.</summary>
    private static string KeyText(YamlNode k, ParameterReader p) =>
        k is YamlScalarNode s ? s.Value ?? "" : throw p.Error(k, "a key must be plain text, not a mapping or a list");

    private static string RequiredScalar(Dictionary<string, YamlNode> keys, string key, YamlNode parent, ParameterReader p) =>
        keys.TryGetValue(key, out var n) ? ScalarText(n, key, p) : throw p.Error(parent, $"missing required key '{key}'");

    /// <summary>A non-empty scalar; only a multi-line text (a description) may hold line breaks and tabs.</summary>
    private static string ScalarText(YamlNode n, string key, ParameterReader p, bool multiLine = false)
    {
        if (n is not YamlScalarNode { Value: { Length: > 0 } v }) throw p.Error(n, $"'{key}' expects a non-empty string");
        if (!multiLine && SafeText.HasControl(v)) throw p.Error(n, $"'{key}' must not contain control characters or line breaks, got '{SafeText.ForDisplay(v)}'");
        return v;
    }

    private static long Integer(YamlNode n, string key, long min, long max, ParameterReader p)
    {
        var text = n is YamlScalarNode s ? s.Value : null;
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            throw p.Error(n, $"'{key}' expects an integer, got '{text ?? n.NodeType.ToString().ToLowerInvariant()}'");
        if (v < min || v > max) throw p.Error(n, $"'{key}' must be between {min} and {max}, got {v}");
        return v;
    }
}
