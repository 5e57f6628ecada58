using System.Runtime.InteropServices;

namespace MolScreen.Learning;

/// <summary>
/// Reruns a training that seeds itself when libtorch throws from inside a TorchSharp call. On a loaded machine
/// TorchSharp fails intermittently in the optimizer step ("Expected false to be true" converting a Scalar), as if a
/// temporary native Scalar were finalized while the call still reads it. A training that seeds torch and its own
/// shuffling at its start trains exactly the same network on the retry, so the result stays a function of its seed.
/// </summary>
public static class SeededRetry
{
    public const int Attempts = 3;

    public static T Run<T>(Func<T> seededTraining)
    {
        for (int attempt = 1; ; attempt++)
        {
            try { return seededTraining(); }
            catch (ExternalException) when (attempt < Attempts) { }
        }
    }
}
