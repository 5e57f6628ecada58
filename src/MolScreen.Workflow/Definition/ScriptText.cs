using System.Text.RegularExpressions;
using MolScreen.Core.IO;

namespace MolScreen.Workflow.Definition;

/// <summary>
/// The patterns every value written into a generated script or used as a path segment must match.
/// Each is anchored with \z: '$' in a .NET regex also matches before a final newline, which would
/// let "4G\nrm -rf ~" through. The workflow loader, `submit`'s options and the script writer all
/// check against these, so a value refused in one place is refused in all.
/// </summary>
public static partial class ScriptText
{
    /// <summary>A workflow name: one path segment (the default run folder is out/NAME) and part of job names.</summary>
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z")] private static partial Regex NamePattern();

    /// <summary>A SLURM partition, or several separated by commas.</summary>
    [GeneratedRegex(@"\A[A-Za-z0-9_][A-Za-z0-9._-]{0,63}(,[A-Za-z0-9_][A-Za-z0-9._-]{0,63}){0,15}\z")] private static partial Regex PartitionPattern();

    [GeneratedRegex(@"\A[0-9]{1,9}[KMGT]?\z")] private static partial Regex MemoryPattern();

    /// <summary>Minutes, or [D-]HH:MM:SS.</summary>
    [GeneratedRegex(@"\A(([0-9]{1,4}-)?[0-9]{1,2}:[0-9]{2}:[0-9]{2}|[0-9]{1,7})\z")] private static partial Regex TimePattern();

    public static string? CheckName(string name) =>
        NamePattern().IsMatch(name) && name is not ("." or "..") ? null
            : $"workflow name '{SafeText.ForDisplay(name)}' must be one folder name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    // The checks below return the problem without naming the setting; callers prefix 'mem', --mem, and so on.

    public static string? CheckPartition(string partition) =>
        PartitionPattern().IsMatch(partition) ? null
            : $"expects a SLURM partition name (letters, digits, '.', '_', '-'; several separated by commas), got '{SafeText.ForDisplay(partition)}'";

    public static string? CheckMemory(string mem) =>
        MemoryPattern().IsMatch(mem) ? null : $"expects a size like 4G or 500M, got '{SafeText.ForDisplay(mem)}'";

    public static string? CheckTime(string time) =>
        TimePattern().IsMatch(time) ? null : $"expects [D-]HH:MM:SS or minutes, got '{SafeText.ForDisplay(time)}'";

    /// <summary>
    /// A path written into a script (single-quoted there) or an #SBATCH line (not quoted): control
    /// characters would end the line or the comment, so they are refused rather than escaped.
    /// </summary>
    public static string? CheckPath(string path) =>
        SafeText.HasControl(path) ? $"path '{SafeText.ForDisplay(path)}' contains a control character and cannot be written into a job script" : null;

    /// <summary>A word for a POSIX shell: single-quoted, with each ' written as '\''.</summary>
    public static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
