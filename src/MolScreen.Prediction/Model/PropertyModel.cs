using MolScreen.Core.IO;
using MolScreen.Prediction.Features;

namespace MolScreen.Prediction.Model;

/// <summary>Per-input ensemble predictions: mean and spread per output, and the applicability-domain check.</summary>
/// <summary>Ensemble mean and spread per input and output; <see cref="NearestSimilarity"/> is filled only when asked for
/// (the in-domain flag alone is a much cheaper search).</summary>
public sealed record PredictionBatch(float[] Mean, float[] Std, float[]? NearestSimilarity, bool[] InDomain, int Outputs);

/// <summary>
/// A model directory loaded for inference: the ensemble members (our exported format), the training
/// fingerprints for the applicability domain, and the manifest. Loading checks the feature spec and every
/// file, and fails with a message naming the directory and the problem.
/// </summary>
public sealed class PropertyModel
{
    public ModelManifest Manifest { get; }
    /// <summary>The MLP members (empty for a D-MPNN model; both lists are filled for mlp+dmpnn).</summary>
    public IReadOnlyList<MlpNetwork> Members { get; }
    /// <summary>The D-MPNN members (empty for an MLP model).</summary>
    public IReadOnlyList<DmpnnNetwork> GraphMembers { get; }
    public ApplicabilityDomain Domain { get; }
    public string Directory { get; }

    /// <summary>Predictions need each compound's molecular graph (D-MPNN), not only its fingerprint and descriptors.</summary>
    public bool NeedsGraphs => GraphMembers.Count > 0;

    private PropertyModel(string dir, ModelManifest m, IReadOnlyList<MlpNetwork> members, IReadOnlyList<DmpnnNetwork> graphMembers, ApplicabilityDomain domain)
    { Directory = dir; Manifest = m; Members = members; GraphMembers = graphMembers; Domain = domain; }

    public static PropertyModel Load(string dir)
    {
        var manifestPath = Path.Combine(dir, ModelManifest.FileName);
        if (!File.Exists(manifestPath)) throw new InvalidDataException($"{dir}: not a model directory (no {ModelManifest.FileName})");
        ModelManifest m;
        try { m = JsonFile.TryLoad<ModelManifest>(manifestPath) ?? throw new InvalidDataException("not valid JSON or missing required fields"); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or NotSupportedException)
        { throw new InvalidDataException($"{manifestPath}: unreadable model manifest ({e.Message})", e); }
        var (mlpFiles, graphFiles) = MemberFiles(m, manifestPath);
        ModelFiles.Verify(dir, m, manifestPath);
        string spec = m.Architecture switch
        {
            ModelManifest.CombinedArchitecture => ModelManifest.CombinedFeatureSpec,
            ModelManifest.DmpnnArchitecture => Graph.GraphFeatures.SpecId,
            _ => FeatureSpec.Id,
        };
        if (m.FeatureSpec != spec)
            throw new InvalidDataException($"{dir}: model '{m.Name}' was trained on features '{m.FeatureSpec}' but this MolScreen computes '{spec}' for {m.Architecture} models; retrain it with `molscreen train`");
        var members = mlpFiles.Select(f => MlpFile.Read(Path.Combine(dir, f), FeatureSpec.Id)).ToList();
        var graphMembers = graphFiles.Select(f => DmpnnFile.Read(Path.Combine(dir, f), Graph.GraphFeatures.SpecId)).ToList();
        int width = m.VarianceHead ? 2 * m.Outputs.Length : m.Outputs.Length;
        var shapes = members.Select(n => (n.Outputs, n.Kind)).Concat(graphMembers.Select(n => (n.Outputs, n.Kind))).ToList();
        if (shapes.Any(n => n.Outputs != width || n.Kind != shapes[0].Kind))
            throw new InvalidDataException($"{dir}: members disagree with the manifest's {m.Outputs.Length} outputs{(m.VarianceHead ? " (each with a variance head)" : "")}");
        if (m.VarianceHead && shapes[0].Kind != OutputKind.Regression)
            throw new InvalidDataException($"{manifestPath}: a variance head is only defined for regression models");
        var domain = ApplicabilityDomain.Read(Path.Combine(dir, m.ApplicabilityDomain.File), (float)m.ApplicabilityDomain.Threshold, m.ApplicabilityDomain.Compounds);
        return new PropertyModel(dir, m, members, graphMembers, domain);
    }

