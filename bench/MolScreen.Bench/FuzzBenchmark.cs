using System.Diagnostics;
using System.Text;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using MolScreen.Workflow.Definition;

namespace MolScreen.Bench;

/// <summary>
/// Mutation fuzzing of the three text inputs a user hands MolScreen: SMILES and SDF libraries
/// (through the real ingest and featurize stages, one batch file at a time) and workflow files
/// (through the workflow loader). Mutations are seeded byte edits (flip, insert, delete, duplicate,
/// hostile characters) and token edits (deep repetition of a bracket or branch, splices of two
/// seeds). Checked for every batch: in = out + rejected at both stages; for every workflow: a
/// definition or a located WorkflowException, nothing else; for both: the per-batch or per-file
/// time limit. A crash ends the process, so a finished run is itself the "no crash" result.
/// </summary>
public static class FuzzBenchmark
{
    public sealed record Totals(long Smiles, long Sdf, long Yaml, long Ingested, long IngestRejected, long Featurized, long FeaturizeRejected,
        long WorkflowsLoaded, long WorkflowsRefused, int Imbalanced, int Escaped, int Hangs, double Seconds, double SlowestBatchSeconds, double SlowestYamlSeconds)
    {
        public long Inputs => Smiles + Sdf + Yaml;
        public bool Clean => Imbalanced == 0 && Escaped == 0 && Hangs == 0;
    }

    private static readonly string[] SmilesSeeds =
    [
        "CCO", "c1ccccc1", "CC(=O)Oc1ccccc1C(=O)O", "CN1C=NC2=C1C(=O)N(C(=O)N2C)C", "C1CC[C@@H](N)CC1", "[NH4+].[Cl-]",
        "O=C(O)[C@@H](N)Cc1ccc(O)cc1", "F/C=C\\F", "C%10CC%10", "[13CH4]", "c1ccc2c(c1)[nH]c1ccccc12", "OC(=O)C(F)(F)F",
        "CC(C)(C)OC(=O)N1CCN(CC1)c1ncccn1", "S(=O)(=O)(N)c1ccc(N)cc1", "[Fe+2]", "C=CC(=O)N", "N#Cc1ccccc1", "C1OC1",
    ];

    private const string SdfSeed = "mol\n  fuzz\n\n  3  2  0  0  0  0  0  0  0  0999 V2000\n"
        + "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n"
        + "    1.5000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n"
        + "    2.2000    1.2000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0\n"
        + "  1  2  1  0\n  2  3  1  0\nM  END\n> <name>\nethanol\n\n$$$$\n";

    private const string YamlSeed = """
        name: fuzz
        description: |
          a seed workflow
        seed: 7
        shard_size: 100
        stages:
          ingest:
            inputs:
              - path: lib.smi
                id_prefix: lib
            resources: { cpus: 1, mem: 2G, time: "00:10:00", partition: short }
          featurize:
            input: ingest
            params:
              dedupe: false
              reactive_groups: ["acyl=C(=O)Cl", "epoxide=C1OC1"]
        """;

    private static readonly string[] Hostile = ["(", ")", "[", "]", "$(", "%", "\n", "\r", "\0", "\u001b", "$$$$", "*", "&a", "!", "{", "}", "\"", "'", "\\", ":", "-", "#", "=", "@", "\u202e", "\uFFFD"];

