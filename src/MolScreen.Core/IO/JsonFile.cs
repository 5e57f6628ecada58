using System.Text.Json;
using System.Text.Json.Serialization;

namespace MolScreen.Core.IO;

/// <summary>
/// The small JSON files of a run (manifests, plan, source index, scheduler job book, run summary):
/// one convention for all of them (snake_case, indented, nulls omitted), written atomically, and
/// read back as "absent" when missing or unreadable, since a half-known file must never count.
/// </summary>
public static class JsonFile
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Save<T>(string path, T value) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, Options));

    public static T? TryLoad<T>(string path) where T : class
    {
        try { return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options) : null; }
        catch (JsonException) { return null; }
    }
}
