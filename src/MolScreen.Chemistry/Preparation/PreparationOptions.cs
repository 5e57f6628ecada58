using MolScreen.Chemistry.Conformers;

namespace MolScreen.Chemistry.Preparation;

/// <summary>Settings of <see cref="LigandPreparer"/>; the defaults are the prepare stage's.</summary>
public sealed record PreparationOptions
{
    /// <summary>pH for OpenBabel's protonation model; null keeps the input's protonation state.</summary>
    public double? Ph { get; init; } = 7.4;
    public int MaxTorsions { get; init; } = 32;
    public int MaxHeavyAtoms { get; init; } = 128;
    /// <summary>Force field tried first: MMFF94 (UFF when MMFF94 lacks parameters) or UFF alone.</summary>
    public ForceField ForceField { get; init; } = ForceField.Mmff94;
    /// <summary>Conjugate-gradient steps of the clean-up; docs/journal.md has the measured effect.</summary>
    public int MinimizationSteps { get; init; } = 250;
    /// <summary>
    /// Acceptance of built conformers (settled, no clash, stereo kept) and the bounded refinements and rebuilds
    /// of one that misses it (<see cref="ConformerBuilder"/>).
    /// </summary>
    public ConformerBuildPolicy Build { get; init; } = new();
    /// <summary>
    /// Workflow seed: each molecule's conformer is built from <see cref="Core.Stages.RecordSeed.Of"/>(Seed, structure),
    /// so it depends on the molecule and this seed only.
    /// </summary>
    public int Seed { get; init; } = 42;
    /// <summary>Use the record's own 3D coordinates (an SD pose) instead of building a conformer.</summary>
    public bool KeepInputCoordinates { get; init; }
}
