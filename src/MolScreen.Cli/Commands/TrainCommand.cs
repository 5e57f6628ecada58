using System.CommandLine;
using MolScreen.Prediction.Data;
using MolScreen.Prediction.Model;
using MolScreen.Prediction.Training;

namespace MolScreen.Cli.Commands;

/// <summary>`molscreen train`: a property model from a CSV of SMILES and measured values (docs/cli.md).</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo>("--data") { Description = "Training CSV with a header line", Required = true };
        var smiles = new Option<string>("--smiles-column") { Description = "Column holding SMILES", DefaultValueFactory = _ => "smiles" };
        var target = new Option<string>("--target") { Description = "Target column; several comma-separated for a multi-task model (missing labels masked)", Required = true };
        var task = new Option<string>("--task") { Description = "regression or classification (0/1 labels)", DefaultValueFactory = _ => "regression" };
        var split = new Option<string>("--split") { Description = "scaffold (Bemis–Murcko, balanced) or random; 80/10/10", DefaultValueFactory = _ => "scaffold" };
        var ensemble = new Option<int>("--ensemble") { Description = "Ensemble members (their spread is part of the uncertainty)", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the split and of the members' initialization", DefaultValueFactory = _ => 0 };
        var name = new Option<string?>("--name") { Description = "Output column prefix (default: the output directory's name)" };
        var hidden = new Option<string>("--hidden") { Description = "Hidden layer widths, comma-separated", DefaultValueFactory = _ => "128,64" };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs (early stopping on the validation score: squared error, or mean ROC-AUC for classifiers)", DefaultValueFactory = _ => 80 };
        var varianceHead = new Option<bool>("--variance-head") { Description = "Regression: members also predict a log-variance (Gaussian NLL), part of _std", DefaultValueFactory = _ => true };
        var balance = new Option<bool>("--balance-classes") { Description = "Classification: up-weight positives per target by sqrt(negatives/positives)", DefaultValueFactory = _ => true };
        var bootstrap = new Option<bool>("--bootstrap") { Description = "Each member trains on its own bootstrap sample of the training part", DefaultValueFactory = _ => false };
        var refit = new Option<bool>("--refit") { Description = "After early stopping, retrain each member on train + validation for its best epoch count", DefaultValueFactory = _ => true };
        var dropout = new Option<double>("--dropout") { Description = "Dropout between hidden layers", DefaultValueFactory = _ => 0.2 };
        var decay = new Option<double>("--weight-decay") { Description = "Adam weight decay", DefaultValueFactory = _ => 1e-5 };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate", DefaultValueFactory = _ => 1e-3 };
        var arch = new Option<string>("--arch") { Description = "mlp (ECFP4 + descriptor MLP), dmpnn (Chemprop-style directed message passing over the molecular graph, plus the descriptors), or mlp+dmpnn (both on the same split in one model; prediction = mean of the two ensembles' means)", DefaultValueFactory = _ => "mlp" };
        var mpEnsemble = new Option<int?>("--mp-ensemble") { Description = "mlp+dmpnn: D-MPNN members (--ensemble is then the MLP's; default: the same as --ensemble)" };
        var mpHidden = new Option<int>("--mp-hidden") { Description = "D-MPNN: message (bond state) width", DefaultValueFactory = _ => 300 };
        var mpDepth = new Option<int>("--mp-depth") { Description = "D-MPNN: message-passing steps", DefaultValueFactory = _ => 3 };
        var mpFfn = new Option<int>("--mp-ffn") { Description = "D-MPNN: feed-forward head width", DefaultValueFactory = _ => 300 };
        var mpDropout = new Option<double>("--mp-dropout") { Description = "D-MPNN: dropout", DefaultValueFactory = _ => 0.1 };
        var mpEpochs = new Option<int>("--mp-epochs") { Description = "D-MPNN: maximum epochs (early stopping as for the MLP)", DefaultValueFactory = _ => 20 };
        var outDir = new Option<DirectoryInfo>("--out", "-o") { Description = "Model directory to write", Required = true };
        var cmd = new Command("train", "Train a property predictor (fingerprint + descriptor MLP ensemble, --arch dmpnn, or both with --arch mlp+dmpnn) on a scaffold split") { data, smiles, target, task, split, ensemble, seed, name, hidden, epochs, varianceHead, balance, bootstrap, refit, dropout, decay, lr, arch, mpHidden, mpDepth, mpFfn, mpDropout, mpEpochs, mpEnsemble, outDir };
        cmd.SetAction(pr =>
        {
            var dir = pr.GetValue(outDir)!.FullName;
            var options = new TrainingOptions
            {
                DataPath = pr.GetValue(data)!.FullName,
                CommandLine = "molscreen " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(a => a.Contains(' ') ? $"'{a}'" : a)),
                SmilesColumn = pr.GetValue(smiles)!,
                Targets = pr.GetValue(target)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Task = pr.GetValue(task) switch
                {
                    "regression" => OutputKind.Regression,
                    "classification" => OutputKind.Classification,
                    var t => throw new UsageException($"--task: '{t}' is not regression or classification"),
                },
                Split = pr.GetValue(split) switch
                {
                    "scaffold" => SplitMethod.Scaffold,
                    "random" => SplitMethod.Random,
                    var s => throw new UsageException($"--split: '{s}' is not scaffold or random"),
                },
                Ensemble = pr.GetValue(ensemble),
                Seed = pr.GetValue(seed),
                Name = pr.GetValue(name) ?? ModelTrainer.ColumnSafe(Path.GetFileName(dir.TrimEnd('/'))),
                Hidden = ParseHidden(pr.GetValue(hidden)!),
                Dropout = pr.GetValue(dropout) is >= 0 and < 1 and var d ? d : throw new UsageException("--dropout must be in [0, 1)"),
                WeightDecay = pr.GetValue(decay) is >= 0 and var wd ? wd : throw new UsageException("--weight-decay must be non-negative"),
                LearningRate = pr.GetValue(lr) is > 0 and var rate ? rate : throw new UsageException("--lr must be positive"),
                VarianceHead = pr.GetValue(varianceHead),
                BalanceClasses = pr.GetValue(balance),
                Bootstrap = pr.GetValue(bootstrap),
                Refit = pr.GetValue(refit),
                MaxEpochs = pr.GetValue(epochs) is > 0 and var maxEpochs ? maxEpochs : throw new UsageException("--epochs must be positive"),
                Architecture = pr.GetValue(arch) switch
                {
                    "mlp" => ModelArchitecture.Mlp,
                    "dmpnn" => ModelArchitecture.Dmpnn,
                    "mlp+dmpnn" => ModelArchitecture.MlpDmpnn,
                    var a => throw new UsageException($"--arch: '{a}' is not mlp, dmpnn or mlp+dmpnn"),
                },
                Graph = new DmpnnSettings
                {
                    Hidden = pr.GetValue(mpHidden) is > 0 and var mh ? mh : throw new UsageException("--mp-hidden must be positive"),
                    Depth = pr.GetValue(mpDepth) is >= 0 and var md ? md : throw new UsageException("--mp-depth must be non-negative"),
                    Ffn = pr.GetValue(mpFfn) is > 0 and var mf ? mf : throw new UsageException("--mp-ffn must be positive"),
                    Dropout = pr.GetValue(mpDropout) is >= 0 and < 1 and var mdo ? mdo : throw new UsageException("--mp-dropout must be in [0, 1)"),
                    MaxEpochs = pr.GetValue(mpEpochs) is > 0 and var me ? me : throw new UsageException("--mp-epochs must be positive"),
                    Ensemble = pr.GetValue(mpEnsemble) switch
                    {
                        null => null,
                        > 0 and var mk when pr.GetValue(arch) == "mlp+dmpnn" => mk,
                        > 0 => throw new UsageException("--mp-ensemble is for --arch mlp+dmpnn (with --arch dmpnn, --ensemble is the D-MPNN's count)"),
                        _ => throw new UsageException("--mp-ensemble must be positive"),
                    },
                },
            };
            try
            {
                var m = ModelTrainer.Train(options, dir, Console.WriteLine);
                Console.WriteLine($"wrote {dir} ({m.Members.Length} members, {m.TrainingSeconds} s)");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or FileNotFoundException)
            {
                throw new UsageException(e.Message);
            }
        });
        return cmd;
    }

    private static int[] ParseHidden(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var widths = parts.Select(p => int.TryParse(p, out var w) && w > 0 ? w : throw new UsageException($"--hidden: '{p}' is not a positive width")).ToArray();
        return widths.Length > 0 ? widths : throw new UsageException("--hidden: give at least one width");
    }
}
