namespace MolScreen.Core.Shards;

/// <summary>
/// Testing aid for crash recovery: MOLSCREEN_CRASH_ON_STRUCTURE=TEXT kills the process outright
/// (Environment.FailFast, like a segfault in native code) when a guarded stage reaches a record whose
/// structure is exactly TEXT.
/// </summary>
public static class CrashInjection
{
    public const string Variable = "MOLSCREEN_CRASH_ON_STRUCTURE";
    private static readonly string? Trigger = Environment.GetEnvironmentVariable(Variable);

    public static void MaybeCrash(string structure)
    {
        if (Trigger != null && structure == Trigger) Environment.FailFast($"{Variable}: simulated native crash");
    }
}
