using System.Diagnostics;
using MolScreen.Core.Stages;

namespace MolScreen.Campaign;

/// <summary>One round of a replayed campaign: compounds acquired and the wall time of choosing them (training, prediction, acquisition).</summary>
public sealed record ReplayRound(int Round, int Acquired, double Seconds);
