using System.Diagnostics;
using MolScreen.Core.Stages;

namespace MolScreen.Campaign;

/// <summary>A replayed campaign: the share of the true top-k score values found, and its rounds.</summary>
public sealed record ReplayResult(double TopKFound, int Acquired, IReadOnlyList<ReplayRound> Rounds);
