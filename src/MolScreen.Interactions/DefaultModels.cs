using System.Globalization;
using System.Text;
using MolScreen.Interactions.Evaluation;
using MolScreen.Interactions.Features;
using MolScreen.Interactions.Interface;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions;

/// <summary>What `molscreen rpi-train` trains: which data, how long, which seeds, and whether to cross-validate for the card.</summary>
public sealed record RpiTrainSettings
{
    public required string SharedData { get; init; }
    public required string OutDirectory { get; init; }
    public IReadOnlyList<string> PairSets { get; init; } = ["RPI1807"];
    public MlpOptions PairOptions { get; init; } = PairModel.DefaultOptions;
    public ProfileOptions? PairProfiles { get; init; } = PairModel.DefaultProfiles;
    public int PairMembers { get; init; } = PairModel.DefaultMembers;
    /// <summary>Inner-split choice of the pair model's epochs and threshold (null: fixed epochs, threshold 0.5).</summary>
    public InnerTuning? PairTuning { get; init; } = PairModel.DefaultTuning;
    /// <summary>Boosted trees blended into the pair networks (null: networks only).</summary>
    public TreeBlend? PairBlend { get; init; } = PairModel.DefaultBlend;
    public MlpOptions InterfaceOptions { get; init; } = InterfaceTraining.DefaultOptions;
    /// <summary>0 = every complex in prdbv3-subset/bound; otherwise the first N by name (quick CI runs).</summary>
    public int InterfaceComplexes { get; init; }
    public bool CrossValidate { get; init; } = true;
    public int FoldSeed { get; init; } = 7;
    public string CommandLine { get; init; } = "molscreen rpi-train";
}