    /// <summary>The MLP and D-MPNN member files the manifest lists, checked against its architecture before any is read.</summary>
    private static (string[] Mlp, string[] Graph) MemberFiles(ModelManifest m, string manifestPath)
    {
        if (m.Members is not { Length: > 0 }) throw new InvalidDataException($"{manifestPath}: lists no ensemble members");
        switch (m.Architecture)
        {
            case ModelManifest.MlpArchitecture: return (m.Members, []);
            case ModelManifest.DmpnnArchitecture: return ([], m.Members);
            case ModelManifest.CombinedArchitecture:
                string[] Part(string arch) => m.Parts?.SingleOrDefault(p => p.Architecture == arch) is { Members.Length: > 0 } p ? p.Members
                    : throw new InvalidDataException($"{manifestPath}: an {m.Architecture} model needs exactly one '{arch}' part with members");
                var (mlp, graph) = (Part(ModelManifest.MlpArchitecture), Part(ModelManifest.DmpnnArchitecture));
                if (m.Parts!.Length != 2 || !m.Members.SequenceEqual(mlp.Concat(graph)))
                    throw new InvalidDataException($"{manifestPath}: 'members' must be the mlp part's members followed by the dmpnn part's");
                return (mlp, graph);
            default:
                throw new InvalidDataException($"{manifestPath}: unknown architecture '{m.Architecture}' (this MolScreen runs mlp, dmpnn and mlp+dmpnn)");
        }
    }

    /// <summary>Ensemble predictions; <paramref name="gpu"/> runs the members on the ILGPU kernels instead of the CPU path;
    /// <paramref name="nearest"/> also reports each input's exact nearest-neighbour similarity to the training set.</summary>
    /// <param name="graphs">Each input's molecular graph; required when <see cref="NeedsGraphs"/> (D-MPNN members, which
    /// run on TorchSharp: CUDA when the CUDA libtorch sees a GPU, else the CPU; <paramref name="gpu"/> is for the MLP members only).</param>
    /// <param name="graphGpu">D-MPNN members on the ILGPU graph kernels instead of TorchSharp.</param>
    public PredictionBatch Predict(IReadOnlyList<FeatureVector> inputs, bool domain = true, GpuEnsemble? gpu = null, bool nearest = false,
        IReadOnlyList<MolScreen.Chemistry.Molecules.MolGraph>? graphs = null, GpuGraphEnsemble? graphGpu = null)
    {
        int n = inputs.Count, t = Manifest.Outputs.Length, k = Members.Count;
        // Each architecture's ensemble is summarized on its own, then the architectures are mixed with equal weight.
        var parts = new List<(float[] Mean, float[] Std)>(2);
        if (k > 0)
        {
            float[][] all;
            if (gpu != null) all = gpu.Forward(inputs);
            else
            {
                all = new float[k][];
                for (int j = 0; j < k; j++) { all[j] = new float[n * Members[j].Outputs]; Members[j].Forward(inputs, all[j]); }
            }
            parts.Add(EnsembleStatistics.Combine(all, n, t, Manifest.VarianceHead));
        }
        if (NeedsGraphs)
        {
            if (graphs == null) throw new ArgumentException($"model {Manifest.Name} has D-MPNN members: it needs each compound's molecular graph");
            var all = graphGpu != null ? graphGpu.Forward(graphs, inputs)
                : GraphMembers.Select(m => { var o = new float[n * m.Outputs]; m.Forward(graphs, inputs, o); return o; }).ToArray();
            parts.Add(EnsembleStatistics.Combine(all, n, t, Manifest.VarianceHead));
        }
        var (mean, std) = EnsembleStatistics.Mix(parts);
        float[]? sim = null;
        var inDomain = new bool[n];
        if (domain && nearest)
        {
            sim = new float[n];
            Domain.MaxSimilarity(inputs, sim);
            for (int i = 0; i < n; i++) inDomain[i] = sim[i] >= Domain.Threshold;
        }
        else if (domain) Domain.InDomain(inputs, inDomain);
        return new PredictionBatch(mean, std, sim, inDomain, t);
    }
}
