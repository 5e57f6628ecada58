using System.Globalization;
using System.Text;
using MolScreen.Core.IO;
using MolScreen.Prediction.Data;
using MolScreen.Prediction.Features;

namespace MolScreen.Bench;

/// <summary>
/// Writes what the RandomForest peer needs to see exactly our models' inputs: per task the model input of every usable
/// row (ECFP4 set bits and the descriptors, as `molscreen train` builds them), and per seed the scaffold split that
/// `predict-accuracy` trains on (the same <see cref="DataSplit"/>, so the forest is scored on the same test compounds).
/// </summary>
public static class ForestInputs
{
    public const string InputsFile = "inputs.csv";

    public static void Run(string shared, IReadOnlyList<string> tasks, IReadOnlyList<int> seeds, string dir)
    {
        foreach (var t in PredictAccuracyBenchmark.Tasks.Where(t => tasks.Contains(t.Name)))
        {
            var table = TrainingTable.Load(Path.Combine(shared, t.Data), t.SmilesColumn, t.Targets);
            var taskDir = Path.Combine(dir, t.Name);
            Directory.CreateDirectory(taskDir);
            var sb = new StringBuilder("row,ecfp4_on_bits," + string.Join(',', FeatureSpec.Descriptors) + "\n");
            Span<int> bits = stackalloc int[FeatureSpec.Bits];
            for (int i = 0; i < table.Count; i++)
            {
                var x = table.Inputs[i];
                int n = x.OnBits(bits);
                sb.Append(table.RowNumbers[i].ToString(CultureInfo.InvariantCulture)).Append(',');
                for (int k = 0; k < n; k++) sb.Append(k > 0 ? " " : "").Append(bits[k].ToString(CultureInfo.InvariantCulture));
                foreach (var d in x.Descriptors) sb.Append(',').Append(d.ToString("R", CultureInfo.InvariantCulture));
                sb.Append('\n');
            }
            AtomicFile.WriteAllText(Path.Combine(taskDir, InputsFile), sb.ToString());
            foreach (int seed in seeds)
            {
                var split = DataSplit.Create(table.Scaffolds, SplitMethod.Scaffold, seed);
                var seedDir = Path.Combine(taskDir, seed.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(seedDir);
                split.Write(Path.Combine(seedDir, "split.csv"), table.RowNumbers, table.Smiles, table.Scaffolds);
            }
            Console.WriteLine($"{t.Name}: {table.Count} usable rows, seeds {string.Join(',', seeds)} -> {taskDir}");
        }
    }
}
