using MolScreen.Chemistry;
using MolScreen.Chemistry.Molecules;
using MolScreen.Chemistry.OpenBabel;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using MolScreen.Prediction.Features;
using MolScreen.Prediction.Model;
using Parquet.Schema;

namespace MolScreen.Prediction.Stage;

/// <summary>
/// The predict stage: property predictions over featurize output. Per model output three columns,
/// `<out>_pred` (ensemble mean; a probability for classifiers), `<out>_std` (ensemble spread) and
/// `<out>_in_domain` (nearest training compound similar enough). A compound whose features are missing
/// or not finite goes to rejects with the reason; no prediction is ever NaN.
/// </summary>
public sealed class PredictStage : IMapStage, IReadsFiles
{
    public string Kind => "predict";
    public string Description => "Predict properties (logS, logD, BBBP, hERG, Tox21 by default) from featurize output with ensemble MLPs";
    public string Version => "1";
    public StageShape Shape => StageShape.Map;

    /// <summary>Inference batch: large enough to amortize per-batch work, small enough to stream.</summary>
    private const int BatchRows = 8_192;

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("models", ParameterType.StringList, Array.Empty<string>(), "Model directories, or folders of them (default: the shipped default models in datasets/models)"),
        new("device", ParameterType.String, "cpu", "cpu: the C# sparse forward pass (D-MPNN models: TorchSharp); gpu: the ILGPU kernels on a CUDA GPU (same results within 1e-4)") { Choices = ["cpu", "gpu"] },
    ];

    /// <summary>The model folders' manifests, members and domain files: swapping one reruns predict and its downstream.</summary>
    public IReadOnlyList<string> FilesRead(StageParameters parameters) => ModelLocator.FilesRead(parameters.GetStrings("models"));

    public static ParquetSchema SchemaFor(IReadOnlyList<PropertyModel> models) =>
        new(Columns(models.SelectMany(m => m.Manifest.Outputs)).ToArray());

    /// <summary>The column names as docs/parquet-schemas.md writes them, `<out>` standing for each model output.</summary>
    public static IReadOnlyList<string> OutputColumnTemplates => Columns(["<out>"]).Select(f => f.Name).ToList();

    private static IEnumerable<DataField> Columns(IEnumerable<string> outputs) =>
        new DataField[] { new("id", typeof(string), false), new("canonical_smiles", typeof(string), false) }
            .Concat(outputs.SelectMany(o => new DataField[]
            {
                new($"{o}_pred", typeof(float), false), new($"{o}_std", typeof(float), false), new($"{o}_in_domain", typeof(bool), false),
            }));

    public async Task<ShardResult> RunShardAsync(ShardContext ctx, string inputPath, string dataPath)
    {
        var models = ModelLocator.Load(ctx.Parameters.GetStrings("models"));
        // device gpu: MLP members on the fingerprint kernels, D-MPNN members on the graph kernels (both ILGPU, CUDA only);
        // an mlp+dmpnn model uses both.
        bool onGpu = ctx.Parameters.GetString("device") == "gpu";
        var gpus = onGpu ? models.Select(m => m.Members.Count > 0 ? ModelLocator.OnGpu(m) : null).ToList() : null;
        var graphGpus = onGpu ? models.Select(m => m.NeedsGraphs ? ModelLocator.OnGraphGpu(m) : null).ToList() : null;
        bool needGraphs = models.Any(m => m.NeedsGraphs);
        var schema = SchemaFor(models);
        await using var reader = await TableReader.OpenAsync(inputPath);
        string[] needed = ["id", "canonical_smiles", "ecfp4", .. FeatureSpec.Descriptors];
        var missing = needed.Where(c => !reader.HasField(c)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{inputPath}: predict reads featurize output; missing column(s) {string.Join(", ", missing)}");
        await using var writer = await TableWriter.CreateAsync(dataPath, schema);
        long read = 0;
        var batch = new PendingRows();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            var cols = await reader.ReadRowGroupAsync(g, needed);
            var ids = (string?[])cols[0].Values; var smiles = (string?[])cols[1].Values; var fps = (byte[]?[])cols[2].Values;
            var desc = cols.Skip(3).Select(c => ParquetColumns.AsDoubles(c.Values)).ToArray();
            var row = new double[desc.Length];
            for (int i = 0; i < ids.Length; i++, read++)
            {
                ctx.Cancellation.ThrowIfCancellationRequested();
                for (int d = 0; d < desc.Length; d++) row[d] = desc[d][i];
                var v = FeatureVector.Create(fps[i], row, out var reason);
                if (v == null || ids[i] == null || smiles[i] == null)
                {
                    ctx.Rejects.Add(new Reject(ids[i], "", null, Reject.RawPreview(smiles[i]), ctx.StageName, reason ?? "id or canonical_smiles is missing"));
                    continue;
                }
                MolGraph? graph = null;
                string? why = null;
                var text = smiles[i]!;
                if (needGraphs && (graph = ObThread.Run(() => GraphOf(text, out why))) == null)
                {
                    ctx.Rejects.Add(new Reject(ids[i], "", null, Reject.RawPreview(smiles[i]), ctx.StageName, why!));
                    continue;
                }
                batch.Add(ids[i]!, smiles[i]!, v, graph);
                if (batch.Count == BatchRows) await Flush(batch, models, gpus, graphGpus, schema, writer);
            }
        }
        if (batch.Count > 0) await Flush(batch, models, gpus, graphGpus, schema, writer);
        return new ShardResult(read, writer.RowsWritten, await writer.CommitAsync());
    }

    /// <summary>The graph a D-MPNN reads, parsed from the featurized row's canonical SMILES exactly as training parsed
    /// each training compound's canonical SMILES (OpenBabel, one thread per worker process).</summary>
    private static MolGraph? GraphOf(string canonicalSmiles, out string? reason)
    {
        reason = null;
        try
        {
            using var mol = ObMolecule.FromSmiles(canonicalSmiles);
            var g = mol.ToGraph();
            if (g.AtomCount > 0) return g;
            reason = "canonical_smiles has no heavy atoms (a D-MPNN model needs a molecular graph)";
        }
        catch (ChemistryException e)
        {
            reason = $"canonical_smiles cannot be parsed for the D-MPNN model's graph: {e.Message}";
        }
        return null;
    }

    private static async Task Flush(PendingRows batch, IReadOnlyList<PropertyModel> models, IReadOnlyList<GpuEnsemble?>? gpus, IReadOnlyList<GpuGraphEnsemble?>? graphGpus, ParquetSchema schema, TableWriter writer)
    {
        var fields = schema.DataFields;
        var columns = new List<ColumnData> { new(fields[0], batch.Ids.ToArray()), new(fields[1], batch.Smiles.ToArray()) };
        int n = batch.Count;
        for (int mi = 0; mi < models.Count; mi++)
        {
            var m = models[mi];
            var p = m.Predict(batch.Inputs, gpu: gpus?[mi], graphs: m.NeedsGraphs ? batch.Graphs : null, graphGpu: graphGpus?[mi]);
            for (int t = 0; t < p.Outputs; t++)
            {
                var pred = new float[n]; var std = new float[n];
                for (int i = 0; i < n; i++) { pred[i] = p.Mean[i * p.Outputs + t]; std[i] = p.Std[i * p.Outputs + t]; }
                if (pred.Any(x => !float.IsFinite(x)) || std.Any(x => !float.IsFinite(x)))
                    throw new InvalidOperationException($"model {m.Manifest.Name} produced a non-finite prediction from finite inputs (corrupt weights?)");
                columns.Add(new(fields[columns.Count], pred));
                columns.Add(new(fields[columns.Count], std));
                columns.Add(new(fields[columns.Count], p.InDomain.ToArray()));
            }
        }
        await writer.WriteRowGroupAsync(columns);
        batch.Clear();
    }

    private sealed class PendingRows
    {
        public readonly List<string> Ids = [];
        public readonly List<string> Smiles = [];
        public readonly List<FeatureVector> Inputs = [];
        /// <summary>Filled only when a D-MPNN model is among the models.</summary>
        public readonly List<MolGraph> Graphs = [];
        public int Count => Ids.Count;
        public void Add(string id, string smiles, FeatureVector v, MolGraph? g) { Ids.Add(id); Smiles.Add(smiles); Inputs.Add(v); if (g != null) Graphs.Add(g); }
        public void Clear() { Ids.Clear(); Smiles.Clear(); Inputs.Clear(); Graphs.Clear(); }
    }
}
