namespace MolScreen.EndToEnd.Tests.Slurm;

/// <summary>
/// A SLURM test that docks against the λN–boxB target: skips (visibly) like <see cref="SlurmFactAttribute"/>, and
/// outside CI also when datasets/fetch-rna-targets.sh has not run; in CI it always runs.
/// </summary>
public sealed class SlurmChainFactAttribute : FactAttribute
{
    public SlurmChainFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") != null) return;
        if (!SlurmCluster.Installed)
            Skip = "SLURM (slurm-wlm, munge) is not installed; run scripts/install-deps.sh. Runs in CI.";
        else if (!File.Exists(Path.Combine(LambdaNTargetFactAttribute.Dir, "complex.pdb")))
            Skip = "datasets/targets/lambdaN-boxB not fetched (run datasets/fetch-rna-targets.sh). Runs in CI.";
    }
}