    /// <summary>Runs about <paramref name="count"/> inputs, split 40% SMILES, 20% SDF records, 40% workflow files.</summary>
    public static Totals Run(int count, int seed, TimeSpan batchLimit, Action<string>? log = null, string? workDir = null)
    {
        var rng = new Random(seed);
        var dir = workDir ?? Directory.CreateTempSubdirectory("molscreen-fuzz-").FullName;
        Directory.CreateDirectory(dir);
        var catalog = MolScreen.Cli.Stages.Catalog;
        var ingest = (ISourceStage)catalog.Find("ingest")!;
        var featurize = (IMapStage)catalog.Find("featurize")!;
        File.WriteAllText(Path.Combine(dir, "lib.smi"), "CCO a\n");
        long smilesN = count * 4L / 10, sdfN = count * 2L / 10, yamlN = count - smilesN - sdfN;
        long ingested = 0, ingestRejected = 0, featurized = 0, featurizeRejected = 0, loaded = 0, refused = 0;
        int imbalanced = 0, escaped = 0, hangs = 0;
        double slowestBatch = 0, slowestYaml = 0;
        var total = Stopwatch.StartNew();
        const int batch = 1000;

        void Batch(string ext, IReadOnlyList<string> records, string separator, long expected)
        {
            var path = Path.Combine(dir, "batch" + ext);
            File.WriteAllText(path, string.Join(separator, records) + separator);
            var sw = Stopwatch.StartNew();
            var work = Task.Run(() => IngestAndFeaturize(ingest, featurize, path, dir));
            if (!work.Wait(batchLimit))
            {
                hangs++;
                log?.Invoke($"HANG: batch {path} over {batchLimit.TotalSeconds} s; kept as {path}.hang");
                File.Copy(path, path + ".hang", true);
                return;
            }
            slowestBatch = Math.Max(slowestBatch, sw.Elapsed.TotalSeconds);
            var r = work.Result;
            if (r.Error != null)
            {
                escaped++;
                File.Copy(path, Path.Combine(dir, $"escaped-{escaped}{ext}"), true);
                log?.Invoke($"ESCAPED: {r.Error}");
                return;
            }
            ingested += r.IngestOut; ingestRejected += r.IngestRejected; featurized += r.FeaturizeOut; featurizeRejected += r.FeaturizeRejected;
            // Every record of the file is a record in (a SMILES line or an SDF record), and it must end in an output or a reject.
            if (r.IngestIn != expected || r.IngestIn != r.IngestOut + r.IngestRejected || r.IngestOut != r.FeaturizeOut + r.FeaturizeRejected)
            {
                imbalanced++;
                File.Copy(path, Path.Combine(dir, $"imbalanced-{imbalanced}{ext}"), true);
                log?.Invoke($"IMBALANCED: {expected} records; ingest {r.IngestIn} = {r.IngestOut} + {r.IngestRejected}; featurize {r.IngestOut} -> {r.FeaturizeOut} + {r.FeaturizeRejected}");
            }
        }

        for (long done = 0; done < smilesN; done += batch)
        {
            var lines = new List<string>();
            for (int i = 0; i < Math.Min(batch, smilesN - done); i++)
                lines.Add(OneLine(Mutate(rng, SmilesSeeds[rng.Next(SmilesSeeds.Length)], SmilesSeeds)) + " m" + i);
            Batch(".smi", lines, "\n", lines.Count(IsSmilesRecord));
        }
        log?.Invoke($"smiles: {smilesN} in {total.Elapsed.TotalSeconds:F0} s");
        for (long done = 0; done < sdfN; done += batch)
        {
            var records = new List<string>();
            for (int i = 0; i < Math.Min(batch, sdfN - done); i++)
                records.Add(SdfRecord(Mutate(rng, SdfSeed, [SdfSeed])));
            Batch(".sdf", records, "$$$$\n", records.Count);
        }
        log?.Invoke($"sdf: {sdfN} in {total.Elapsed.TotalSeconds:F0} s");
        var wfPath = Path.Combine(dir, "wf.yaml");
        for (long i = 0; i < yamlN; i++)
        {
            var text = Mutate(rng, YamlSeed, [YamlSeed]);
            var sw = Stopwatch.StartNew();
            try { WorkflowLoader.Parse(text, wfPath, catalog); loaded++; }
            catch (WorkflowException) { refused++; }
            catch (Exception e)
            {
                escaped++;
                File.WriteAllText(Path.Combine(dir, $"escaped-{escaped}.yaml"), text);
                log?.Invoke($"ESCAPED: {e.GetType().Name}: {e.Message}");
            }
            slowestYaml = Math.Max(slowestYaml, sw.Elapsed.TotalSeconds);
            if (sw.Elapsed > batchLimit) { hangs++; File.WriteAllText(Path.Combine(dir, $"slow-{hangs}.yaml"), text); }
        }
        log?.Invoke($"yaml: {yamlN} in {total.Elapsed.TotalSeconds:F0} s");
        if (workDir == null && imbalanced == 0 && escaped == 0 && hangs == 0) Directory.Delete(dir, true);
        return new Totals(smilesN, sdfN, yamlN, ingested, ingestRejected, featurized, featurizeRejected, loaded, refused,
            imbalanced, escaped, hangs, total.Elapsed.TotalSeconds, slowestBatch, slowestYaml);
    }

    private sealed record BatchResult(long IngestIn, long IngestOut, long IngestRejected, long FeaturizeOut, long FeaturizeRejected, string? Error);

