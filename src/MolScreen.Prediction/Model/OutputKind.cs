using MolScreen.Kernels.Prediction;

namespace MolScreen.Prediction.Model;

/// <summary>What a model predicts; the values are those of the weight file and of <see cref="MlpMath"/>.</summary>
public enum OutputKind { Regression = MlpMath.Regression, Classification = MlpMath.Classification }
