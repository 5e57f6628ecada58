using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Fingerprints;

namespace MolScreen.Prediction.Features;

/// <summary>
/// One compound's model input kept sparse: the packed ECFP4 (LSB-first, as featurize writes it) and the raw
/// descriptor values in <see cref="FeatureSpec.Descriptors"/> order. Built only through <see cref="Create"/>,
/// which refuses non-finite values so no NaN ever reaches a model.
/// </summary>
public sealed class FeatureVector
{
    public byte[] Fingerprint { get; }
    public float[] Descriptors { get; }

    private FeatureVector(byte[] fingerprint, float[] descriptors) { Fingerprint = fingerprint; Descriptors = descriptors; }

    /// <summary>Returns null and the reason when the values cannot be a model input.</summary>
    public static FeatureVector? Create(byte[]? fingerprint, ReadOnlySpan<double> descriptors, out string? reason)
    {
        reason = null;
        if (fingerprint == null) { reason = "ecfp4 is missing"; return null; }
        if (fingerprint.Length != MorganFingerprint.Ecfp4Bytes) { reason = $"ecfp4 has {fingerprint.Length} bytes, expected {MorganFingerprint.Ecfp4Bytes}"; return null; }
        if (descriptors.Length != FeatureSpec.Descriptors.Length) { reason = $"{descriptors.Length} descriptors, expected {FeatureSpec.Descriptors.Length}"; return null; }
        var d = new float[descriptors.Length];
        for (int i = 0; i < d.Length; i++)
        {
            if (!double.IsFinite(descriptors[i])) { reason = $"descriptor {FeatureSpec.Descriptors[i]} is {(double.IsNaN(descriptors[i]) ? "NaN (missing)" : "infinite")}"; return null; }
            d[i] = (float)descriptors[i];
        }
        return new FeatureVector(fingerprint, d);
    }

    public static FeatureVector FromFeatures(MoleculeFeatures f) =>
        Create(f.Ecfp4, [f.MolecularWeight, f.CLogP, f.Tpsa, f.Hbd, f.Hba, f.RotatableBonds, f.Rings, f.AromaticRings, f.HeavyAtoms, f.FormalCharge, f.Fsp3], out var reason)
        ?? throw new InvalidDataException(reason);

    /// <summary>Indices of the set bits, ascending; the sparse first layer sums one weight row per index.</summary>
    /// <remarks>Read 64 bits at a time: with the LSB-first packing, bit k of little-endian word w is fingerprint bit
    /// 64w + k, so the order is the same as byte by byte, at an eighth of the loop trips over the empty words.</remarks>
    public int OnBits(Span<int> destination)
    {
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(Fingerprint);
        int n = 0;
        for (int w = 0; w < words.Length; w++)
        {
            ulong v = BitConverter.IsLittleEndian ? words[w] : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(words[w]);
            while (v != 0)
            {
                destination[n++] = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(v);
                v &= v - 1;
            }
        }
        return n;
    }

    public int BitCount => Tanimoto.PopCount(Fingerprint);
}
