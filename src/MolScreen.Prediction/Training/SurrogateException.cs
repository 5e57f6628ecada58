using MolScreen.Prediction.Features;
using MolScreen.Prediction.Model;

namespace MolScreen.Prediction.Training;

/// <summary>The scores given cannot train a surrogate (too few, all equal, not finite).</summary>
public sealed class SurrogateException(string message) : Exception(message);
