using System.Runtime.InteropServices;
using MolScreen.Core.IO;

namespace MolScreen.Interactions.Learning;

/// <summary>
/// A trained classifier as shipped: the feature layout it expects, the training-set standardizer, the MLP, and the
/// decision threshold chosen on training data. Saved as one JSON file with float arrays in base64 (little-endian
/// float32), which keeps a 200k-weight model near 1 MB and loads without libtorch's own format.
/// </summary>
public sealed record ScoringModel(string Kind, string FeatureLayout, Standardizer Scaler, MlpClassifier Network, float Threshold)
{
    public float[] Predict(IReadOnlyList<float[]> rows) => Network.PredictProbabilities(rows.Select(Scaler.Apply).ToList());

    public sealed record LayerDto(int Inputs, int Outputs, string Weight, string Bias);
    /// <summary>The serialized form, also embedded by files that bundle several models (the pair ensemble).</summary>
    public sealed record FileDto(string Kind, string FeatureLayout, int Features, string Mean, string Scale, List<LayerDto> Layers, float Threshold);

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        JsonFile.Save(path, ToDto());
    }

    public FileDto ToDto() => new(Kind, FeatureLayout, Scaler.Mean.Length, B64(Scaler.Mean), B64(Scaler.Scale),
        Network.Layers.Select(l => new LayerDto(l.Inputs, l.Outputs, B64(l.Weight), B64(l.Bias))).ToList(), Threshold);

    public static ScoringModel Load(string path, string expectedKind, string expectedLayout)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"model file missing: {path}");
        var dto = JsonFile.TryLoad<FileDto>(path) ?? throw new InvalidDataException($"{path}: not a readable model file");
        return FromDto(dto, path, expectedKind, expectedLayout);
    }

    /// <summary>Checks kind, layout and sizes; <paramref name="origin"/> names the file in errors.</summary>
    public static ScoringModel FromDto(FileDto dto, string origin, string expectedKind, string expectedLayout)
    {
        if (dto.Kind != expectedKind) throw new InvalidDataException($"{origin}: model kind '{dto.Kind}', expected '{expectedKind}'");
        if (dto.FeatureLayout != expectedLayout)
            throw new InvalidDataException($"{origin}: trained on feature layout '{dto.FeatureLayout}', this build computes '{expectedLayout}'; retrain it");
        if (dto.Mean == null || dto.Scale == null || dto.Layers == null) throw new InvalidDataException($"{origin}: model lacks its standardizer or layers");
        var scaler = new Standardizer(Floats(dto.Mean), Floats(dto.Scale));
        if (scaler.Mean.Length != dto.Features || scaler.Scale.Length != dto.Features) throw new InvalidDataException($"{origin}: standardizer size mismatch");
        var net = new MlpClassifier(dto.Layers.Select(l => new DenseLayer(l.Inputs, l.Outputs, Floats(l.Weight), Floats(l.Bias))).ToList());
        if (net.Inputs != dto.Features) throw new InvalidDataException($"{origin}: network takes {net.Inputs} inputs, features are {dto.Features}");
        return new ScoringModel(dto.Kind, dto.FeatureLayout, scaler, net, dto.Threshold);
    }

    private static string B64(float[] v) => Convert.ToBase64String(MemoryMarshal.AsBytes(v.AsSpan()));
    private static float[] Floats(string b64)
    {
        var bytes = Convert.FromBase64String(b64);
        if (bytes.Length % 4 != 0) throw new InvalidDataException("float array is not a multiple of 4 bytes");
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    /// <summary>Threshold giving the training positive rate: keeps predicted interface sizes realistic on imbalanced data.</summary>
    public static float PrevalenceThreshold(float[] trainScores, IReadOnlyList<bool> trainLabels)
    {
        var positives = trainLabels.Count(l => l);
        if (positives == 0 || positives == trainScores.Length) return 0.5f;
        var sorted = trainScores.OrderByDescending(s => s).ToArray();
        return sorted[positives - 1];
    }
}
