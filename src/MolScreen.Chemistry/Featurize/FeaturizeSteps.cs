using System.Diagnostics;

namespace MolScreen.Chemistry.Featurize;

/// <summary>The parts of <see cref="Featurizer.Compute"/> whose time <see cref="FeaturizeSteps"/> records.</summary>
public enum FeaturizeStep
{
    /// <summary>Open Babel reading, standardizing, graph export and SMARTS target preparation.</summary>
    Parse,
    CanonicalSmiles,
    InChIKey,
    Crippen,
    /// <summary>MW, exact mass, TPSA, HBD/HBA, rotatable bonds, rings, composition, QED.</summary>
    OtherDescriptors,
    Ecfp4,
    Pains,
    ReactiveGroups,
}

/// <summary>
/// Accumulated time per featurize step, for the benchmark's split of where a molecule's time goes.
/// Each <see cref="Lap"/> charges the time since the previous lap to one step, so the split adds up
/// to the whole; it costs one clock read per step.
/// </summary>
/// <param name="clock">Ticks of the clock to charge (wall time by default; the benchmark passes the thread's CPU clock,
/// steadier on a shared machine).</param>
/// <param name="ticksPerSecond">That clock's frequency.</param>
public sealed class FeaturizeSteps(Func<long>? clock = null, long ticksPerSecond = 0)
{
    private readonly long[] _ticks = new long[Enum.GetValues<FeaturizeStep>().Length];
    private readonly Func<long> _clock = clock ?? Stopwatch.GetTimestamp;
    private readonly long _frequency = clock is null ? Stopwatch.Frequency : ticksPerSecond;
    private long _last;

    /// <summary>Starts timing one molecule.</summary>
    public void Start() => _last = _clock();

    /// <summary>Charges the time since the previous lap (or <see cref="Start"/>) to <paramref name="step"/>.</summary>
    public void Lap(FeaturizeStep step)
    {
        long now = _clock();
        _ticks[(int)step] += now - _last;
        _last = now;
    }

    public double Seconds(FeaturizeStep step) => (double)_ticks[(int)step] / _frequency;

    public double TotalSeconds => (double)_ticks.Sum() / _frequency;
}
