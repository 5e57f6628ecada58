using MolScreen.Core.IO;
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

    /// <summary>Parameter values are single-line text: a control character or line break is refused.</summary>
    private string Scalar(YamlNode node, ParameterSpec spec)
    {
        if (node is not YamlScalarNode s) throw Error(node, $"parameter '{spec.Name}' expects {spec.TypeName}, got a {node.NodeType.ToString().ToLowerInvariant()}");
        var value = s.Value ?? "";
        if (SafeText.HasControl(value)) throw Error(node, $"parameter '{spec.Name}' must not contain control characters or line breaks, got '{SafeText.ForDisplay(value)}'");
        return value;
    }
}
