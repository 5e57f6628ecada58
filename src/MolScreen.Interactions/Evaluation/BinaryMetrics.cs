namespace MolScreen.Interactions.Evaluation;

/// <summary>Threshold metrics at 0.5 plus ROC-AUC (rank statistic, ties counted half) for one evaluation set.</summary>
public sealed record BinaryMetrics(double Accuracy, double RocAuc, double Sensitivity, double Specificity, double Mcc, int Count)
{
    public static BinaryMetrics Compute(IReadOnlyList<float> probabilities, IReadOnlyList<bool> labels, double threshold = 0.5)
    {
        if (probabilities.Count != labels.Count) throw new ArgumentException("probabilities and labels differ in count");
        if (probabilities.Count == 0) throw new ArgumentException("no predictions to score");
        long tp = 0, tn = 0, fp = 0, fn = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            if (float.IsNaN(probabilities[i])) throw new ArgumentException($"prediction {i} is NaN");
            bool predicted = probabilities[i] >= threshold;
            if (labels[i]) { if (predicted) tp++; else fn++; }
            else { if (predicted) fp++; else tn++; }
        }
        double denom = Math.Sqrt((double)(tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return new BinaryMetrics(
            (double)(tp + tn) / labels.Count,
            ComputeRocAuc(probabilities, labels),
            tp + fn == 0 ? double.NaN : (double)tp / (tp + fn),
            tn + fp == 0 ? double.NaN : (double)tn / (tn + fp),
            denom == 0 ? 0 : (tp * tn - fp * fn) / denom,
            labels.Count);
    }

    /// <summary>Mann–Whitney U / (n+ · n−) with average ranks for ties; NaN when one class is absent.</summary>
    public static double ComputeRocAuc(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var idx = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSumPositive = 0;
        long positives = 0;
        for (int i = 0; i < idx.Length;)
        {
            int j = i;
            while (j + 1 < idx.Length && scores[idx[j + 1]] == scores[idx[i]]) j++;
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++)
                if (labels[idx[k]]) { rankSumPositive += averageRank; positives++; }
            i = j + 1;
        }
        long negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
