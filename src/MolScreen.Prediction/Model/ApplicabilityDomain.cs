using System.IO.Compression;
using MolScreen.Chemistry.Fingerprints;
using MolScreen.Prediction.Features;

namespace MolScreen.Prediction.Model;

/// <summary>Nearest-neighbour Tanimoto (ECFP4) to the training compounds, with the shared Tanimoto code.</summary>
public sealed class ApplicabilityDomain
{
    public const string FileName = "domain.fps.gz";
    private readonly byte[] _set;
    public float Threshold { get; }
    public int Count => _set.Length / Tanimoto.FingerprintBytes;

    public ApplicabilityDomain(byte[] packedSet, float threshold) { _set = packedSet; Threshold = threshold; }

    public static byte[] Pack(IEnumerable<FeatureVector> inputs) => inputs.SelectMany(v => v.Fingerprint).ToArray();

    public void MaxSimilarity(IReadOnlyList<FeatureVector> inputs, Span<float> maxima)
    {
        var q = Pack(inputs);
        Tanimoto.MaxSimilarity(q, _set, maxima);
    }

    public static void Write(string path, byte[] packedSet)
    {
        using var f = File.Create(path);
        using var gz = new GZipStream(f, CompressionLevel.SmallestSize);
        gz.Write(packedSet);
    }

    public static ApplicabilityDomain Read(string path, float threshold)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: applicability-domain fingerprints missing");
        try
        {
            using var f = File.OpenRead(path);
            using var gz = new GZipStream(f, CompressionMode.Decompress);
            using var m = new MemoryStream();
            gz.CopyTo(m);
            var set = m.ToArray();
            if (set.Length == 0 || set.Length % Tanimoto.FingerprintBytes != 0)
                throw new InvalidDataException($"{path}: {set.Length} bytes is not a whole number of {Tanimoto.FingerprintBytes}-byte fingerprints");
            return new ApplicabilityDomain(set, threshold);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path)) { throw new InvalidDataException($"{path}: corrupt ({e.Message})", e); }
    }
}
