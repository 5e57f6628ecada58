using System.Globalization;
using System.Text;
using MolScreen.Core.IO;

namespace MolScreen.Prediction.Model;

/// <summary>README.md of a model directory, written from its manifest so the card never disagrees with it.</summary>
public static class ModelCard
{
    public const string FileName = "README.md";

    public static void Write(string dir, ModelManifest m, string command)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine($"# Model `{m.Name}`").AppendLine();
        if (m.Architecture == ModelManifest.DmpnnArchitecture)
            s.AppendLine($"{(m.Task == "classification" ? "Classifier" : "Regressor")} for {string.Join(", ", m.Targets.Select(t => $"`{t}`"))}: an ensemble of {m.Members.Length} " +
                         $"Chemprop-style directed message-passing networks (D-MPNN: {m.MessageSteps} message steps of width {m.Hidden[0]} over the OpenBabel-perceived graph, " +
                         $"mean atom readout, then a {m.Hidden[1]}-unit feed-forward head with the 11 scaled featurize descriptors{(m.VarianceHead ? "; each also predicts a log-variance, fitted by Gaussian negative log-likelihood" : "")}) " +
                         $"(feature spec `{m.FeatureSpec}`), trained by MolScreen {m.MolscreenVersion} with TorchSharp on {m.TrainedAt} in {m.TrainingSeconds.ToString(inv)} s.").AppendLine();
        else
        s.AppendLine($"{(m.Task == "classification" ? "Classifier" : "Regressor")} for {string.Join(", ", m.Targets.Select(t => $"`{t}`"))}: an ensemble of {m.Members.Length} " +
                     $"multilayer perceptrons (hidden {string.Join("×", m.Hidden)}, ReLU{(m.VarianceHead ? "; each also predicts a log-variance, fitted by Gaussian negative log-likelihood" : "")}) over ECFP4 (2048 bits) and 11 featurize descriptors " +
                     $"(feature spec `{m.FeatureSpec}`), trained by MolScreen {m.MolscreenVersion} with TorchSharp on {m.TrainedAt} in {m.TrainingSeconds.ToString(inv)} s.").AppendLine();
        s.AppendLine("## Data").AppendLine();
        s.AppendLine($"- File `{m.Data.File}` (SHA-256 `{m.Data.Sha256}`): {m.Data.RowsRead} rows read, {m.Data.RowsUsed} used, " +
                     $"{m.Data.RowsUnparsable} skipped because OpenBabel could not read the SMILES.");
        s.AppendLine($"- Split: {m.Split.Method} (balanced Bemis–Murcko scaffolds when `scaffold`), seed {m.Split.Seed}: train {m.Split.Train}, " +
                     $"validation {m.Split.Validation} (early stopping{(m.Refit ? "; then each member was retrained on train + validation for its best epoch count" : "")}), " +
                     $"test {m.Split.Test} (held out; metrics below). Assignment: `{m.Split.File}`.");
        s.AppendLine($"- Member seeds: {string.Join(", ", Enumerable.Range(0, m.Members.Length).Select(k => m.Seed * 1000 + k))}; best epochs {string.Join(", ", m.BestEpochs)}.").AppendLine();
        s.AppendLine("## Held-out test metrics").AppendLine();
        var keys = m.TestMetrics.Values.SelectMany(v => v.Keys).Distinct().ToList();
        s.AppendLine("| output | " + string.Join(" | ", keys) + " |");
        s.AppendLine("|---|" + string.Concat(keys.Select(_ => "---|")));
        foreach (var (output, metrics) in m.TestMetrics)
            s.AppendLine($"| `{output}` | " + string.Join(" | ", keys.Select(k => metrics.TryGetValue(k, out var v) ? v.ToString(k == "n" ? "0" : "0.000", inv) : "–")) + " |");
        s.AppendLine();
        s.AppendLine((m.VarianceHead
                         ? "`_std` is the ensemble's predictive spread (members' predicted variances plus their disagreement). "
                         : "`_std` is the spread of the members' predictions. ") +
                     "`spearman_std_vs_abs_error`: rank correlation of `_std` with the absolute error (does `_std` flag the worse predictions); " +
                     "`spearman_distance_vs_abs_error`: the same for 1 − the nearest training compound's similarity (what `_in_domain` thresholds); " +
                     "`ece`: expected calibration error of the probabilities (10 bins).").AppendLine();
        s.AppendLine("## Applicability domain").AppendLine();
        s.AppendLine($"`_in_domain` is true when the nearest of the {m.ApplicabilityDomain.Compounds} training compounds has ECFP4 Tanimoto ≥ " +
                     $"{m.ApplicabilityDomain.Threshold.ToString("0.000", inv)} (5th percentile over the test set).").AppendLine();
        s.AppendLine("## Reproduce").AppendLine();
        s.AppendLine("```").AppendLine(command).AppendLine("```");
        AtomicFile.WriteAllText(Path.Combine(dir, FileName), s.ToString());
    }
}
