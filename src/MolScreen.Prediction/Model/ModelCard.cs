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
        string what = m.Task == "classification" ? "Classifier" : "Regressor", targets = string.Join(", ", m.Targets.Select(t => $"`{t}`"));
        string head = m.VarianceHead ? "; each also predicts a log-variance, fitted by Gaussian negative log-likelihood" : "";
        string Dmpnn(int k, int[] hidden, int? steps) => $"{k} Chemprop-style directed message-passing networks (D-MPNN: {steps} message steps of width {hidden[0]} over the OpenBabel-perceived graph, " +
                                                         $"mean atom readout, then a {hidden[1]}-unit feed-forward head with the 11 scaled featurize descriptors{head})";
        string Mlp(int k, int[] hidden) => $"{k} multilayer perceptrons (hidden {string.Join("×", hidden)}, ReLU{head}) over ECFP4 (2048 bits) and 11 featurize descriptors";
        string trained = $"(feature spec `{m.FeatureSpec}`), trained by MolScreen {m.MolscreenVersion} with TorchSharp on {m.TrainedAt} in {m.TrainingSeconds.ToString(inv)} s.";
        if (m.Architecture == ModelManifest.CombinedArchitecture && m.Parts is { } parts)
        {
            var mlp = parts.Single(p => p.Architecture == ModelManifest.MlpArchitecture);
            var graph = parts.Single(p => p.Architecture == ModelManifest.DmpnnArchitecture);
            s.AppendLine($"{what} for {targets}: two ensembles trained on the same split, an ensemble of {Mlp(mlp.Members.Length, mlp.Hidden)} and an ensemble of " +
                         $"{Dmpnn(graph.Members.Length, graph.Hidden, graph.MessageSteps)} {trained} The prediction is the mean of the two ensembles' mean predictions " +
                         "(each architecture weighs one half, whatever its member count); predicting costs the D-MPNN's time plus the MLP's.").AppendLine();
        }
        else if (m.Architecture == ModelManifest.DmpnnArchitecture)
            s.AppendLine($"{what} for {targets}: an ensemble of {Dmpnn(m.Members.Length, m.Hidden, m.MessageSteps)} {trained}").AppendLine();
        else
            s.AppendLine($"{what} for {targets}: an ensemble of {Mlp(m.Members.Length, m.Hidden)} {trained}").AppendLine();
        s.AppendLine("## Data").AppendLine();
        s.AppendLine($"- File `{m.Data.File}` (SHA-256 `{m.Data.Sha256}`): {m.Data.RowsRead} rows read, {m.Data.RowsUsed} used, " +
                     $"{m.Data.RowsUnparsable} skipped because OpenBabel could not read the SMILES.");
        s.AppendLine($"- Split: {m.Split.Method} (balanced Bemis–Murcko scaffolds when `scaffold`), seed {m.Split.Seed}: train {m.Split.Train}, " +
                     $"validation {m.Split.Validation} (early stopping{(m.Refit ? "; then each member was retrained on train + validation for its best epoch count" : "")}), " +
                     $"test {m.Split.Test} (held out; metrics below). Assignment: `{m.Split.File}`.");
        s.AppendLine($"- Member seeds{(m.Parts != null ? " (MLP members, then D-MPNN members)" : "")}: {string.Join(", ", (m.Parts?.Select(p => p.Members.Length) ?? [m.Members.Length]).SelectMany(n => Enumerable.Range(0, n)).Select(k => m.Seed * 1000 + k))}; best epochs {string.Join(", ", m.BestEpochs)}.").AppendLine();
        s.AppendLine("## Held-out test metrics").AppendLine();
        var keys = m.TestMetrics.Values.SelectMany(v => v.Keys).Distinct().ToList();
        s.AppendLine("| output | " + string.Join(" | ", keys) + " |");
        s.AppendLine("|---|" + string.Concat(keys.Select(_ => "---|")));
        foreach (var (output, metrics) in m.TestMetrics)
            s.AppendLine($"| `{output}` | " + string.Join(" | ", keys.Select(k => metrics.TryGetValue(k, out var v) ? v.ToString(k == "n" ? "0" : "0.000", inv) : "–")) + " |");
        s.AppendLine();
        if (m.Parts is { } each)
        {
            s.AppendLine("Each architecture alone on the same parts (validation: early-stopped members; test: shipped members):").AppendLine();
            s.AppendLine("| architecture | output | validation | test |").AppendLine("|---|---|---|---|");
            foreach (var p in each)
                foreach (var (output, metrics) in p.TestMetrics)
                    s.AppendLine($"| {p.Architecture} | `{output}` | {Brief(p.ValidationMetrics.GetValueOrDefault(output))} | {Brief(metrics)} |");
            s.AppendLine($"| {m.Architecture} | | {string.Join("; ", m.ValidationMetrics.Select(kv => Brief(kv.Value)))} | {string.Join("; ", m.TestMetrics.Select(kv => Brief(kv.Value)))} |").AppendLine();
        }
        s.AppendLine((m.Parts != null
                         ? "`_std` is the spread of the equal-weight mixture of the two ensembles: the mean of their variances (each the spread of its members" +
                           (m.VarianceHead ? " plus their predicted variances" : "") + ") plus the variance of their two means, so it also grows where the architectures disagree. "
                         : m.VarianceHead
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

    /// <summary>The headline metric of one output: ROC-AUC for classifiers, RMSE for regressors.</summary>
    private static string Brief(Dictionary<string, double>? metrics) =>
        metrics == null ? "–" : string.Join(", ", new[] { "roc_auc", "rmse" }.Where(metrics.ContainsKey).Select(k => $"{k} {metrics[k].ToString("0.000", CultureInfo.InvariantCulture)}"));
}
