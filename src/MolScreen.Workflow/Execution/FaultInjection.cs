namespace MolScreen.Workflow.Execution;

/// <summary>
/// Testing aid for failure handling on real schedulers: MOLSCREEN_FAIL_SHARDS="stage/k,stage/j"
/// makes those shards fail before doing any work, as a crash would. Reused shards never fail.
/// </summary>
public static class FaultInjection
{
    public const string Variable = "MOLSCREEN_FAIL_SHARDS";

    public static void ThrowIfRequested(string stage, int shard)
    {
        var spec = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(spec)) return;
        if (spec.Split(',', StringSplitOptions.TrimEntries).Contains($"{stage}/{shard}"))
            throw new ShardException($"{stage} shard {shard}: injected fault ({Variable}={spec})");
    }
}
