using MolScreen.Core.IO;

namespace MolScreen.Workflow.Slurm;

/// <summary>OUT/slurm/jobs.json: every submission round, so `status` and the next `submit` can ask SLURM about them.</summary>
public sealed record SlurmJobBook(List<SlurmJobBook.Round> Rounds)
{
    public sealed record StageJob(string Stage, string JobId, List<int> Shards);
    public sealed record Round(int Number, DateTime SubmittedUtc, List<StageJob> Stages, string? FinalizeJobId);

    public static string PathFor(string outDir) => System.IO.Path.Combine(SlurmScripts.Dir(outDir), "jobs.json");

    public static SlurmJobBook Load(string outDir)
    {
        return JsonFile.TryLoad<SlurmJobBook>(PathFor(outDir)) ?? new SlurmJobBook([]);
    }

    public void Save(string outDir) => JsonFile.Save(PathFor(outDir), this);

    public IEnumerable<string> AllJobIds => Rounds.SelectMany(r => r.Stages.Select(s => s.JobId).Concat(r.FinalizeJobId is { } f ? [f] : []));
}
