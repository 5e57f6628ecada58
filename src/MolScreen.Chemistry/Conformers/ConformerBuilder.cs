using MolScreen.Chemistry.OpenBabel;
using MolScreen.Core.Stages;

namespace MolScreen.Chemistry.Conformers;

/// <summary>
/// Limits of <see cref="ConformerBuilder"/>; the defaults are the prepare stage's
/// (docs/journal.md, "3D conformers", has the measurements behind them).
/// </summary>
public sealed record ConformerBuildPolicy
{
    /// <summary>
    /// Largest per-atom force-field gradient (kcal/mol/Å) a conformer may keep. A minimization that
    /// stopped on a slope, typically a tangled OBBuilder structure still unfolding, leaves some atom
    /// under a large net force, and further minimization then moves its bonds by more than 0.05 Å;
    /// a conformer at a strained but balanced centre has a small gradient. A bond 0.05 Å off its local
    /// equilibrium alone pulls with about 30 kcal/mol/Å in MMFF94 (143.9 · k_b · Δr, k_b ≈ 4.5 md/Å); after 250 steps
    /// well-built molecules still show 1-7 kcal/mol/Å from slow torsional drift (the tuning corpus), so the
    /// threshold sits between the two.
    /// </summary>
    public double MaxGradient { get; init; } = 5.0;
    /// <summary>Extra conjugate-gradient steps per refinement round of an unsettled conformer.</summary>
    public int RefineSteps { get; init; } = 100;
    /// <summary>Largest bond-length change (Å) under which a refinement round counts as stalled.</summary>
    public double StallBond { get; init; } = 0.005;
    /// <summary>Refinement rounds per build before the structure is rebuilt.</summary>
    public int RefineRounds { get; init; } = 5;
    /// <summary>OBBuilder builds in all, the first included; rebuilds start from seeded random torsions.</summary>
    public int MaxBuilds { get; init; } = 3;
    /// <summary>Heavy atoms (not 1-2 or 1-3 pairs) closer than this make the conformer a failed build.</summary>
    public double ClashDistance { get; init; } = 1.5;
    /// <summary>false: take the first build as it comes, unchecked (the behaviour before the checks, for benchmarks).</summary>
    public bool Check { get; init; } = true;
}

/// <summary>One accepted conformer and what it took: builds (1 = first) and refinement steps beyond the first minimization.</summary>
public sealed record ConformerBuild(Conformer3D Conformer, int Builds, int ExtraSteps);

/// <summary>
/// One checked conformer per molecule: builds with OBBuilder and minimizes, then accepts the
/// result only when it is settled (largest gradient under <see cref="ConformerBuildPolicy.MaxGradient"/>),
/// free of heavy-atom clashes and of the molecule's stereo (same InChIKey read back from the coordinates).
/// An unsettled conformer is minimized further for a few rounds (most tangles just need more steps);
/// one whose refinement stalls (the minimizer cannot lower it further) is at its minimum and accepted;
/// one that still fails is rebuilt from seeded random torsions, a bounded number of times, and a
/// molecule without an acceptable conformer throws <see cref="ChemistryException"/> with the last reason,
/// so callers never receive a conformer that misses the bar. The result is a function of the molecule, the
/// settings and the seed: build k draws from <see cref="BuildSeed"/>(seed, k), refinements from the build's seed.
/// </summary>
public static class ConformerBuilder
{
    /// <param name="seed">The molecule's seed (the prepare stage's is <see cref="RecordSeed.Of"/> of the workflow seed and the structure).</param>
    public static ConformerBuild Build(ObMolecule mol, ForceField preferred, int steps, ConformerBuildPolicy policy, uint seed = 0)
    {
        ArgumentNullException.ThrowIfNull(mol);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Check
            ? Continue(mol, null, preferred, steps, policy, seed)
            : new ConformerBuild(mol.Generate3D(preferred, steps, BuildSeed(seed, 1), perturbRotors: false), 1, 0);
    }

    /// <summary>The seed of build <paramref name="build"/> (1 = first) of a molecule seeded with <paramref name="seed"/>.</summary>
    public static uint BuildSeed(uint seed, int build) => RecordSeed.Attempt(seed, build);

