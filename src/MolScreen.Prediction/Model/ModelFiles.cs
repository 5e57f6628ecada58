using MolScreen.Core.IO;

namespace MolScreen.Prediction.Model;

/// <summary>
/// The files of a model directory that predict reads (the ensemble members and the applicability-domain fingerprints)
/// and their SHA-256s in the manifest's `files` map, checked before any of them is parsed: a swapped member or a
/// tampered domain file fails to load with a message naming it.
/// </summary>
public static class ModelFiles
{
    /// <summary>The member and domain file names the manifest lists (each one path segment inside the directory).</summary>
    public static IReadOnlyList<string> Listed(ModelManifest m) =>
        m.Members.Append(m.ApplicabilityDomain.File).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The `files` map a manifest should carry for the files now in <paramref name="dir"/>.</summary>
    public static SortedDictionary<string, string> Checksums(string dir, ModelManifest m) =>
        new(Listed(m).ToDictionary(f => f, f => ContentHash.OfFile(Path.Combine(dir, f))), StringComparer.Ordinal);

    /// <summary>
    /// Refuses file names that leave the directory and, when the manifest has a `files` map, any listed file whose
    /// bytes do not hash to it. Manifests written before the map existed are read as before (their weight files carry
    /// their own checksum; the domain file does not), which `molscreen train` and `datasets/rehash-models.sh` fix.
    /// </summary>
    public static void Verify(string dir, ModelManifest m, string manifestPath)
    {
        foreach (var f in Listed(m))
            if (string.IsNullOrEmpty(f) || Path.GetFileName(f) != f || f is "." or "..")
                throw new InvalidDataException($"{manifestPath}: file name '{f}' must be a plain name inside the model directory");
        if (m.Files == null) return;
        foreach (var f in Listed(m))
        {
            if (!m.Files.TryGetValue(f, out var expected))
                throw new InvalidDataException($"{manifestPath}: 'files' has no SHA-256 for {f}");
            var path = Path.Combine(dir, f);
            if (!File.Exists(path)) throw new InvalidDataException($"{path}: listed in {manifestPath} but missing");
            var actual = ContentHash.OfFile(path);
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"{path}: truncated or corrupt: SHA-256 {actual} does not match {expected} recorded in {manifestPath} (the file was modified or replaced)");
        }
    }

    /// <summary>
    /// Every file whose bytes decide what the model at <paramref name="dir"/> predicts: its manifest and the files it
    /// lists. An unreadable manifest gives the directory itself (hashed whole; loading it will report the problem).
    /// </summary>
    public static IReadOnlyList<string> PathsOf(string dir)
    {
        var manifestPath = Path.Combine(dir, ModelManifest.FileName);
        ModelManifest? m = null;
        try { m = JsonFile.TryLoad<ModelManifest>(manifestPath); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or NotSupportedException) { }
        if (m?.Members == null || m.ApplicabilityDomain?.File == null) return [dir];
        return Listed(m).Where(f => Path.GetFileName(f) == f).Select(f => Path.Combine(dir, f)).Prepend(manifestPath).ToList();
    }
}
