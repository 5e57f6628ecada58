using System.CommandLine;
using System.Globalization;
using System.Text;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Docking;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Output;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;
using MolScreen.Kernels.Docking;

namespace MolScreen.Cli.Commands;

/// <summary>
/// `molscreen dock`: docks PDBQT ligands into one receptor (CPU engine, or the batched GPU kernels with --device gpu/auto). Writes DIR/poses.parquet, DIR/poses.sdf,
/// DIR/poses/&lt;id&gt;.pdbqt and DIR/rejects.parquet; a ligand that fails is rejected with its reason and the batch goes on.
/// </summary>
internal static class DockCommand
{
    public static Command Create()
    {
        var receptor = new Option<FileInfo>("--receptor") { Description = "Receptor PDBQT or PDB", Required = true };
        var ligands = new Option<FileInfo[]>("--ligands") { Description = "Ligand PDBQT files (one ligand each)", Required = true, AllowMultipleArgumentsPerToken = true };
        var center = new Option<float[]>("--center") { Description = "Box centre X Y Z (Å)", AllowMultipleArgumentsPerToken = true, Arity = new ArgumentArity(3, 3) };
        var size = new Option<float[]>("--size") { Description = "Box size X Y Z (Å)", AllowMultipleArgumentsPerToken = true, Arity = new ArgumentArity(3, 3) };
        var boxFrom = new Option<FileInfo>("--box-from-ligand") { Description = "Reference ligand (PDBQT/SDF): centroid, side max(20, extent + 10) Å" };
        var exhaustiveness = new Option<int>("--exhaustiveness") { Description = "Monte Carlo chains", DefaultValueFactory = _ => 8 };
        var mode = new Option<string>("--mode") { Description = "fast | balance | detail | quick", DefaultValueFactory = _ => "balance" };
        var seed = new Option<long>("--seed") { Description = "Random seed (same seed, same output)", DefaultValueFactory = _ => 1 };
        var numPoses = new Option<int>("--num-poses") { Description = "Poses reported per ligand", DefaultValueFactory = _ => 9 };
        var device = new Option<string>("--device") { Description = "auto (CUDA if present) | cpu | gpu | ilgpu-cpu (GPU kernels emulated, for tests)", DefaultValueFactory = _ => "auto" };
        var gpuLanes = new Option<int?>("--gpu-lanes") { Description = "GPU search: threads per Monte Carlo chain, 1|2|4|8|16|32 (default: the device's, 8 on CUDA)" };
        var scoring = new Option<string>("--scoring") { Description = "vina | vinardo", DefaultValueFactory = _ => "vina" };
        var ranking = new Option<string>("--ranking") { Description = "Pose order: " + string.Join(" | ", PoseRanker.Names) + " (scores stay Vina's)", DefaultValueFactory = _ => PoseRanker.Name(new DockingOptions().Ranking) };
        var scoreOnly = new Option<bool>("--score-only") { Description = "Score the input poses only" };
        var localOnly = new Option<bool>("--local-only") { Description = "Minimise the input poses locally, no search" };
        var keepWaters = new Option<bool>("--keep-waters") { Description = "Keep receptor waters" };
        var keepIons = new Option<bool>("--keep-ions") { Description = "Keep lone alkali/halide ions" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder", Required = true };
        var cmd = new Command("dock", "Dock ligands into a receptor (Vina-compatible scoring and search)")
        {
            receptor, ligands, center, size, boxFrom, exhaustiveness, mode, seed, numPoses, device, gpuLanes, scoring, ranking, scoreOnly, localOnly, keepWaters, keepIons, output,
        };
        cmd.SetAction(async pr =>
        {
            string dev = pr.GetValue(device)!.ToLowerInvariant();
            if (dev is not ("auto" or "cpu" or "gpu" or "ilgpu-cpu")) throw new UsageException($"--device {dev}: expected auto, cpu, gpu or ilgpu-cpu");
            var searchMode = pr.GetValue(mode)!.ToLowerInvariant() switch
            {
                "fast" => SearchMode.Fast, "balance" => SearchMode.Balance, "detail" => SearchMode.Detail, "quick" => SearchMode.Quick,
                var m => throw new UsageException($"--mode {m}: expected fast, balance, detail or quick"),
            };
            var weights = pr.GetValue(scoring)!.ToLowerInvariant() switch
            {
                "vina" => ScoringWeights.Vina, "vinardo" => ScoringWeights.VinardoDefault,
                var s => throw new UsageException($"--scoring {s}: expected vina or vinardo"),
            };
            if (pr.GetValue(scoreOnly) && pr.GetValue(localOnly)) throw new UsageException("--score-only and --local-only exclude each other");
            DockingOptions options;
            try
            {
                options = new DockingOptions
                {
                    Exhaustiveness = pr.GetValue(exhaustiveness), Mode = searchMode, Seed = pr.GetValue(seed), NumPoses = pr.GetValue(numPoses),
                    Ranking = PoseRanker.Parse(pr.GetValue(ranking)!), GpuLanes = pr.GetValue(gpuLanes),
                }.Validate();
            }
            catch (DockingException e) { throw new UsageException(e.Message); }
            Receptor rec;
            GridBox box;
            try
            {
                rec = ReceptorReader.Read(pr.GetValue(receptor)!.FullName, new ReceptorOptions(pr.GetValue(keepWaters), pr.GetValue(keepIons)));
                box = Box(pr.GetValue(center), pr.GetValue(size), pr.GetValue(boxFrom));
            }
            catch (DockingException e) { throw new UsageException(e.Message); }
            DockingEngine engine;
            try { engine = new DockingEngine(rec, box, weights); } catch (DockingException e) { throw new UsageException(e.Message); }
            // the search runs on the device when one is selected; scoring and local optimisation of input poses stay on the CPU
            bool search = !pr.GetValue(scoreOnly) && !pr.GetValue(localOnly);
            GpuDockingSession? gpu;
            try { gpu = search ? GpuDockingSession.Open(dev) : null; } catch (DockingException e) { throw new UsageException(e.Message); }
            using var gpuScope = gpu;
            string deviceLabel = gpu == null ? "cpu" : gpu.IsGpu ? "gpu" : "ilgpu-cpu";
            var files = pr.GetValue(ligands)!;
            var gpuResults = new Dictionary<int, (DockingResult? Result, string? Error)>();
            if (gpu != null)
            {
                var readable = new List<(int Index, LigandModel Ligand)>();
                for (int i = 0; i < files.Length; i++)
                {
                    try { readable.Add((i, LigandReader.Read(files[i].FullName))); }
                    catch (DockingException e) { gpuResults[i] = (null, e.Message); }
                }
                (DockingResult? Result, string? Error)[] docked;
                // per-ligand problems come back in the results; what throws is a setting the device cannot run (--gpu-lanes)
                try { docked = gpu.Dock(engine, readable.Select(r => r.Ligand).ToList(), options); }
                catch (DockingException e) { throw new UsageException(e.Message); }
                for (int k = 0; k < readable.Count; k++) gpuResults[readable[k].Index] = docked[k];
                Console.WriteLine($"searched {readable.Count} ligands on {gpu.Device}");
            }
            string runMode = pr.GetValue(scoreOnly) ? "score_only" : pr.GetValue(localOnly) ? "local_only" : searchMode.ToString().ToLowerInvariant();
            var outDir = pr.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.Combine(outDir, "poses"));
            var rows = new List<PoseTable.Row>();
            var rejects = new List<Reject>();
            var sdf = new StringBuilder();
            for (int i = 0; i < files.Length; i++)
            {
                var f = files[i];
                string id = Path.GetFileNameWithoutExtension(f.Name);
                try
                {
                    var lig = LigandReader.Read(f.FullName);
                    var result = gpu != null ? gpuResults[i].Result ?? throw new DockingException(gpuResults[i].Error!)
                        : pr.GetValue(scoreOnly) ? engine.ScoreOnly(lig) : pr.GetValue(localOnly) ? engine.LocalOnly(lig) : engine.Dock(lig, options);
                    foreach (var p in result.Poses)
                    {
                        rows.Add(new PoseTable.Row(id, p, options.Seed, runMode, deviceLabel));
                        PoseWriters.AppendSdf(sdf, id, lig, p, options.Seed, runMode, deviceLabel);
                    }
                    AtomicFile.WriteAllText(Path.Combine(outDir, "poses", id + ".pdbqt"), PoseWriters.Pdbqt(lig, result.Poses));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{SafeText.ForDisplay(id)}: {result.Poses.Count} poses, best {(result.Poses.Count > 0 ? result.Poses[0].Score : float.NaN):F3} kcal/mol, {result.Seconds:F1} s"));
                }
                catch (DockingException e)
                {
                    rejects.Add(new Reject(id, f.Name, 0, null, "dock", e.Message));
                    Console.Error.WriteLine($"rejected {SafeText.ForDisplay(id)}: {SafeText.ForDisplay(e.Message)}");
                }
            }
            await using (var w = await TableWriter.CreateAsync(Path.Combine(outDir, "poses.parquet"), PoseTable.Schema))
            {
                await w.WriteRowGroupAsync(PoseTable.ToColumns(rows));
                await w.CommitAsync();
            }
            await using (var w = await TableWriter.CreateAsync(Path.Combine(outDir, "rejects.parquet"), RejectSink.Schema))
            {
                await w.WriteRowGroupAsync(RejectSink.ToColumns(rejects));
                await w.CommitAsync();
            }
            AtomicFile.WriteAllText(Path.Combine(outDir, "poses.sdf"), sdf.ToString());
            Console.WriteLine($"{pr.GetValue(ligands)!.Length} ligands: {pr.GetValue(ligands)!.Length - rejects.Count} docked, {rejects.Count} rejected; {rows.Count} poses in {outDir}");
            return rejects.Count == pr.GetValue(ligands)!.Length ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return cmd;
    }

    static GridBox Box(float[]? center, float[]? size, FileInfo? reference)
    {
        // System.CommandLine gives an unset array option as an empty array, not null.
        if (center is { Length: 0 }) center = null;
        if (size is { Length: 0 }) size = null;
        if (reference != null)
        {
            if (center != null || size != null) throw new UsageException("give either --center/--size or --box-from-ligand, not both");
            var (x, y, z) = HeavyAtoms(reference.FullName);
            return GridBox.FromLigand(x, y, z);
        }
        if (center == null || size == null) throw new UsageException("a box is needed: --center X Y Z --size X Y Z, or --box-from-ligand FILE");
        return new GridBox(center[0], center[1], center[2], size[0], size[1], size[2]).Validate();
    }

    static (float[], float[], float[]) HeavyAtoms(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: no such file");
        if (path.EndsWith(".pdbqt", StringComparison.OrdinalIgnoreCase))
        {
            var lig = LigandReader.Read(path);
            var idx = Enumerable.Range(0, lig.AtomCount).Where(i => !Docking.Typing.AdType.IsHydrogen(lig.Ad[i])).ToArray();
            return (idx.Select(i => lig.X[i]).ToArray(), idx.Select(i => lig.Y[i]).ToArray(), idx.Select(i => lig.Z[i]).ToArray());
        }
        // SDF/MOL V2000: counts line 4, then the atom block
        var lines = File.ReadLines(path).Take(10_000).ToList();
        if (lines.Count < 4 || !int.TryParse(lines[3].AsSpan(0, Math.Min(3, lines[3].Length)).Trim(), out int n))
            throw new UsageException($"{path}: not a V2000 SDF/MOL file or PDBQT");
        var xs = new List<float>(); var ys = new List<float>(); var zs = new List<float>();
        for (int k = 0; k < n && 4 + k < lines.Count; k++)
        {
            var l = lines[4 + k];
            if (l.Length < 34 || l.Substring(31, 3).Trim() == "H") continue;
            xs.Add(float.Parse(l.AsSpan(0, 10), CultureInfo.InvariantCulture));
            ys.Add(float.Parse(l.AsSpan(10, 10), CultureInfo.InvariantCulture));
            zs.Add(float.Parse(l.AsSpan(20, 10), CultureInfo.InvariantCulture));
        }
        return (xs.ToArray(), ys.ToArray(), zs.ToArray());
    }
}
