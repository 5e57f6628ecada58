using MolScreen.Prediction.Model;
using MolScreen.Prediction.Training;

namespace MolScreen.Prediction.Tests;

public class EnsembleStatisticsTests
{
    [Fact]
    public void SpreadIsTheMembersDisagreementWithoutAVarianceHead()
    {
        // Two compounds, one target, two members: means 2 and 5, spreads 1 and 0.
        var (mean, std) = EnsembleStatistics.Combine([[1f, 5f], [3f, 5f]], 2, 1, varianceHead: false);
        Assert.Equal([2f, 5f], mean);
        Assert.Equal(1f, std[0], 1e-6f);
        Assert.Equal(0f, std[1]);
    }

    [Fact]
    public void WithAVarianceHeadTheSpreadAddsTheMembersPredictedNoise()
    {
        // One compound, two targets; a member writes [mu_0, mu_1, logvar_0, logvar_1].
        float ln4 = MathF.Log(4f), ln1 = 0f;
        var (mean, std) = EnsembleStatistics.Combine([[1f, 10f, ln4, ln1], [3f, 10f, ln4, ln1]], 1, 2, varianceHead: true);
        Assert.Equal([2f, 10f], mean);
        Assert.Equal(MathF.Sqrt(1f + 4f), std[0], 1e-5f);   // disagreement 1 + noise 4
        Assert.Equal(1f, std[1], 1e-5f);                      // no disagreement, noise 1
        // A runaway log-variance is clamped, never infinite.
        var (_, wild) = EnsembleStatistics.Combine([[0f, 1e6f]], 1, 1, varianceHead: true);
        Assert.True(float.IsFinite(wild[0]));
        Assert.Throws<ArgumentException>(() => EnsembleStatistics.Combine([[0f, 1f, 2f]], 1, 1, varianceHead: true));
    }

    [Fact]
    public void ClassifiersStopOnMeanValidationRocAucAndRegressorsOnSquaredError()
    {
        // Two targets, four compounds; target 1 has one class only and is left out of the mean.
        var val = new DenseInputs { X = [], Y = [0, 1, 1, 1, 0, 1, 1, 1], Rows = 4, Targets = 2 };
        var cls = new TrainingLoss(OutputKind.Classification, 2, varianceHead: false, positiveWeights: null);
        Assert.Equal(-1.0, cls.ValidationScore([-2f, 0f, 1f, 0f, -1f, 0f, 3f, 0f], val), 9);
        Assert.Equal(-0.75, cls.ValidationScore([-2f, 0f, 1f, 0f, 2f, 0f, 3f, 0f], val), 9);

        var reg = new TrainingLoss(OutputKind.Regression, 1, varianceHead: true, positiveWeights: null);
        var y = new DenseInputs { X = [], Y = [1f, float.NaN, 3f], Rows = 3, Targets = 1 };
        // Rows [mu, logvar]: only the means count, the unlabelled row is skipped.
        Assert.Equal((0.25 + 1.0) / 2, reg.ValidationScore([1.5f, 9f, 100f, 9f, 2f, -9f], y), 6);
    }

    [Fact]
    public void MixWeighsEachArchitectureEquallyAndAddsTheirDisagreementToTheSpread()
    {
        // Part A: three members at 0, 0, 3 (mean 1, spread sqrt 2); part B: one member at 5 (mean 5, spread 0).
        var a = EnsembleStatistics.Combine([[0f], [0f], [3f]], 1, 1, varianceHead: false);
        var b = EnsembleStatistics.Combine([[5f]], 1, 1, varianceHead: false);
        var (mean, std) = EnsembleStatistics.Mix([a, b]);
        Assert.Equal(3f, mean[0], 1e-6f);               // (1 + 5) / 2, not the four members' 2
        // Mixture variance: (2 + 0) / 2 + ((1 - 3)² + (5 - 3)²) / 2 = 1 + 4.
        Assert.Equal(MathF.Sqrt(5f), std[0], 1e-5f);
        // One part is passed through untouched (single-architecture models predict as before).
        var (one, oneStd) = EnsembleStatistics.Mix([a]);
        Assert.Same(a.Mean, one);
        Assert.Same(a.Std, oneStd);
        Assert.Throws<ArgumentException>(() => EnsembleStatistics.Mix([a, (new float[2], new float[2])]));
    }
}
