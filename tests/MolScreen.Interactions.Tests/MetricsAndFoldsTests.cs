using MolScreen.Interactions.Evaluation;

namespace MolScreen.Interactions.Tests;

public class MetricsAndFoldsTests
{
    [Fact]
    public void Auc_counts_ties_half_and_metrics_follow_the_confusion_matrix()
    {
        // Positives 0.9, 0.4; negatives 0.4, 0.1 → pairs: (0.9>0.4),(0.9>0.1),(0.4=0.4 half),(0.4>0.1) = 3.5/4.
        float[] p = [0.9f, 0.4f, 0.4f, 0.1f];
        bool[] y = [true, true, false, false];
        var m = BinaryMetrics.Compute(p, y);
        Assert.Equal(0.875, m.RocAuc, 6);
        // Threshold 0.5: TP 1, FN 1, TN 2, FP 0.
        Assert.Equal(0.75, m.Accuracy, 6);
        Assert.Equal(0.5, m.Sensitivity, 6);
        Assert.Equal(1.0, m.Specificity, 6);
        Assert.Equal(2 / Math.Sqrt(1 * 2 * 2 * 3), m.Mcc, 6);
    }

    [Fact]
    public void Stratified_folds_balance_classes_and_repeat_with_the_seed()
    {
        var labels = Enumerable.Range(0, 103).Select(i => i % 3 == 0).ToList();
        var a = CrossValidation.StratifiedFolds(labels, 5, 11);
        Assert.Equal(a, CrossValidation.StratifiedFolds(labels, 5, 11));
        Assert.NotEqual(a, CrossValidation.StratifiedFolds(labels, 5, 12));
        for (int f = 0; f < 5; f++)
        {
            int pos = labels.Where((l, i) => l && a[i] == f).Count();
            int neg = labels.Where((l, i) => !l && a[i] == f).Count();
            Assert.InRange(pos, 6, 7);
            Assert.InRange(neg, 13, 14);
        }
    }
}
