namespace MolScreen.Docking.Search;

/// <summary>How hard to search: fast, balance (Vina's default budget) or detail.</summary>
public enum SearchMode { Fast, Balance, Detail }

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
    /// <summary>How the clustered poses are ordered (scores stay Vina's).</summary>
    public PoseRanking Ranking { get; init; } = PoseRanking.Vina;

    /// <summary>Multiplier on Vina's Monte Carlo step count for the mode.</summary>
    public float StepFactor => Mode switch { SearchMode.Fast => 0.25f, SearchMode.Detail => 2f, _ => 1f };

    public DockingOptions Validate()
    {
        if (Exhaustiveness < 1 || Exhaustiveness > 1024) throw new DockingException($"exhaustiveness {Exhaustiveness} outside 1–1024");
        if (Steps is < 1) throw new DockingException($"steps {Steps} must be ≥ 1");
        if (NumPoses < 1 || NumPoses > 100) throw new DockingException($"num-poses {NumPoses} outside 1–100");
        return this;
    }
}
