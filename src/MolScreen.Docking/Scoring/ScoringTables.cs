namespace MolScreen.Docking.Scoring;

/// <summary>The weighted pair table of a scoring function plus lazily built unit-weight tables for the per-term breakdown.</summary>
public sealed class ScoringTables(ScoringWeights weights)
{
    readonly PairTable?[] _terms = new PairTable?[5];
    public ScoringWeights Weights { get; } = weights;
    public PairTable Weighted { get; } = new(weights);

    public PairTable Term(int k)
    {
        lock (_terms) return _terms[k] ??= new PairTable(Weights.Only(k));
    }
}
