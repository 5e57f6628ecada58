using MolScreen.Interactions.Features;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions;

/// <summary>Training of the sequence-pair model P(protein and RNA interact).</summary>
public static class PairModel
{
    public const string Kind = "rpi-pair";
    public static string Layout => $"protein-ct-aac-phys+rna-kmer1-4-v1:{PairFeaturizer.Length}";

    public static MlpOptions DefaultOptions => new() { Epochs = 20, Seed = 20261123 };

    public static ScoringModel Train(IEnumerable<LabelledPair> pairs, MlpOptions options)
    {
        var list = pairs.ToList();
        var rows = PairFeaturizer.Featurize(list.Select(p => (p.Protein, p.Rna)).ToList());
        var scaler = Standardizer.Fit(rows);
        var net = MlpClassifier.Train(rows.Select(scaler.Apply).ToList(), list.Select(p => p.Interacts).ToList(), options);
        // The benchmarks are balanced, so 0.5 is the threshold the published accuracies use.
        return new ScoringModel(Kind, Layout, scaler, net, 0.5f);
    }
}
