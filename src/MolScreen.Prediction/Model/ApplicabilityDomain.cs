using System.IO.Compression;
using MolScreen.Chemistry.Fingerprints;
using MolScreen.Prediction.Features;

namespace MolScreen.Prediction.Model;

/// <summary>Nearest-neighbour Tanimoto (ECFP4) to the training compounds, with the shared Tanimoto code; the
/// training set is held in a <see cref="TanimotoIndex"/> (bit-count buckets), so a query reads only the part of
/// the set that could beat its best match.</summary>
public sealed class ApplicabilityDomain
{
    public const string FileName = "domain.fps.gz";
    private readonly TanimotoIndex _index;
    public float Threshold { get; }
    public int Count => _index.Count;

    public ApplicabilityDomain(byte[] packedSet, float threshold) { _index = new TanimotoIndex(packedSet); Threshold = threshold; }

    public static byte[] Pack(IEnumerable<FeatureVector> inputs) => inputs.SelectMany(v => v.Fingerprint).ToArray();

    public void MaxSimilarity(IReadOnlyList<FeatureVector> inputs, Span<float> maxima)
    {
        if (maxima.Length != inputs.Count) throw new ArgumentException($"{inputs.Count} inputs but room for {maxima.Length} maxima", nameof(maxima));
        for (int i = 0; i < inputs.Count; i++) maxima[i] = _index.MaxSimilarity(inputs[i].Fingerprint);
    }

    /// <summary>Whether each input has a training neighbour at least <see cref="Threshold"/> similar: the search
    /// stops at the first such neighbour and never reads buckets that cannot reach the threshold.</summary>
    public void InDomain(IReadOnlyList<FeatureVector> inputs, Span<bool> inDomain)
    {
        if (inDomain.Length != inputs.Count) throw new ArgumentException($"{inputs.Count} inputs but room for {inDomain.Length} flags", nameof(inDomain));
        for (int i = 0; i < inputs.Count; i++) inDomain[i] = _index.AnyAtLeast(inputs[i].Fingerprint, Threshold);
    }

    public static void Write(string path, byte[] packedSet)
    {
        using var f = File.Create(path);
        using var gz = new GZipStream(f, CompressionLevel.SmallestSize);
        gz.Write(packedSet);
    }

    /// <summary>Largest training set read (256 MiB of fingerprints, about a million compounds): the decompressed
    /// size is capped before it is held, so a small gzip bomb cannot exhaust memory.</summary>
    public const long MaxSetBytes = 256L << 20;

    /// <param name="compounds">The manifest's compound count: the file must hold exactly that many fingerprints and
    /// decompression stops as soon as it would exceed them (0: any whole number up to <see cref="MaxSetBytes"/>).</param>
    public static ApplicabilityDomain Read(string path, float threshold, long compounds = 0)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: applicability-domain fingerprints missing");
        long cap = compounds > 0 ? Math.Min(MaxSetBytes, compounds * Tanimoto.FingerprintBytes) : MaxSetBytes;
        try
        {
            using var f = File.OpenRead(path);
            using var gz = new GZipStream(f, CompressionMode.Decompress);
            using var m = new MemoryStream();
            var buffer = new byte[1 << 16];
            int n;
            while ((n = gz.Read(buffer)) > 0)
            {
                if (m.Length + n > cap)
                    throw new InvalidDataException($"{path}: decompresses to more than {cap} bytes ({(compounds > 0 ? $"the manifest's {compounds} compounds" : "the size cap")}); refusing it");
                m.Write(buffer, 0, n);
            }
            var set = m.ToArray();
            if (set.Length == 0 || set.Length % Tanimoto.FingerprintBytes != 0)
                throw new InvalidDataException($"{path}: {set.Length} bytes is not a whole number of {Tanimoto.FingerprintBytes}-byte fingerprints");
            if (compounds > 0 && set.Length != compounds * Tanimoto.FingerprintBytes)
                throw new InvalidDataException($"{path}: holds {set.Length / Tanimoto.FingerprintBytes} fingerprints, the manifest says {compounds}");
            return new ApplicabilityDomain(set, threshold);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path)) { throw new InvalidDataException($"{path}: corrupt ({e.Message})", e); }
    }
}
