namespace MolScreen.Kernels.Prediction;

/// <summary>
/// The per-element math of an exported property network, the one definition both the C# forward pass
/// (MolScreen.Prediction's MlpNetwork) and the ILGPU kernels (<see cref="MlpKernels"/>) call: input
/// scaling, the hidden activation and the output transform.
/// </summary>
public static class MlpMath
{
    /// <summary>Output kinds as stored in the weight file.</summary>
    public const int Regression = 0, Classification = 1;

    /// <summary>Descriptor scaling fitted on the training part; a zero spread is stored as 1.</summary>
    public static float Scale(float value, float mean, float std) => (value - mean) / std;

    public static float Activate(float x) => x > 0f ? x : 0f;

    /// <summary>Regression: undo the target standardization. Classification: logit to probability.</summary>
    public static float Output(float z, int kind, float mean, float std) =>
        kind == Classification ? 1f / (1f + MathF.Exp(-z)) : z * std + mean;
}
