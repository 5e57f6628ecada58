namespace MolScreen.Prediction.Tests;

/// <summary>
/// A validation test on ../shared/data. In CI (CI set) it always runs and fails loudly if the data is
/// missing; elsewhere it is skipped, saying why, when ../shared/data is not beside the checkout.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root == null && Environment.GetEnvironmentVariable("CI") == null)
            Skip = $"validation data not found (looked for {SharedData.Expected}; set MOLSCREEN_SHARED_DATA); runs in CI";
    }
}

public static class SharedData
{
    public static string Expected =>
        Environment.GetEnvironmentVariable("MOLSCREEN_SHARED_DATA")
        ?? Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data"));

    public static string? Root => Directory.Exists(Expected) ? Expected : null;

    public static string Require(params string[] parts)
    {
        var root = Root ?? throw new InvalidOperationException($"validation data missing: {Expected} (CI must have ../shared/data beside the checkout)");
        var p = Path.Combine([root, .. parts]);
        return File.Exists(p) || Directory.Exists(p) ? p : throw new FileNotFoundException($"validation file missing: {p}");
    }

    public static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d != null && !File.Exists(Path.Combine(d.FullName, "MolScreen.sln"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("repo root not found");
    }
}

/// <summary>A scratch directory removed when the test ends.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("molscreen-predict-").FullName;
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}
