using System.CommandLine;
using MolScreen.Interactions;

namespace MolScreen.Cli.Commands;

/// <summary>`molscreen rpi-train`: trains the RNA–protein pair and interface models with their model cards.</summary>
internal static class RpiTrainCommand
{
    public static Command Create()
    {
        var shared = new Option<DirectoryInfo?>("--shared-data") { Description = "Folder holding rpi-benchmarks/, npinter-edlmfc/, prdbv3-subset/ (default: MOLSCREEN_SHARED_DATA or ../shared/data)" };
        var outDir = new Option<DirectoryInfo>("--out", "-o") { Description = "Where rpi-pair/ and rpi-interface/ are written", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("datasets", "models")) };
        var sets = new Option<string>("--pair-sets") { Description = "Comma-separated pair benchmarks to train on (RPI369, RPI488, RPI1807, RPI2241, NPInter)", DefaultValueFactory = _ => "RPI1807" };
        var pairEpochs = new Option<int>("--pair-epochs") { Description = "Training epochs of the pair model", DefaultValueFactory = _ => PairModel.DefaultOptions.Epochs };
        var ifaceEpochs = new Option<int>("--interface-epochs") { Description = "Training epochs of the interface model", DefaultValueFactory = _ => Interactions.Interface.InterfaceTraining.DefaultOptions.Epochs };
        var complexes = new Option<int>("--interface-complexes") { Description = "Train the interface model on the first N complexes by name (0 = all)", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Model seed (weights init, dropout, minibatch order)", DefaultValueFactory = _ => PairModel.DefaultOptions.Seed };
        var members = new Option<int>("--pair-members") { Description = "Pair-model networks averaged (seeds SEED, SEED+1, …)", DefaultValueFactory = _ => PairModel.DefaultMembers };
        var noProfiles = new Option<bool>("--no-partner-profiles") { Description = "Train the pair model on sequence features alone, without profiles of the training pairs' members" };
        var tuning = new Option<string>("--pair-tuning") { Description = "none: fixed epochs and threshold 0.5 (default); threshold: threshold from an inner validation split; full: epochs and threshold from it", DefaultValueFactory = _ => "none" };
        var treeWeight = new Option<double>("--pair-tree-weight") { Description = "Weight of the boosted trees blended into the pair networks' probability (0 = networks only)", DefaultValueFactory = _ => PairModel.DefaultBlend?.Weight ?? 0 };
        var noCv = new Option<bool>("--no-cv") { Description = "Skip the 5-fold cross-validation that fills the model cards' figures" };
        var cmd = new Command("rpi-train", "Train the RNA–protein interaction models (sequence pair and per-residue interface) and write model cards")
            { shared, outDir, sets, pairEpochs, ifaceEpochs, complexes, seed, members, noProfiles, tuning, treeWeight, noCv };
        cmd.SetAction(pr =>
        {
            var data = pr.GetValue(shared)?.FullName
                ?? Environment.GetEnvironmentVariable("MOLSCREEN_SHARED_DATA")
                ?? Path.GetFullPath(Path.Combine("..", "shared", "data"));
            if (!Directory.Exists(data)) throw new UsageException($"shared data folder not found: {data} (pass --shared-data)");
            var setList = pr.GetValue(sets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (setList.Length == 0) throw new UsageException("--pair-sets is empty");
            var known = new[] { "RPI369", "RPI488", "RPI1807", "RPI2241", "NPInter" };
            foreach (var s in setList)
                if (!known.Contains(s)) throw new UsageException($"unknown pair set '{s}': expected one of {string.Join(", ", known)}");
            if (pr.GetValue(pairEpochs) < 1 || pr.GetValue(ifaceEpochs) < 1) throw new UsageException("epochs must be at least 1");
            if (pr.GetValue(members) < 1) throw new UsageException("--pair-members must be at least 1");
            var w = pr.GetValue(treeWeight);
            if (w is < 0 or > 1) throw new UsageException("--pair-tree-weight must lie in [0, 1]");
            InnerTuning? pairTuning = pr.GetValue(tuning) switch
            {
                "none" => null,
                "threshold" => new InnerTuning { TuneEpochs = false },
                "full" => new InnerTuning(),
                var t => throw new UsageException($"--pair-tuning {t}: expected none, threshold or full"),
            };
            if (pairTuning != null && w > 0) throw new UsageException("--pair-tuning scores the networks only: pass --pair-tree-weight 0 with it");
            DefaultModels.Train(new RpiTrainSettings
            {
                SharedData = data,
                OutDirectory = pr.GetValue(outDir)!.FullName,
                PairSets = setList,
                PairOptions = PairModel.DefaultOptions with { Epochs = pr.GetValue(pairEpochs), Seed = pr.GetValue(seed) },
                PairMembers = pr.GetValue(members),
                PairTuning = pairTuning,
                PairBlend = w == 0 ? null : new TreeBlend(PairModel.DefaultBlend?.Options ?? new Interactions.Learning.BoostOptions(), w),
                PairProfiles = pr.GetValue(noProfiles) ? null : PairModel.DefaultProfiles,
                InterfaceOptions = Interactions.Interface.InterfaceTraining.DefaultOptions with { Epochs = pr.GetValue(ifaceEpochs), Seed = pr.GetValue(seed) },
                InterfaceComplexes = Math.Max(0, pr.GetValue(complexes)),
                CrossValidate = !pr.GetValue(noCv),
                CommandLine = "molscreen " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            }, Console.Out);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
