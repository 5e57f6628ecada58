namespace MolScreen.Core.Stages;

/// <summary>
/// The names of the stages an active-learning campaign unrolls into: the workflow loader writes them, the
/// campaign's final stage reads their manifests (time per round). Round r acquires a batch, then scores it.
/// </summary>
public static class CampaignNames
{
    public const string Kind = "active_learning";
    public const string AcquireKind = "al_acquire";

    public static string Acquire(string campaign, int round) => $"{campaign}-r{round}-acquire";
    public static string Score(string campaign, int round) => $"{campaign}-r{round}-score";
}