    /// <summary>
    /// <see cref="Build"/> from a first build already made: <paramref name="first"/> must be
    /// <paramref name="mol"/>'s current conformer from <c>Generate3D(preferred, steps, BuildSeed(seed, 1), false)</c>
    /// (null: none yet). Lets a measurement score the plain first build before the checks act on it.
    /// </summary>
    public static ConformerBuild Continue(ObMolecule mol, Conformer3D? first, ForceField preferred, int steps, ConformerBuildPolicy policy, uint seed = 0)
    {
        ArgumentNullException.ThrowIfNull(mol);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.MaxBuilds, 1);
        string key = mol.InChIKey;
        string reason = "";
        int extra = 0;
        for (int build = 1; build <= policy.MaxBuilds; build++)
        {
            // The first build keeps OBBuilder's torsions; rebuilds start from torsions drawn from their seed.
            uint buildSeed = BuildSeed(seed, build);
            Conformer3D conformer;
            if (build == 1 && first != null) conformer = first;
            else
            {
                // OBBuilder's placement of fused-ring stereocentres depends on its random draws (testosterone fails for some seeds);
                // a build it refuses counts as one failed attempt. Morphine-type centres fail every time and end
                // as a reject after the last build, with OBBuilder's message.
                try { conformer = mol.Generate3D(preferred, steps, buildSeed, perturbRotors: build > 1); }
                catch (ChemistryException e) when (e.Message.Contains("cannot place the specified stereo", StringComparison.Ordinal))
                {
                    reason = e.Message;
                    continue;
                }
            }
            bool stalled = false;
            for (int round = 0; round < policy.RefineRounds && !Settled(conformer, policy); round++)
            {
                var before = conformer;
                conformer = mol.RefineConformer(policy.RefineSteps);
                extra += policy.RefineSteps;
                if (stalled = Stalled(before, conformer, policy)) break;
            }
            reason = Defect(conformer, key, policy, stalled);
            if (reason.Length == 0) return new ConformerBuild(conformer, build, extra);
        }
        throw new ChemistryException(ChemistryErrorKind.Unsupported,
            $"3D failed: no acceptable conformer in {policy.MaxBuilds} builds (last: {reason})");
    }

    public static bool Settled(Conformer3D conformer, ConformerBuildPolicy policy) =>
        conformer.Strain is { } s && s.MaxGradient <= policy.MaxGradient;

    /// <summary>
    /// A refinement round that moved no bond by <see cref="ConformerBuildPolicy.StallBond"/>: the bonds, which the bar
    /// is about, have stopped moving, whatever gradient is left. On the tuning corpus such gradients (5-13 kcal/mol/Å
    /// after 1,000 steps, every rebuild alike) were a stuck term or slow torsional drift on molecules whose bonds were
    /// 0.002-0.02 Å from the converged minimum; demanding the gradient there cost a rebuild for one molecule in 25, and
    /// demanding an energy change under 1 kcal/mol as well rejected flexible drugs (imatinib drifts by more per round
    /// for thousands of steps). A tangled build that is still unfolding moves bonds, so it does not count as stalled.
    /// </summary>
    public static bool Stalled(Conformer3D before, Conformer3D after, ConformerBuildPolicy policy)
    {
        if (before.BondCount != after.BondCount) return false;
        for (int i = 0; i < after.BondCount; i++)
        {
            double change = after.Distance(after.BondBegin[i], after.BondEnd[i]) - before.Distance(before.BondBegin[i], before.BondEnd[i]);
            if (Math.Abs(change) >= policy.StallBond) return false;
        }
        return true;
    }

    /// <summary>Empty when the conformer meets the bar; otherwise what is wrong with it.</summary>
    /// <param name="stalled">The last refinement round found the conformer at a minimum (<see cref="Stalled"/>).</param>
    public static string Defect(Conformer3D conformer, string inChIKey, ConformerBuildPolicy policy, bool stalled = false)
    {
        if (!stalled && !Settled(conformer, policy))
            return $"not settled, largest gradient {conformer.Strain?.MaxGradient:F1} kcal/mol/Å > {policy.MaxGradient}";
        var quality = ConformerQuality.Assess(conformer, inChIKey);
        if (quality.MinNonBondedHeavyDistance < policy.ClashDistance)
            return $"heavy atoms {quality.MinNonBondedHeavyDistance:F2} Å apart";
        if (!quality.StereoPreserved)
            return "stereo lost (InChIKey from the coordinates differs)";
        return "";
    }
}
