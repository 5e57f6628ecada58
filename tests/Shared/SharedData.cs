namespace MolScreen.Testing;

/// <summary>
/// A validation test on ../shared/data (one copy for every test project, compiled in by tests/Directory.Build.props). In CI (CI set) it always runs and fails loudly if the data is missing; elsewhere it
/// is skipped, saying why, when ../shared/data is not beside the checkout.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root == null && Environment.GetEnvironmentVariable("CI") == null)
            Skip = $"validation data not found (looked for {SharedData.Expected}; set MOLSCREEN_SHARED_DATA); runs in CI";
    }
}

/// <summary><see cref="SharedDataFactAttribute"/> for a theory (one test per data row, the same skip rule).</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Root == null && Environment.GetEnvironmentVariable("CI") == null)
            Skip = $"validation data not found (looked for {SharedData.Expected}; set MOLSCREEN_SHARED_DATA); runs in CI";
    }
}

public static class SharedData
{
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "MolScreen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MolScreen.sln not found above the test binaries");
    }

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
}
