using System.Globalization;
using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;
using MolScreen.Prediction.Features;
using MolScreen.Prediction.Model;

namespace MolScreen.Prediction.Tests;

/// <summary>Small generated data: chains on a few ring systems with a target the features determine.</summary>
internal static class Synthetic
{
    private static readonly string[] Rings = ["", "c1ccccc1", "C1CCCCC1", "c1ccncc1", "c1ccc2ccccc2c1", "C1CCNCC1", "c1ccsc1", "c1ccoc1"];
    private static readonly string[] Groups = ["O", "N", "Cl", "C(=O)O", "C#N"];

    public static IEnumerable<(string Smiles, double Target)> Rows()
    {
        for (int n = 1; n <= 8; n++)
            for (int r = 0; r < Rings.Length; r++)
                for (int g = 0; g < Groups.Length; g++)
                    yield return (new string('C', n) + Rings[r] + Groups[g], 0.5 * n + r * 0.3 - g * 0.4);
    }

    /// <param name="noiseBySize">Add seeded noise of ±2 to the compounds with five or more chain carbons only
    /// (heteroscedastic labels, the case a variance head is for).</param>
    public static string WriteCsv(string path, int? limit = null, bool noiseBySize = false)
    {
        var lines = new List<string> { "name,smiles,value" };
        var rng = new Random(11);
        int i = 0;
        foreach (var (s, t) in Rows().Take(limit ?? int.MaxValue))
        {
            double noise = rng.NextDouble() * 4 - 2;
            double y = noiseBySize && s.StartsWith("CCCCC") ? t + noise : t;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"m{i++},{s},{y}"));
        }
        File.WriteAllLines(path, lines);
        return path;
    }

    public static List<FeatureVector> Features(int count)
    {
        var f = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        return Rows().Take(count).Select(r => FeatureVector.FromFeatures(f.Compute("smiles", r.Smiles))).ToList();
    }

    /// <summary>A network with seeded random weights of realistic scale.</summary>
    public static MlpNetwork RandomNetwork(int seed, OutputKind kind, params int[] hiddenAndOutputs)
    {
        var rng = new Random(seed);
        int[] dims = [FeatureSpec.Width, .. hiddenAndOutputs];
        float R(double scale) => (float)((rng.NextDouble() * 2 - 1) * scale);
        int nd = FeatureSpec.Descriptors.Length, t = dims[^1];
        return new MlpNetwork
        {
            FeatureSpecId = FeatureSpec.Id, Kind = kind, Dims = dims,
            DescriptorMean = Enumerable.Range(0, nd).Select(_ => R(50)).ToArray(),
            DescriptorStd = Enumerable.Range(0, nd).Select(_ => 1 + Math.Abs(R(20))).ToArray(),
            OutputMean = Enumerable.Range(0, t).Select(_ => R(3)).ToArray(),
            OutputStd = Enumerable.Range(0, t).Select(_ => 1 + Math.Abs(R(1))).ToArray(),
            Weights = Enumerable.Range(0, dims.Length - 1).Select(l => Enumerable.Range(0, dims[l] * dims[l + 1]).Select(_ => R(1 / Math.Sqrt(Math.Min(dims[l], 64)))).ToArray()).ToArray(),
            Biases = Enumerable.Range(0, dims.Length - 1).Select(l => Enumerable.Range(0, dims[l + 1]).Select(_ => R(0.1)).ToArray()).ToArray(),
        };
    }
}
