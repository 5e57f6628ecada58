using MolScreen.Core.Stages;
using YamlDotNet.RepresentationModel;

namespace MolScreen.Workflow.Definition;

/// <summary>Turns YAML scalars and sequences into typed parameter values, with located errors.</summary>
internal sealed class ParameterReader(string file)
{
    public WorkflowException Error(YamlNode at, string message) => new(file, at.Start.Line, at.Start.Column, message);

    public object? Read(ParameterSpec spec, YamlNode node)
    {
        if (spec.Type == ParameterType.StringList && node is YamlSequenceNode seq)
            return seq.Children.Select(c => spec.Check(new[] { Scalar(c, spec) }) is { } bad
                ? throw Error(c, $"parameter '{spec.Name}': {bad}") : Scalar(c, spec)).ToArray();
        var value = spec.Parse(Scalar(node, spec), out var error);
        return error == null ? value : throw Error(node, error);
    }

    private string Scalar(YamlNode node, ParameterSpec spec) =>
        node is YamlScalarNode s ? s.Value ?? "" : throw Error(node, $"parameter '{spec.Name}' expects {spec.TypeName}, got a {node.NodeType.ToString().ToLowerInvariant()}");
}