/// <summary>
/// Trains the shipped RPI models and writes each as `model.json` with a `MODEL_CARD.md` (data, protocol, seeds,
/// cross-validated figures from the same run) under `rpi-pair/` and `rpi-interface/`.
/// </summary>
public static class DefaultModels
{
    public static void Train(RpiTrainSettings s, TextWriter log)
    {
        var pairs = new List<LabelledPair>();
        var pairCards = new List<string>();
        foreach (var set in s.PairSets)
        {
            var folder = set.Equals("NPInter", StringComparison.OrdinalIgnoreCase) ? "npinter-edlmfc" : "rpi-benchmarks";
            var data = PairDataset.Load(Path.Combine(s.SharedData, folder), set);
            // Repeated sequence pairs would be memorised, not learned, and would inflate the card's CV figures.
            var distinct = PairDeduplication.Collapse(data.Pairs);
            log.WriteLine($"{set}: {distinct.Describe()}");
            string pairCv = "not cross-validated in this run", proteinCv = pairCv;
            if (s.CrossValidate)
            {
                pairCv = Row(PairModel.CrossValidateRun(distinct.Pairs, 5, s.FoldSeed, s.PairOptions, s.PairProfiles, s.PairMembers, s.PairTuning, s.PairBlend, CvProtocol.Pair).Summary);
                proteinCv = Row(PairModel.CrossValidateRun(distinct.Pairs, 5, s.FoldSeed, s.PairOptions, s.PairProfiles, s.PairMembers, s.PairTuning, s.PairBlend, CvProtocol.ProteinGrouped).Summary);
                log.WriteLine($"{set} 5-fold CV, pair-level: {pairCv}");
                log.WriteLine($"{set} 5-fold CV, grouped by protein: {proteinCv}");
            }
            int positives = distinct.Pairs.Count(p => p.Interacts);
            pairCards.Add($"| {set} | {folder}/{set}_pairs.txt | {distinct.Describe()}; {positives}+/{distinct.Pairs.Count - positives}− | {pairCv} | {proteinCv} |");
            pairs.AddRange(distinct.Pairs);
        }
        var (pairModel, schedule) = PairModel.TrainTuned(pairs, s.PairOptions, s.PairProfiles, s.PairMembers, s.PairTuning, s.PairBlend);
        if (s.PairProfiles != null) log.WriteLine($"pair model: training pairs' per-protein balance: {ProteinBalance.Of(pairs.Select(p => (p.Protein.Letters, p.Interacts)))}");
        var pairOptions = schedule == null ? s.PairOptions : s.PairOptions with { Epochs = schedule.Epochs };
        if (schedule != null) log.WriteLine($"pair model: {schedule.Epochs} epochs, threshold {schedule.Threshold:F3} from the inner split (validation ROC-AUC {schedule.ValidationAuc:F3}, accuracy {schedule.ValidationAccuracy:F3})");
        var pairDir = Path.Combine(s.OutDirectory, "rpi-pair");
        pairModel.Save(Path.Combine(pairDir, "model.json"));
        WriteCard(Path.Combine(pairDir, "MODEL_CARD.md"), "rpi-pair: P(protein and RNA interact) from sequences", s, pairOptions,
            $"Feature layout `{pairModel.FeatureLayout}`: protein conjoint-triad 1/2/3-mers, amino-acid composition, dipeptide composition and physicochemical summary; RNA k-mer frequencies k=1..5 and log10 length"
            + (s.PairProfiles == null ? "" : $"; partner profiles from the {pairModel.Profiles!.Pairs.Count} training pairs stored in the model (protein smoothed positive rate with prior 0.5, log(1 + its training pairs), positive rate of similar proteins by conjoint-triad 3-mer cosine, τ {s.PairProfiles.Tau.ToString(CultureInfo.InvariantCulture)}{(s.PairProfiles.PairNeighbours ? $"; over training pairs weighted by protein × RNA similarity (RNA 4-mer cosine, τ {s.PairProfiles.RnaTau.ToString(CultureInfo.InvariantCulture)}): " + (s.PairProfiles.ExcludeOwnRna ? "positive rate and log(1 + positive weight) over pairs of other RNAs than the query's, and positive rate over pairs of other RNAs and other proteins" : "positive rate, log(1 + positive weight) and positive rate without the query's own RNA") : "")}{(pairModel.Profiles!.Options.NeutralizeOwnProtein == true ? "; own-protein values neutralized (rate 0.5, count 0, own pairs out of the pair block: training pairs balanced per protein by construction)" : "")}; training rows get them from {s.PairProfiles.InnerFolds} inner folds so no row sees its own label)")
            + $". Standardized with training statistics; {s.PairMembers} network(s) averaged (seeds {s.PairOptions.Seed}…{s.PairOptions.Seed + s.PairMembers - 1}); "
            + (s.PairBlend == null ? "" : $"blended with gradient-boosted trees on the same unscaled rows ({s.PairBlend.Options.Describe()}; logistic loss, Newton leaves, histogram splits), probability = {(1 - s.PairBlend.Weight).ToString(CultureInfo.InvariantCulture)} × network mean + {s.PairBlend.Weight.ToString(CultureInfo.InvariantCulture)} × trees; ")
            + (schedule == null ? "threshold 0.5." : $"epochs ({schedule.Epochs}) and threshold ({schedule.Threshold.ToString("F3", CultureInfo.InvariantCulture)}) chosen on an {s.PairTuning!.Describe()} (validation ROC-AUC {schedule.ValidationAuc.ToString("F3", CultureInfo.InvariantCulture)}, accuracy {schedule.ValidationAccuracy.ToString("F3", CultureInfo.InvariantCulture)}); the CV figures above tune the same way inside each training fold."),
            "| set | file | pairs | 5-fold CV on the distinct pairs, pair-level stratified (accuracy, ROC-AUC, sensitivity, specificity, MCC; mean ± std) | 5-fold CV on the distinct pairs, grouped by protein sequence (same metrics) |\n|---|---|---|---|---|\n" + string.Join('\n', pairCards));
        log.WriteLine($"wrote {pairDir}");

        var (complexes, skipped) = InterfaceComplex.LoadDirectory(Path.Combine(s.SharedData, "prdbv3-subset", "bound"));
        foreach (var why in skipped) log.WriteLine($"skipped {why}");
        if (s.InterfaceComplexes > 0) complexes = complexes.Take(s.InterfaceComplexes).ToList();
        log.WriteLine($"interface: {complexes.Count} complexes, {complexes.Sum(c => c.Residues.Count)} protein residues");
        string ifaceCv = "not cross-validated in this run";
        if (s.CrossValidate && complexes.Count >= 5)
        {
            var cv = InterfaceTraining.CrossValidate(complexes, 5, s.FoldSeed, s.InterfaceOptions);
            ifaceCv = $"{Row(cv.Folds)}; pooled over {cv.Residues} residues ({cv.InterfaceResidues} interface): ROC-AUC {cv.Pooled.RocAuc:F3}, MCC {cv.Pooled.Mcc:F3}";
            log.WriteLine($"interface 5-fold CV over complexes: {ifaceCv}");
        }
        var ifaceModel = InterfaceTraining.Train(complexes, s.InterfaceOptions);
        var ifaceDir = Path.Combine(s.OutDirectory, "rpi-interface");
        ifaceModel.Save(Path.Combine(ifaceDir, "model.json"));
        WriteCard(Path.Combine(ifaceDir, "MODEL_CARD.md"), "rpi-interface: per-residue probability of contacting RNA, from the protein structure alone", s, s.InterfaceOptions,
            $"Feature layout `{InterfaceTraining.Layout}`: residue type, composition within 8/12 Å, contact numbers, half-sphere exposure (13 Å), Arg/Lys and Asp/Glu counts, ±3 sequence window (triad classes). Labels: any heavy atom within {RnaInterface.Cutoff} Å of RNA (RnaInterface). Decision threshold {ifaceModel.Threshold.ToString("F4", CultureInfo.InvariantCulture)} = training interface rate.",
            $"| data | complexes | CV protocol | held-out figures |\n|---|---|---|---|\n| prdbv3-subset/bound (PRDB v3, Kant et al. 2024) | {complexes.Count}: {string.Join(' ', complexes.Select(c => c.Name.Replace("_full", "")))} | 5 folds over complexes (no complex in train and test) | {ifaceCv} |" + (skipped.Count > 0 ? $"\n\nSkipped: {string.Join("; ", skipped)}" : ""));
        log.WriteLine($"wrote {ifaceDir}");
    }

