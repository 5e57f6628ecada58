using MolScreen.Core.IO;
using MolScreen.Core.Stages;
using MolScreen.Prediction.Features;

namespace MolScreen.Campaign;

/// <summary>A compound acquired in a round, with the surrogate's view of it at that moment.</summary>
public sealed record AcquiredCompound(string Id, string? Smiles, int Round, int Order, double? Pred, double? Spread);
