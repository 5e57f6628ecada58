using MolScreen.Prediction.Evaluation;

namespace MolScreen.Prediction.Tests;

public class MetricsTests
{
    [Fact]
    public void RocAucCountsOrderedPairsAndTies()
    {
        Assert.Equal(1.0, Metrics.RocAuc([0, 0, 1, 1], [0.1f, 0.2f, 0.8f, 0.9f]));
        Assert.Equal(0.0, Metrics.RocAuc([1, 1, 0, 0], [0.1f, 0.2f, 0.8f, 0.9f]));
        Assert.Equal(0.75, Metrics.RocAuc([0, 1, 0, 1], [0.1f, 0.3f, 0.35f, 0.8f]), 6);
        Assert.Equal(0.5, Metrics.RocAuc([0, 1, float.NaN], [0.5f, 0.5f, 0.9f]), 6);
        Assert.True(double.IsNaN(Metrics.RocAuc([1, 1], [0.1f, 0.2f])));
    }

    [Fact]
    public void RegressionAndCalibrationMeasures()
    {
        Assert.Equal(Math.Sqrt(2.5), Metrics.Rmse([0, 0, float.NaN], [1, 2, 100]), 6);
        Assert.Equal(1.0, Metrics.Spearman([1, 2, 3, 4], [10, 20, 30, 40]), 9);
        Assert.Equal(-1.0, Metrics.Spearman([1, 2, 3, 4], [4, 3, 2, 1]), 9);
        Assert.Equal(0.0, Metrics.ExpectedCalibrationError([0, 1, 0, 1], [0.55f, 0.55f, 0.55f, 0.55f]) - 0.05, 6);
        Assert.Equal(0.9, Metrics.ExpectedCalibrationError([0, 0], [0.9f, 0.9f]), 6);
    }
}
