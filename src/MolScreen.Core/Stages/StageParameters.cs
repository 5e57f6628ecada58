using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MolScreen.Core.Stages;

/// <summary>
/// Validated parameter values of one stage (defaults filled in). Values are string, long, double,
/// bool or string[]; the canonical JSON form is what the parameter hash covers.
/// </summary>
public sealed class StageParameters
{
    private readonly SortedDictionary<string, object?> _values;

    public StageParameters(IEnumerable<KeyValuePair<string, object?>> values) =>
        _values = new SortedDictionary<string, object?>(values.ToDictionary(), StringComparer.Ordinal);

    public static StageParameters Defaults(IEnumerable<ParameterSpec> specs) =>
        new(specs.Select(s => new KeyValuePair<string, object?>(s.Name, s.Default)));

    public IReadOnlyDictionary<string, object?> Values => _values;

    public StageParameters With(IEnumerable<KeyValuePair<string, object?>> overrides)
    {
        var d = new Dictionary<string, object?>(_values);
        foreach (var (k, v) in overrides) d[k] = v;
        return new StageParameters(d);
    }

    public bool Has(string name) => _values.TryGetValue(name, out var v) && v != null;
    public string? GetString(string name) => _values.GetValueOrDefault(name) as string;
    public long GetInt(string name) => Convert.ToInt64(_values[name], CultureInfo.InvariantCulture);
    public double GetNumber(string name) => Convert.ToDouble(_values[name], CultureInfo.InvariantCulture);
    public bool GetBool(string name) => _values[name] is true;
    public bool? GetBoolOrNull(string name) => _values.GetValueOrDefault(name) as bool?;
    public IReadOnlyList<string> GetStrings(string name) => _values.GetValueOrDefault(name) as string[] ?? [];

    public string CanonicalJson()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            foreach (var (k, v) in _values)
            {
                w.WritePropertyName(k);
                switch (v)
                {
                    case null: w.WriteNullValue(); break;
                    case string s: w.WriteStringValue(s); break;
                    case bool b: w.WriteBooleanValue(b); break;
                    case long l: w.WriteNumberValue(l); break;
                    case double d: w.WriteNumberValue(d); break;
                    case string[] a: w.WriteStartArray(); foreach (var x in a) w.WriteStringValue(x); w.WriteEndArray(); break;
                    default: w.WriteStringValue(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
                }
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    public override string ToString() => CanonicalJson();
}
