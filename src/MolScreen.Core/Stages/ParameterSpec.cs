namespace MolScreen.Core.Stages;

public enum ParameterType { String, Integer, Number, Boolean, StringList }

/// <summary>
/// A stage parameter as the workflow file and the direct CLI command both see it; one declaration
/// drives YAML validation, `--option` generation and the parameter hash.
/// </summary>
public sealed record ParameterSpec(string Name, ParameterType Type, object? Default, string Description)
{
    public IReadOnlyList<string>? Choices { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    /// <summary>May also be set per input file of a source stage (e.g. a CSV's smiles_column).</summary>
    public bool PerInput { get; init; }
    /// <summary>A path to an input file: in a workflow it is relative to the workflow file and must exist when it loads.</summary>
    public bool IsFile { get; init; }
    /// <summary>Part of a stage's target (the dock stage's receptor and pocket): a workflow gives it under `target:`, not `params:`.</summary>
    public bool InTarget { get; init; }
    /// <summary>
    /// Checks one string value (or each item of a list, or an integer in invariant digits) beyond its type, e.g. the
    /// syntax of a rank objective; returns the problem or null. Runs when the workflow is loaded, not hours later.
    /// </summary>
    public Func<string, string?>? ItemCheck { get; init; }

    public string TypeName => Type switch
    {
        ParameterType.String => Choices is { Count: > 0 } ? "one of " + string.Join("|", Choices) : "string",
        ParameterType.Integer => "integer",
        ParameterType.Number => "number",
        ParameterType.Boolean => "boolean",
        ParameterType.StringList => "list of strings",
        _ => Type.ToString(),
    };

    /// <summary>Parses a scalar written in a workflow file or on the command line; null text or "null"/"~" is null.</summary>
    public object? Parse(string? text, out string? error)
    {
        error = null;
        if (text is null or "~" or "null") return null;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        object? value = null;
        switch (Type)
        {
            case ParameterType.Integer when long.TryParse(text, System.Globalization.NumberStyles.Integer, inv, out var l): value = l; break;
            case ParameterType.Number when double.TryParse(text, System.Globalization.NumberStyles.Float, inv, out var d) && double.IsFinite(d): value = d; break;
            case ParameterType.Boolean when text.ToLowerInvariant() is "true" or "yes" or "on": value = true; break;
            case ParameterType.Boolean when text.ToLowerInvariant() is "false" or "no" or "off": value = false; break;
            case ParameterType.String: value = text; break;
            case ParameterType.StringList: value = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries); break;
            default: error = $"parameter '{Name}' expects {TypeName}, got '{text}'"; return null;
        }
        if (Check(value) is { } problem) { error = $"parameter '{Name}': {problem}"; return null; }
        return value;
    }

    /// <summary>Checks an already-typed value against range and choices; returns an error or null.</summary>
    public string? Check(object? value)
    {
        if (value == null) return null;
        if (ItemCheck != null)
            foreach (var item in value switch
                     {
                         string one => [one], string[] many => many,
                         long l => [l.ToString(System.Globalization.CultureInfo.InvariantCulture)], _ => Array.Empty<string>(),
                     })
                if (ItemCheck(item) is { } bad) return bad;
        if (Choices is { Count: > 0 } && value is string s && !Choices.Contains(s))
            return $"'{s}' is not one of {string.Join(", ", Choices)}";
        double? num = value switch { long l => l, double d => d, _ => null };
        if (num is { } n && Min is { } lo && n < lo) return $"{n} is below the minimum {lo}";
        if (num is { } m && Max is { } hi && m > hi) return $"{m} is above the maximum {hi}";
        return null;
    }
}