    private static string Row(CvSummary cv)
    {
        string F(Func<BinaryMetrics, double> m) { var (mu, sd) = cv.Of(m); return $"{mu.ToString("F3", CultureInfo.InvariantCulture)} ± {sd.ToString("F3", CultureInfo.InvariantCulture)}"; }
        return $"acc {F(m => m.Accuracy)}, AUC {F(m => m.RocAuc)}, sens {F(m => m.Sensitivity)}, spec {F(m => m.Specificity)}, MCC {F(m => m.Mcc)}";
    }

    private static void WriteCard(string path, string title, RpiTrainSettings s, MlpOptions o, string features, string dataTable)
    {
        var b = new StringBuilder();
        b.AppendLine($"# {title}").AppendLine();
        b.AppendLine($"Trained by `{s.CommandLine}` on {DateTime.UtcNow:yyyy-MM-dd} (UTC); reproduce with `datasets/train-rpi-models.sh`.").AppendLine();
        b.AppendLine("## Data and held-out figures").AppendLine().AppendLine(dataTable).AppendLine();
        b.AppendLine("## Model").AppendLine().AppendLine(features).AppendLine();
        b.AppendLine($"MLP hidden {string.Join('-', o.Hidden)} (ReLU, dropout {o.Dropout.ToString(CultureInfo.InvariantCulture)}), Adam lr {o.LearningRate.ToString(CultureInfo.InvariantCulture)}, weight decay {o.WeightDecay.ToString(CultureInfo.InvariantCulture)}, {o.Epochs} epochs, batch {o.BatchSize}, binary cross-entropy.").AppendLine();
        b.AppendLine($"Seeds: model {o.Seed} (torch.manual_seed and minibatch order), folds {s.FoldSeed}. Same seeds and data give the same weights on one machine; libtorch versions or thread counts may change the last digits.").AppendLine();
        b.AppendLine("## Limits").AppendLine().AppendLine("Benchmark negatives are random or published non-pairs, not measured non-binders; pair-level folds let a protein or RNA appear in training and test, as in the published protocol, which flatters sequence models on unseen families.");
        File.WriteAllText(path, b.ToString());
    }
}
