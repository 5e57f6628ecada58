using System.Globalization;
using System.Text;
using MolScreen.Prediction.Data;
using MolScreen.Prediction.Model;

namespace MolScreen.Prediction.Evaluation;

/// <summary>
/// An ensemble's mean predictions on one part of the split, written beside the model when asked
/// (<c>TrainingOptions.WritePredictions</c>): `row` (the data row number, as in split.csv), then per output its label
/// and prediction. The bench averages two architectures' files row by row; the validation file is what a choice
/// between them may be made on.
/// </summary>
public static class EnsemblePredictions
{
    public const string ValidationFile = "predictions-validation.csv";
    public const string TestFile = "predictions-test.csv";

    /// <param name="mean">The model's predictions on <paramref name="rows"/>, row-major [compound][target].</param>
    public static void Write(string path, int[] rows, TrainingTable table, float[] mean, int targets)
    {
        var s = new StringBuilder("row");
        for (int t = 0; t < targets; t++) s.Append(CultureInfo.InvariantCulture, $",label_{t},pred_{t}");
        s.Append('\n');
        for (int i = 0; i < rows.Length; i++)
        {
            s.Append(table.RowNumbers[rows[i]].ToString(CultureInfo.InvariantCulture));
            for (int t = 0; t < targets; t++)
            {
                float y = table.Labels[rows[i]][t];
                s.Append(',').Append(float.IsNaN(y) ? "" : y.ToString("R", CultureInfo.InvariantCulture));
                s.Append(',').Append(mean[i * targets + t].ToString("R", CultureInfo.InvariantCulture));
            }
            s.Append('\n');
        }
        File.WriteAllText(path, s.ToString());
    }

    /// <summary>Reads a file back: row number → (labels, predictions), NaN for a missing label.</summary>
    public static Dictionary<long, (float[] Labels, float[] Predictions)> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        int targets = (lines[0].Split(',').Length - 1) / 2;
        var result = new Dictionary<long, (float[], float[])>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            var y = new float[targets]; var p = new float[targets];
            for (int t = 0; t < targets; t++)
            {
                y[t] = f[1 + 2 * t].Length == 0 ? float.NaN : float.Parse(f[1 + 2 * t], CultureInfo.InvariantCulture);
                p[t] = float.Parse(f[2 + 2 * t], CultureInfo.InvariantCulture);
            }
            result[long.Parse(f[0], CultureInfo.InvariantCulture)] = (y, p);
        }
        return result;
    }
}
