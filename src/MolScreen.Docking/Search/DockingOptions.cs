namespace MolScreen.Docking.Search;

/// <summary>
/// How hard to search: fast, balance (Vina's default budget) or detail; quick = balance's budget with QuickVina 2's skipped
/// local searches, chains that end when they stop improving, and a search that ends once two chains agree on the best pose
/// (<see cref="ChainConsensus"/>). Quick trades search depth for speed, so it can stop short of the minimum on very flexible
/// ligands; its measured speed and success against Vina are in docs/benchmarks.md.
/// </summary>
public enum SearchMode { Fast, Balance, Detail, Quick }

/// <summary>Search settings. Exhaustiveness = number of independent Monte Carlo chains, as in Vina.</summary>
public sealed record DockingOptions
{
    public int Exhaustiveness { get; init; } = 8;
    public SearchMode Mode { get; init; } = SearchMode.Balance;
    public long Seed { get; init; } = 1;
    public int NumPoses { get; init; } = 9;
    /// <summary>Poses are kept only within this many kcal/mol of the best (Vina's energy_range).</summary>
    public float EnergyRange { get; init; } = 3f;
    /// <summary>Minimum RMSD (Å) between reported poses.</summary>
    public float MinRmsd { get; init; } = 1f;
    /// <summary>Degree of parallelism over chains (1 = sequential); results do not depend on it.</summary>
    public int MaxThreads { get; init; } = Environment.ProcessorCount;
    /// <summary>Fixed Monte Carlo steps per chain instead of Vina's budget (short runs in tests and benchmarks); null = by mode.</summary>
    public int? Steps { get; init; }
    /// <summary>
    /// Skip a chain's local search from a start point that lies in a basin the chain has already descended (QuickVina 2's
    /// rule, <see cref="VisitedHistory"/>); false = Vina's search, a local search after every mutation. Default: on in
    /// quick mode only.
    /// </summary>
    public bool SkipVisited { get => _skipVisited ?? Mode == SearchMode.Quick; init => _skipVisited = value; }
    /// <summary>
    /// A chain ends after this fraction of its step budget without improving its best pose (0 = every chain runs its whole
    /// budget, as in Vina). Default: 0.3 in quick mode (the longest stall before a late improvement seen on 11 redocking
    /// complexes was 0.29), else 0.
    /// </summary>
    public float Patience { get => _patience ?? (Mode == SearchMode.Quick ? 0.3f : 0f); init => _patience = value; }
    /// <summary>
    /// Cross-chain stopping rule (<see cref="ChainConsensus"/>): chains run in rounds of <see cref="ConsensusRound"/> of
    /// their budget, and the search ends early once this fraction of the chains agree on the best pose (within
    /// <see cref="ConsensusRmsd"/> Å and <see cref="ConsensusEnergy"/> kcal/mol). 0 = off (chains run at once, as in
    /// Vina). Default: on in quick mode only.
    /// </summary>
    public float Consensus { get => _consensus ?? (Mode == SearchMode.Quick ? QuickConsensus : 0f); init => _consensus = value; }
    public float ConsensusRmsd { get; init; } = 1.5f;
    public float ConsensusEnergy { get; init; } = 0.5f;
    public float ConsensusRound { get; init; } = 0.05f;
    /// <summary>Quick mode's quorum fraction (docs/journal.md, "Cross-chain stopping rule").</summary>
    public const float QuickConsensus = 0.25f;
    readonly bool? _skipVisited;
    readonly float? _patience, _consensus;
    /// <summary>How the clustered poses are ordered (scores stay Vina's).</summary>
    public PoseRanking Ranking { get; init; } = PoseRanking.Vina;
    /// <summary>
    /// GPU search only: threads per Monte Carlo chain (1 = one thread per chain; more = a lane group sharing each energy
    /// evaluation). Null = the device's default (GpuDocker.DefaultGpuLanes on CUDA, 1 on ILGPU's CPU accelerator).
    /// Results do not depend on it. The CPU engine ignores it.
    /// </summary>
    public int? GpuLanes { get; init; }
    public const int MaxGpuLanes = 32;

    /// <summary>
    /// The problem with a lanes value, or null: a power of two divides the warp, so a chain's lanes never straddle warps,
    /// and one warp (32) is the most a chain's group may span.
    /// </summary>
    public static string? GpuLanesProblem(long lanes) => lanes is >= 1 and <= MaxGpuLanes && (lanes & (lanes - 1)) == 0 ? null
        : $"gpu lanes {lanes}: expected a power of two from 1 to {MaxGpuLanes} (1, 2, 4, 8, 16, 32)";

    /// <summary>Multiplier on Vina's Monte Carlo step count for the mode.</summary>
    public float StepFactor => Mode switch { SearchMode.Fast => 0.25f, SearchMode.Detail => 2f, _ => 1f };

    public DockingOptions Validate()
    {
        if (Exhaustiveness < 1 || Exhaustiveness > 1024) throw new DockingException($"exhaustiveness {Exhaustiveness} outside 1–1024");
        if (Steps is < 1) throw new DockingException($"steps {Steps} must be ≥ 1");
        if (!(Patience >= 0f && Patience <= 1f)) throw new DockingException($"patience {Patience} outside 0–1");
        if (!(Consensus >= 0f && Consensus <= 1f)) throw new DockingException($"consensus {Consensus} outside 0–1");
        if (!(ConsensusRound > 0f && ConsensusRound <= 1f)) throw new DockingException($"consensus round {ConsensusRound} outside (0, 1]");
        if (!(ConsensusRmsd > 0f) || !(ConsensusEnergy >= 0f)) throw new DockingException("consensus RMSD must be > 0 and energy ≥ 0");
        if (NumPoses < 1 || NumPoses > 100) throw new DockingException($"num-poses {NumPoses} outside 1–100");
        if (GpuLanes is { } g && GpuLanesProblem(g) is { } problem) throw new DockingException(problem);
        return this;
    }
}