    private static BatchResult IngestAndFeaturize(ISourceStage ingest, IMapStage featurize, string path, string dir)
    {
        try
        {
            // No header guessing: every line of a batch is a record (or a '#' comment, which the expected count leaves out).
            var ip = StageParameters.Defaults(ingest.Parameters).With([new("header", "no")]);
            var inputs = new List<SourceInput> { new(path, ip) };
            var index = ingest.BuildIndex(inputs, int.MaxValue, CancellationToken.None);
            var shard = index.Shards.Count > 0 ? index.Shards[0] : new SourceShard(0, 0, "", []);
            var ingestRejects = new RejectSink();
            var libPath = Path.Combine(dir, "batch.parquet");
            var i = ingest.RunShardAsync(new ShardContext("ingest", 0, 1, ip, 42, ingestRejects, CancellationToken.None), inputs, shard, libPath).GetAwaiter().GetResult();
            var fp = StageParameters.Defaults(featurize.Parameters).With([new("dedupe", false)]);
            var featurizeRejects = new RejectSink();
            var f = featurize.RunShardAsync(new ShardContext("featurize", 0, 1, fp, 42, featurizeRejects, CancellationToken.None), libPath, Path.Combine(dir, "features.parquet"))
                .GetAwaiter().GetResult();
            return new BatchResult(i.RecordsIn, i.RecordsOut, ingestRejects.Count, f.RecordsOut, featurizeRejects.Count, f.RecordsIn == i.RecordsOut ? null : $"featurize read {f.RecordsIn} of {i.RecordsOut}");
        }
        catch (Exception e) { return new BatchResult(0, 0, 0, 0, 0, $"{e.GetType().Name}: {e.Message}"); }
    }

    /// <summary>As the SMILES reader counts: a line is a record unless it is a '#' comment (an overlong line always is one).</summary>
    private static bool IsSmilesRecord(string line) =>
        !line.TrimStart(' ', '\t').StartsWith('#') || Encoding.UTF8.GetByteCount(line) + 1 > 1 << 20;

    /// <summary>One SMILES line: a line break inside a mutated SMILES would make two records, so it becomes a space.</summary>
    private static string OneLine(string s) => s.Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>A mutated SDF record that stays one record: no line of it may be the separator.</summary>
    private static string SdfRecord(string s)
    {
        var lines = s.Replace("\r", "").Split('\n').Where(l => l.TrimEnd(' ', '\t') != "$$$$");
        var text = string.Join('\n', lines).TrimEnd('\n');
        return (text.Trim().Length == 0 ? "x" : text) + "\n";
    }

    internal static string Mutate(Random rng, string seed, string[] others)
    {
        var sb = new StringBuilder(seed);
        int edits = 1 + rng.Next(4);
        for (int e = 0; e < edits; e++)
        {
            int at = sb.Length == 0 ? 0 : rng.Next(sb.Length + 1);
            switch (rng.Next(9))
            {
                case 0 when sb.Length > 0: sb[Math.Min(at, sb.Length - 1)] = (char)(sb[Math.Min(at, sb.Length - 1)] ^ (1 << rng.Next(7))); break;
                case 1: sb.Insert(at, (char)rng.Next(1, 128)); break;
                case 2 when sb.Length > 0: sb.Remove(Math.Min(at, sb.Length - 1), 1 + rng.Next(Math.Min(8, sb.Length - Math.Min(at, sb.Length - 1)))); break;
                case 3 when sb.Length > 0:
                {
                    int from = rng.Next(sb.Length), len = 1 + rng.Next(Math.Min(16, sb.Length - from));
                    sb.Insert(at, sb.ToString(from, len));
                    break;
                }
                case 4: sb.Insert(at, Hostile[rng.Next(Hostile.Length)]); break;
                case 5:
                {
                    // Deep nesting: a bracket or branch opened (and sometimes closed) hundreds to a hundred thousand times.
                    var open = new[] { "(", "[$(", "[", "- [", "{a: ", "C(" }[rng.Next(6)];
                    int depth = rng.Next(4) == 0 ? 100_000 : 50 + rng.Next(500);
                    var close = open switch { "(" or "C(" => ")", "[$(" => ")]", "[" or "- [" => "]", _ => "}" };
                    sb.Insert(at, string.Concat(Enumerable.Repeat(open, depth)) + (rng.Next(2) == 0 ? string.Concat(Enumerable.Repeat(close, depth)) : ""));
                    break;
                }
                case 6:
                {
                    var other = others[rng.Next(others.Length)];
                    int cut = rng.Next(other.Length + 1);
                    sb.Length = Math.Min(at, sb.Length);
                    sb.Append(other, cut, other.Length - cut);
                    break;
                }
                case 7 when sb.Length > 0: sb.Length = at; break;
                default: sb.Insert(at, (char)rng.Next(0x80, 0x3000)); break;
            }
        }
        return sb.ToString();
    }
}
