using MolScreen.Core.IO;
using MolScreen.Workflow.Execution;
using Spectre.Console;

namespace MolScreen.Cli.Rendering;

/// <summary>Progress bars per stage on an interactive terminal; failures are printed above the bars.</summary>
public sealed class SpectreObserver(ProgressContext ctx) : IRunObserver
{
    private readonly Dictionary<string, ProgressTask> _tasks = new();

    public void Planned(IReadOnlyList<(string Stage, int Shards)> stages)
    {
        foreach (var (s, n) in stages) _tasks[s] = ctx.AddTask(s, maxValue: Math.Max(1, n));
    }

    public void ShardDone(ShardOutcome o)
    {
        if (_tasks.TryGetValue(o.Stage, out var t)) t.Increment(1);
    }

    public void ShardFailed(string stage, int shard, string error) =>
        AnsiConsole.MarkupLineInterpolated($"[red]{SafeText.ForDisplay(stage)} shard {shard} failed:[/] {SafeText.ForDisplay(error)}");

    public void Message(string text) => AnsiConsole.WriteLine(SafeText.ForDisplay(text));

    public static bool Usable => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive
        && Environment.GetEnvironmentVariable("CI") == null;
}
