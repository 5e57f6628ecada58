using MolScreen.Core.IO;
using MolScreen.Workflow.Execution;

namespace MolScreen.Cli.Rendering;

/// <summary>One line per event, for CI logs and batch jobs where progress bars would be noise.</summary>
public sealed class PlainObserver(TextWriter output) : IRunObserver
{
    private readonly object _lock = new();
    private readonly Dictionary<string, (int Done, int Total)> _progress = new();

    public void Planned(IReadOnlyList<(string Stage, int Shards)> stages)
    {
        foreach (var (s, n) in stages) _progress[s] = (0, n);
        Write($"plan: {string.Join(", ", stages.Select(s => $"{s.Stage} {s.Shards} shard(s)"))}");
    }

    public void ShardDone(ShardOutcome o)
    {
        lock (_lock)
        {
            var (d, t) = _progress.GetValueOrDefault(o.Stage);
            _progress[o.Stage] = (d + 1, t);
            Write($"{o.Stage} shard {o.Shard} {(o.Reused ? "reused" : "done")} [{d + 1}/{t}]: in {o.In} out {o.Out} rejected {o.Rejected} ({o.Seconds:F2} s)");
        }
    }

    public void ShardFailed(string stage, int shard, string error) => Write($"{stage} shard {shard} FAILED: {error}");

    public void Message(string text) => Write(text);

    private void Write(string line)
    {
        lock (_lock) output.WriteLine($"{DateTime.Now:HH:mm:ss} {SafeText.ForDisplay(line)}");
    }
}
