using MolScreen.Chemistry.Fingerprints;

namespace MolScreen.BenchShared;

/// <summary>
/// Random packed fingerprints with ECFP4's typical density (~45 of 2048 bits) for the Tanimoto benchmarks, CPU and
/// GPU alike (the device machine has no chemistry toolkit to make real ones); a comparison's cost does not depend on
/// which bits are set. Compiled into both bench projects.
/// </summary>
public static class SyntheticFingerprints
{
    public static byte[] Make(Random rng, int count)
    {
        var fps = new byte[count * Tanimoto.FingerprintBytes];
        for (int i = 0; i < count; i++)
            for (int b = 0; b < 45; b++)
            {
                int bit = rng.Next(2048);
                fps[i * Tanimoto.FingerprintBytes + bit / 8] |= (byte)(1 << (bit % 8));
            }
        return fps;
    }
}
