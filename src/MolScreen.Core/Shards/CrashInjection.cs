namespace MolScreen.Core.Shards;

/// <summary>
/// Testing aid for crash recovery: MOLSCREEN_CRASH_ON_STRUCTURE=TEXT kills the process outright
/// (Environment.FailFast, like a segfault in native code) when a guarded stage reaches a record whose
/// structure is exactly TEXT; MOLSCREEN_HANG_ON_STRUCTURE=TEXT makes it block forever instead (like a
/// deadlock in native code), for the supervisor's per-record watchdog.
/// </summary>
public static class CrashInjection
{
    public const string Variable = "MOLSCREEN_CRASH_ON_STRUCTURE";
    public const string HangVariable = "MOLSCREEN_HANG_ON_STRUCTURE";
    private static readonly string? Trigger = Environment.GetEnvironmentVariable(Variable);
    private static readonly string? HangTrigger = Environment.GetEnvironmentVariable(HangVariable);

    public static void MaybeCrash(string structure)
    {
        if (Trigger != null && structure == Trigger) Environment.FailFast($"{Variable}: simulated native crash");
        if (HangTrigger != null && structure == HangTrigger) Thread.Sleep(Timeout.Infinite);
    }
}
