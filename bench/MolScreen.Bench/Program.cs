using MolScreen.Bench;

// Benchmarks print rows; figures go to docs/benchmarks.md with machine, date and command.
// Usage: dotnet run -c Release --project bench/MolScreen.Bench -- dock [--only 1p62,1owe] (ours vs vina redocking)
// Usage: dotnet run -c Release --project bench/MolScreen.Bench -- ingest [--records 100000,1000000] [--workers N] [--json FILE] [--dir DIR]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        usage: MolScreen.Bench BENCHMARK [options]
          ingest [--records N,N...] [--workers N] [--json FILE] [--dir DIR] [--shared DIR]
          featurize [--smiles FILE]
          tanimoto [--library N] [--queries Q]
          prepare [--smiles FILE] [--count N] [--steps S]
          predict-throughput [--compounds 1000000] [--threads 2] [--models DIR,...]
          predict-accuracy [--tasks logs,logd,bbbp,herg,tox21] [--seeds 3 | --seed-list 1,2] [--epochs N] [--ensemble K] [--hidden 128,64] [--dropout D]
                           [--patience N] [--variance-head true|false] [--balance true|false] [--bootstrap true|false] [--lr X] [--weight-decay X] [--no-peer] [--dir DIR] [--shared DIR]
                           [--arch mlp|dmpnn|mlp+dmpnn] [--mp-ensemble K] [--mp-hidden 300] [--mp-depth 3] [--mp-ffn 300] [--mp-dropout 0.1] [--mp-epochs 20] [--reuse]
          rpi-cv [--sets RPI1807,NPInter] [--protocol pair|protein] [--no-dedupe] [--epochs N] [--hidden 256,64] [--dropout D] [--seed N] [--fold-seed N]
                 [--profiles none|protein|pair] [--tau T] [--members N]
                 [--tune none|threshold|full] [--max-epochs N] [--threshold-rule accuracy|prevalence] [--match-counts|--no-match-counts]   (inner-split choice of threshold / epochs; default none)
                 [--own-rna]   (pair-neighbour block includes the query's own RNA: the layout before 2026-12-05)
                 [--balance-only]   (print per-protein label balance per set and outer training fold; no training)
                 [--own-protein | --no-own-protein]   (keep / always neutralize the query protein's own-label profile values; default: decided per training fold by ProteinBalance)
                 [--blend W] [--trees N:DEPTH:LR[:FEATFRAC],...]   (boosted trees blended with weight W into the networks)
                 [--select-blend [--weights 0,0.25,...]]   (inner-split ROC-AUC/accuracy of every tree variant × weight; no outer scoring)
          dock [--only ID,ID] [--exhaustiveness N] [--cpu N] [--shared DIR] [--mode balance|quick|fast|detail] [--dump FILE.jsonl] [--no-peer] [--seed S]
          dock --eval-rate [--only ID,ID] [--evals 200000] [--repeats 3]   (grid build CPU s and energy+gradient evaluations per CPU-second)
          rerank-eval --dump FILE.jsonl[,FILE...] [--num-poses 9] [--peer vina.csv]   (pose re-ranking, tuning vs validation half, from a dock dump)
          fep-ranking [--targets cdk2,tyk2,...] [--mode fast] [--exhaustiveness N] [--workers N] [--shared DIR]
          dude-enrichment [--actives N] [--decoys N] [--mode fast|balance|detail] [--exhaustiveness N] [--seed N] [--cpu N] [--vina | --vina-only] [--shared DIR]
          rpi-interface [--epochs N] [--seed N] [--fold-seed N]
          mmcif [--cif datasets/targets/6zu5.cif] [--repeats 3]
          ribosome-interface [--cif datasets/targets/6zu5.cif] [--chains LOO,LGG,...] [--models datasets/models]
          conformer-survey [--set tuning|heldout] [--tsv FILE] [--shared DIR]   (3D builds vs the force field's converged minimum)
          dock-table --csv FILE[,FILE...]   (docs' docking speed table from committed per-complex rows, bench/results/dock/*.csv)
          forest-inputs --tasks logs,... --seed-list 0,1,2 --dir DIR [--shared DIR]   (split.csv and our model inputs per task and seed, for the forest peer)
          al-replay [--seeds 5] [--acquisition random,greedy,ucb] [--epochs 50] [--ensemble 3] [--dir DIR] [--shared DIR]
          fuzz [--count 1000000] [--seed 1] [--batch-limit-s 120] [--dir DIR]   (mutated SMILES/SDF/YAML through ingest, featurize, workflow loading)
        """);
    return args.Length == 0 ? 2 : 0;
}
string Arg(string name, string fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
switch (args[0])
{
    case "dock-table":
        var dockRows = Arg("--csv", "").Split(',', StringSplitOptions.RemoveEmptyEntries).SelectMany(MolScreen.Testing.DockRunRow.ReadCsv).ToList();
        if (dockRows.Count == 0) { Console.Error.WriteLine("dock-table: --csv FILE[,FILE...] is required"); return 2; }
        Console.Write(MolScreen.Testing.DockSpeedTable.Markdown(MolScreen.Testing.DockSpeedSummary.Of(dockRows)));
        return 0;
    case "forest-inputs":
        var fiRepo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        ForestInputs.Run(Arg("--shared", Path.GetFullPath(Path.Combine(fiRepo, "..", "shared", "data"))),
            Arg("--tasks", "logs,logd,bbbp,herg,tox21").Split(','), Arg("--seed-list", "0,1,2").Split(',').Select(int.Parse).ToList(),
            Arg("--dir", Path.Combine(Path.GetTempPath(), "molscreen-forest-inputs")));
        return 0;
    case "conformer-survey":
        var benchRepo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        ConformerSurveyBenchmark.Run(Arg("--set", "tuning"), Arg("--shared", Path.GetFullPath(Path.Combine(benchRepo, "..", "shared", "data"))),
            Arg("--tsv", "") is { Length: > 0 } tsvFile ? tsvFile : null);
        return 0;
    case "fuzz":
    {
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");
        var t = MolScreen.Bench.FuzzBenchmark.Run(int.Parse(Arg("--count", "1000000")), int.Parse(Arg("--seed", "1")),
            TimeSpan.FromSeconds(double.Parse(Arg("--batch-limit-s", "120"), System.Globalization.CultureInfo.InvariantCulture)), Console.WriteLine,
            Arg("--dir", "") is { Length: > 0 } fuzzDir ? fuzzDir : null);
        Console.WriteLine($"inputs {t.Inputs} (smiles {t.Smiles}, sdf records {t.Sdf}, workflow files {t.Yaml}) in {t.Seconds:F0} s");
        Console.WriteLine($"ingest: out {t.Ingested} + rejected {t.IngestRejected}; featurize: out {t.Featurized} + rejected {t.FeaturizeRejected}");
        Console.WriteLine($"workflows: loaded {t.WorkflowsLoaded}, refused with a located error {t.WorkflowsRefused}");
        Console.WriteLine($"imbalanced batches {t.Imbalanced}, escaped exceptions {t.Escaped}, hangs {t.Hangs}; slowest batch {t.SlowestBatchSeconds:F1} s, slowest workflow {t.SlowestYamlSeconds:F2} s");
        return t.Clean ? 0 : 1;
    }
    case "ingest":
        var sizes = Arg("--records", "100000,1000000").Split(',').Select(int.Parse).ToList();
        var workers = int.Parse(Arg("--workers", Environment.ProcessorCount.ToString()));
        var dir = Arg("--dir", Path.Combine(Path.GetTempPath(), "molscreen-bench"));
        var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var shared = Arg("--shared", Path.GetFullPath(Path.Combine(repo, "..", "shared", "data")));
        IngestBenchmark.Launcher = Path.Combine(repo, "molscreen");
        System.Diagnostics.Process.Start(IngestBenchmark.Launcher, "--version")!.WaitForExit(); // build outside the timings
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");
        IngestBenchmark.PrintHeader();
        var rows = IngestBenchmark.Run(sizes, workers, dir, Directory.Exists(shared) ? shared : null);
        if (Arg("--json", "") is { Length: > 0 } json) IngestBenchmark.WriteJson(json, rows);
        var ours = rows.Where(r => r.Case.StartsWith("molscreen run")).ToList();
        foreach (var r in ours)
        {
            var peer = rows.First(x => x.Records == r.Records && x.Case.StartsWith("DuckDB"));
            Console.WriteLine($"ratio {r.Records} records: molscreen run / DuckDB = {r.RecordsPerSecond / peer.RecordsPerSecond:F2}x throughput");
        }
        if (ours.Count >= 2)
            Console.WriteLine($"memory growth {ours[0].Records} -> {ours[^1].Records} records: peak RSS (largest process) x{(double)ours[^1].PeakMaxProcessMb / ours[0].PeakMaxProcessMb:F2}");
        return 0;
    case "featurize":
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, OMP_NUM_THREADS={Environment.GetEnvironmentVariable("OMP_NUM_THREADS")}");
        FeaturizeBenchmark.Run(Arg("--smiles", "/usr/share/RDKit/Data/NCI/first_5K.smi"), Path.Combine(root, "bench", "peers", "rdkit_featurize.py"));
        return 0;
    case "tanimoto":
        var benchRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");
        TanimotoBenchmark.Run(int.Parse(Arg("--library", "1000000")), int.Parse(Arg("--queries", "32")), Path.Combine(benchRoot, "bench", "peers", "rdkit_tanimoto.py"));
        return 0;
    case "prepare":
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, OMP_NUM_THREADS={Environment.GetEnvironmentVariable("OMP_NUM_THREADS")}");
        PrepareBenchmark.Run(Arg("--smiles", "/usr/share/RDKit/Data/NCI/first_5K.smi"), int.Parse(Arg("--count", "200")), int.Parse(Arg("--steps", "250")));
        return 0;
    case "predict-accuracy":
    {
        var root2 = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var data = Arg("--shared", Environment.GetEnvironmentVariable("MOLSCREEN_SHARED_DATA") ?? Path.Combine(root2, "..", "shared", "data"));
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");
        var tasks = Arg("--tasks", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var defaults = new MolScreen.Prediction.Training.TrainingOptions { DataPath = "", SmilesColumn = "", Targets = [], Task = default, Name = "" };
        PredictAccuracyBenchmark.Run(data, Path.Combine(root2, "bench", "peers", "sklearn_rf_baseline.py"), tasks,
            Arg("--seed-list", "") is { Length: > 0 } list ? list.Split(',').Select(int.Parse).ToArray() : Enumerable.Range(0, int.Parse(Arg("--seeds", "3"))).ToArray(),
            Arg("--dir", Path.Combine(Path.GetTempPath(), "molscreen-predict-accuracy")),
            o => o with
            {
                MaxEpochs = int.Parse(Arg("--epochs", defaults.MaxEpochs.ToString())),
                Ensemble = int.Parse(Arg("--ensemble", defaults.Ensemble.ToString())),
                Hidden = Arg("--hidden", string.Join(',', defaults.Hidden)).Split(',').Select(int.Parse).ToArray(),
                Dropout = double.Parse(Arg("--dropout", defaults.Dropout.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture),
                Patience = int.Parse(Arg("--patience", defaults.Patience.ToString())),
                VarianceHead = bool.Parse(Arg("--variance-head", defaults.VarianceHead.ToString())),
                BalanceClasses = bool.Parse(Arg("--balance", defaults.BalanceClasses.ToString())),
                Bootstrap = bool.Parse(Arg("--bootstrap", defaults.Bootstrap.ToString())),
                Refit = bool.Parse(Arg("--refit", defaults.Refit.ToString())),
                WeightDecay = double.Parse(Arg("--weight-decay", defaults.WeightDecay.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture),
                LearningRate = double.Parse(Arg("--lr", defaults.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture),
            }, withPeer: !args.Contains("--no-peer"), arch: Arg("--arch", "mlp"), reuse: args.Contains("--reuse"),
            configureGraph: o => o with
            {
                Ensemble = int.Parse(Arg("--mp-ensemble", Arg("--ensemble", defaults.Ensemble.ToString()))),
                Graph = new MolScreen.Prediction.Training.DmpnnSettings
                {
                    Hidden = int.Parse(Arg("--mp-hidden", defaults.Graph.Hidden.ToString())),
                    Depth = int.Parse(Arg("--mp-depth", defaults.Graph.Depth.ToString())),
                    Ffn = int.Parse(Arg("--mp-ffn", defaults.Graph.Ffn.ToString())),
                    Dropout = double.Parse(Arg("--mp-dropout", defaults.Graph.Dropout.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture),
                    MaxEpochs = int.Parse(Arg("--mp-epochs", defaults.Graph.MaxEpochs.ToString())),
                },
            });
        return 0;
    }
    case "rpi-cv":
        var rpiRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var rpiShared = Arg("--shared", Environment.GetEnvironmentVariable("MOLSCREEN_SHARED_DATA") ?? Path.GetFullPath(Path.Combine(rpiRoot, "..", "shared", "data")));
        var only = Arg("--sets", "");
        var rpiDefaults = MolScreen.Interactions.PairModel.DefaultOptions;
        var rpiOptions = rpiDefaults with
        {
            Epochs = int.Parse(Arg("--epochs", rpiDefaults.Epochs.ToString())),
            Seed = int.Parse(Arg("--seed", rpiDefaults.Seed.ToString())),
            Hidden = Arg("--hidden", string.Join(',', rpiDefaults.Hidden)).Split(',').Select(int.Parse).ToArray(),
            Dropout = double.Parse(Arg("--dropout", rpiDefaults.Dropout.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture),
        };
        var foldSeed = int.Parse(Arg("--fold-seed", "7"));
        var profileMode = Arg("--profiles", "pair");
        var profileDefaults = MolScreen.Interactions.PairModel.DefaultProfiles;
        MolScreen.Interactions.Features.ProfileOptions? rpiProfiles = profileMode switch
        {
            "none" => null,
            "protein" => profileDefaults with { PairNeighbours = false },
            "pair" => profileDefaults,
            _ => throw new ArgumentException($"--profiles {profileMode}: expected none, protein or pair"),
        };
        if (rpiProfiles != null)
            rpiProfiles = rpiProfiles with { ExcludeOwnRna = args.Contains("--own-rna") ? false : rpiProfiles.ExcludeOwnRna, NeutralizeOwnProtein = args.Contains("--own-protein") ? false : args.Contains("--no-own-protein") ? true : rpiProfiles.NeutralizeOwnProtein, MatchCounts = args.Contains("--match-counts") ? true : args.Contains("--no-match-counts") ? false : rpiProfiles.MatchCounts, Tau = double.Parse(Arg("--tau", rpiProfiles.Tau.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture) };
        var rpiTuning = Arg("--tune", "none") switch
        {
            "none" => null,
            "threshold" => new MolScreen.Interactions.InnerTuning { TuneEpochs = false },
            "full" => new MolScreen.Interactions.InnerTuning(),
            var t => throw new ArgumentException($"--tune {t}: expected none, threshold or full"),
        };
        if (rpiTuning != null)
            rpiTuning = rpiTuning with
            {
                MaxEpochs = int.Parse(Arg("--max-epochs", rpiTuning.MaxEpochs.ToString())),
                Rule = Enum.Parse<MolScreen.Interactions.ThresholdRule>(Arg("--threshold-rule", rpiTuning.Rule.ToString()), ignoreCase: true),
            };
        var rpiMembers = int.Parse(Arg("--members", MolScreen.Interactions.PairModel.DefaultMembers.ToString()));
        double Num(string name, double fallback) => double.Parse(Arg(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);
        // Tree variants as trees:depth:learning-rate[:feature-fraction], comma-separated; the first is the one --blend uses.
        var boostDefaults = MolScreen.Interactions.PairModel.DefaultBlend?.Options ?? new MolScreen.Interactions.Learning.BoostOptions();
        var boostVariants = Arg("--trees", FormattableString.Invariant($"{boostDefaults.Trees}:{boostDefaults.Depth}:{boostDefaults.LearningRate}:{boostDefaults.FeatureSample}")).Split(',').Select(v =>
        {
            var f = v.Split(':').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return boostDefaults with { Trees = (int)f[0], Depth = (int)f[1], LearningRate = f[2], FeatureSample = f.Length > 3 ? f[3] : boostDefaults.FeatureSample };
        }).ToList();
        var blendWeight = Num("--blend", MolScreen.Interactions.PairModel.DefaultBlend?.Weight ?? 0);
        MolScreen.Interactions.TreeBlend? rpiBlend = blendWeight > 0 ? new(boostVariants[0], blendWeight) : null;
        if (args.Contains("--select-blend"))
        {
            var weights = Arg("--weights", "0,0.25,0.5,0.75,1").Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Console.WriteLine($"blend selection on inner splits: members {rpiMembers}, epochs {rpiOptions.Epochs}, weights {string.Join(',', weights)}, fold seed {foldSeed}, {DateTime.UtcNow:HH:mm} UTC");
            for (int v = 0; v < boostVariants.Count; v++) Console.WriteLine($"  v{v}: {boostVariants[v].Describe()}");
            foreach (var s in RpiCvBenchmark.Sets.Where(s => only.Length == 0 || only.Split(',').Contains(s.Set)))
                RpiBlendBenchmark.Run(rpiShared, s.Set, s.Folder, rpiOptions, rpiProfiles, rpiMembers, foldSeed, boostVariants, weights);
            return 0;
        }
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, torch threads {MolScreen.Learning.TorchRuntime.ThreadBudget()}");
        if (args.Contains("--balance-only"))
        {
            // Per-protein label balance and the own-protein decision of every outer training fold; trains nothing.
            foreach (var s in RpiCvBenchmark.Sets.Where(s => only.Length == 0 || only.Split(',').Contains(s.Set)))
                RpiCvBenchmark.PrintProteinBalance(s.Set, MolScreen.Interactions.Sequences.PairDataset.Load(Path.Combine(rpiShared, s.Folder), s.Set).Pairs, 5, foldSeed, rpiProfiles);
            return 0;
        }
        var rpiProtocol = Arg("--protocol", "pair") switch
        {
            "pair" => MolScreen.Interactions.Evaluation.CvProtocol.Pair,
            "protein" => MolScreen.Interactions.Evaluation.CvProtocol.ProteinGrouped,
            var pr => throw new ArgumentException($"--protocol {pr}: expected pair or protein"),
        };
        var rpiDedupe = !args.Contains("--no-dedupe");
        Console.WriteLine($"protocol: {(rpiProtocol == MolScreen.Interactions.Evaluation.CvProtocol.Pair ? "pair-level stratified" : "grouped by protein sequence")} 5-fold on {(rpiDedupe ? "distinct sequence pairs" : "raw pairs (duplicates kept)")}, fold seed {foldSeed}, model seed {rpiOptions.Seed}, MLP {string.Join('-', rpiOptions.Hidden)} dropout {rpiOptions.Dropout} epochs {rpiOptions.Epochs} batch {rpiOptions.BatchSize} lr {rpiOptions.LearningRate}, members {rpiMembers}, features {MolScreen.Interactions.PairModel.Layout(rpiProfiles)}, {rpiTuning?.Describe() ?? "no inner tuning (fixed epochs, threshold 0.5)"}, {rpiBlend?.Describe() ?? "networks only"}");
        RpiCvBenchmark.PrintHeader();
        foreach (var s in RpiCvBenchmark.Sets.Where(s => only.Length == 0 || only.Split(',').Contains(s.Set)))
            RpiCvBenchmark.Run(rpiShared, s.Set, s.Folder, s.PeerAcc, s.PeerAuc, rpiOptions, rpiProfiles, rpiMembers, foldSeed, rpiTuning, rpiBlend, protocol: rpiProtocol, dedupe: rpiDedupe);
        return 0;
    case "mmcif":
        var cifRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");
        MmcifBenchmark.Run(Arg("--cif", Path.Combine(cifRoot, "datasets", "targets", "6zu5.cif")), Path.Combine(cifRoot, "bench", "peers", "gemmi_mmcif.py"), int.Parse(Arg("--repeats", "3")));
        return 0;
    case "ribosome-interface":
        var riRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");
        RibosomeInterfaceBenchmark.Run(Arg("--cif", Path.Combine(riRoot, "datasets", "targets", "6zu5.cif")), Arg("--models", Path.Combine(riRoot, "datasets", "models")),
            Arg("--chains", "LOO,LGG,SX0,LEE,LA0,SAA,LR0,SI0,LDD,LBB").Split(','));
        return 0;
    case "rpi-interface":
        var ifRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var ifShared = Arg("--shared", Environment.GetEnvironmentVariable("MOLSCREEN_SHARED_DATA") ?? Path.GetFullPath(Path.Combine(ifRoot, "..", "shared", "data")));
        var ifOptions = MolScreen.Interactions.Interface.InterfaceTraining.DefaultOptions;
        ifOptions = ifOptions with { Epochs = int.Parse(Arg("--epochs", ifOptions.Epochs.ToString())), Seed = int.Parse(Arg("--seed", ifOptions.Seed.ToString())) };
        var ifFoldSeed = int.Parse(Arg("--fold-seed", "7"));
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, torch threads {MolScreen.Learning.TorchRuntime.ThreadBudget()}");
        Console.WriteLine($"protocol: 5 folds over complexes, fold seed {ifFoldSeed}, model seed {ifOptions.Seed}, MLP {string.Join('-', ifOptions.Hidden)} dropout {ifOptions.Dropout} epochs {ifOptions.Epochs} batch {ifOptions.BatchSize}; threshold = training interface rate");
        RpiInterfaceBenchmark.Run(ifShared, ifOptions, ifFoldSeed);
        return 0;
    case "dock":
        var repoRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var sharedData = Arg("--shared", Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "data")));
        var onlyIds = Arg("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        if (args.Contains("--eval-rate"))
        {
            Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            return DockEvalRate.Run(sharedData, onlyIds, int.Parse(Arg("--evals", "200000")), int.Parse(Arg("--repeats", "3")));
        }
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}; peer: vina (AutoDock Vina 1.2.3, Debian)");
        return DockBenchmark.Run(sharedData, onlyIds, int.Parse(Arg("--exhaustiveness", "8")), int.Parse(Arg("--cpu", Environment.ProcessorCount.ToString())),
            Enum.Parse<MolScreen.Docking.Search.SearchMode>(Arg("--mode", "balance"), ignoreCase: true),
            args.Contains("--dump") ? Arg("--dump", "") : null, !args.Contains("--no-peer"), o =>
            {
                // search settings overridden for tuning runs; the reported quick-mode rows use the defaults
                float F(string name, float v) => float.Parse(Arg(name, v.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);
                return o with
                {
                    Patience = F("--patience", o.Patience), Consensus = F("--consensus", o.Consensus),
                    ConsensusRmsd = F("--consensus-rmsd", o.ConsensusRmsd), ConsensusEnergy = F("--consensus-energy", o.ConsensusEnergy),
                    ConsensusRound = F("--consensus-round", o.ConsensusRound),
                    SkipVisited = bool.Parse(Arg("--skip-visited", o.SkipVisited.ToString())),
                };
            }, long.Parse(Arg("--seed", "1")));
    case "rerank-eval":
        return RerankEvaluation.Run(Arg("--dump", "dock-dump.jsonl"), int.Parse(Arg("--num-poses", "9")), args.Contains("--peer") ? Arg("--peer", "") : null);
    case "fep-ranking":
        var fepShared = Arg("--shared", Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "data")));
        var fepTargets = Arg("--targets", "cdk2,thrombin_core,tyk2,ptp1b,p38,bace,jnk1_manual_flips,mcl1_extra_flips").Split(',', StringSplitOptions.RemoveEmptyEntries);
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");
        return FepRankingBenchmark.Run(fepShared, fepTargets, Arg("--mode", "fast"), int.Parse(Arg("--exhaustiveness", "4")), int.Parse(Arg("--workers", Environment.ProcessorCount.ToString())));
    case "dude-enrichment":
        var dudeShared = Arg("--shared", Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "data")));
        var dudeOptions = new MolScreen.Docking.Search.DockingOptions
        {
            Exhaustiveness = int.Parse(Arg("--exhaustiveness", "4")), Seed = long.Parse(Arg("--seed", "42")), NumPoses = 1,
            Mode = Enum.Parse<MolScreen.Docking.Search.SearchMode>(Arg("--mode", "fast"), ignoreCase: true),
            MaxThreads = 1,
        };
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");
        var dude = args.Contains("--vina-only") ? null : DudeEnrichment.Run(dudeShared, int.Parse(Arg("--actives", "102")), int.Parse(Arg("--decoys", "400")), dudeOptions,
            int.Parse(Arg("--cpu", Environment.ProcessorCount.ToString())));
        if (dude != null) Console.WriteLine($"DUD-E def, {dudeOptions.Mode} exhaustiveness {dudeOptions.Exhaustiveness} seed {dudeOptions.Seed}: {dude.Ligands.Count(l => l.Active)} actives + {dude.Ligands.Count(l => !l.Active)} decoys docked, {dude.Failed} failed, {dude.Seconds:F0} s");
        if (dude != null) Console.WriteLine($"median rank by dock score: actives {dude.MedianActiveRank:F1}, decoys {dude.MedianDecoyRank:F1}; ROC AUC {dude.RocAuc:F3}; EF1% {dude.Ef1:F2}");
        if (args.Contains("--vina") || args.Contains("--vina-only"))
        {
            var vina = DudeEnrichment.RunVina(dudeShared, int.Parse(Arg("--actives", "102")), int.Parse(Arg("--decoys", "400")), dudeOptions.Exhaustiveness,
                dudeOptions.Seed, int.Parse(Arg("--cpu", Environment.ProcessorCount.ToString())));
            Console.WriteLine($"vina 1.2.3, exhaustiveness {dudeOptions.Exhaustiveness} seed {dudeOptions.Seed}: {vina.Ligands.Count} docked, {vina.Failed} failed, {vina.Seconds:F0} s; " +
                $"median rank actives {vina.MedianActiveRank:F1}, decoys {vina.MedianDecoyRank:F1}; ROC AUC {vina.RocAuc:F3}; EF1% {vina.Ef1:F2}; time ours/vina {(dude?.Seconds / vina.Seconds)?.ToString("F2") ?? "-"}");
        }
        return 0;
    case "predict-throughput":
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");
        PredictThroughputBenchmark.Run(Arg("--smiles", "/usr/share/RDKit/Data/NCI/first_5K.smi"), int.Parse(Arg("--compounds", "1000000")),
            int.Parse(Arg("--threads", "2")), Arg("--models", "").Split(',', StringSplitOptions.RemoveEmptyEntries));
        return 0;
    case "al-replay":
        var alRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}");
        return await ActiveLearningReplay.RunAsync(Arg("--shared", Path.GetFullPath(Path.Combine(alRoot, "..", "shared", "data"))), int.Parse(Arg("--seeds", "5")),
            Arg("--acquisition", "random,greedy,ucb").Split(','), int.Parse(Arg("--epochs", "50")), int.Parse(Arg("--ensemble", "3")),
            Arg("--dir", Path.Combine(Path.GetTempPath(), "molscreen-al-replay")));
    default:
        Console.Error.WriteLine($"unknown benchmark '{args[0]}'");
        return 2;
}
