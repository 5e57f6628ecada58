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
    /// <summary>The MLP members (empty for a D-MPNN model).</summary>
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
        bool graph = m.Architecture == ModelManifest.DmpnnArchitecture;
        if (!graph && m.Architecture != ModelManifest.MlpArchitecture)
            throw new InvalidDataException($"{manifestPath}: unknown architecture '{m.Architecture}' (this MolScreen runs mlp and dmpnn)");
        string spec = graph ? Graph.GraphFeatures.SpecId : FeatureSpec.Id;
        if (m.FeatureSpec != spec)
            throw new InvalidDataException($"{dir}: model '{m.Name}' was trained on features '{m.FeatureSpec}' but this MolScreen computes '{spec}' for {m.Architecture} models; retrain it with `molscreen train`");
        if (m.Members is not { Length: > 0 }) throw new InvalidDataException($"{manifestPath}: lists no ensemble members");
        var members = graph ? [] : m.Members.Select(f => MlpFile.Read(Path.Combine(dir, f), FeatureSpec.Id)).ToList();
        var graphMembers = graph ? m.Members.Select(f => DmpnnFile.Read(Path.Combine(dir, f), spec)).ToList() : [];
        int width = m.VarianceHead ? 2 * m.Outputs.Length : m.Outputs.Length;
        var shapes = graph ? graphMembers.Select(n => (n.Outputs, n.Kind)).ToList() : members.Select(n => (n.Outputs, n.Kind)).ToList();
        if (shapes.Any(n => n.Outputs != width || n.Kind != shapes[0].Kind))
            throw new InvalidDataException($"{dir}: members disagree with the manifest's {m.Outputs.Length} outputs{(m.VarianceHead ? " (each with a variance head)" : "")}");
        if (m.VarianceHead && shapes[0].Kind != OutputKind.Regression)
            throw new InvalidDataException($"{manifestPath}: a variance head is only defined for regression models");
        var domain = ApplicabilityDomain.Read(Path.Combine(dir, m.ApplicabilityDomain.File), (float)m.ApplicabilityDomain.Threshold);
        return new PropertyModel(dir, m, members, graphMembers, domain);
    }

    /// <summary>Ensemble predictions; <paramref name="gpu"/> runs the members on the ILGPU kernels instead of the CPU path;
    /// <paramref name="nearest"/> also reports each input's exact nearest-neighbour similarity to the training set.</summary>
    /// <param name="graphs">Each input's molecular graph; required when <see cref="NeedsGraphs"/> (D-MPNN members, which
    /// run on TorchSharp: CUDA when the CUDA libtorch sees a GPU, else the CPU; <paramref name="gpu"/> is for MLPs only).</param>
    /// <param name="graphGpu">D-MPNN members on the ILGPU graph kernels instead of TorchSharp.</param>
    public PredictionBatch Predict(IReadOnlyList<FeatureVector> inputs, bool domain = true, GpuEnsemble? gpu = null, bool nearest = false,
        IReadOnlyList<MolScreen.Chemistry.Molecules.MolGraph>? graphs = null, GpuGraphEnsemble? graphGpu = null)
    {
        int n = inputs.Count, t = Manifest.Outputs.Length, k = Members.Count;
        float[][] all;
        if (NeedsGraphs)
        {
            if (graphs == null) throw new ArgumentException($"model {Manifest.Name} is a D-MPNN: it needs each compound's molecular graph");
            all = graphGpu != null ? graphGpu.Forward(graphs, inputs)
                : GraphMembers.Select(m => { var o = new float[n * m.Outputs]; m.Forward(graphs, inputs, o); return o; }).ToArray();
        }
        else if (gpu != null) all = gpu.Forward(inputs);
        else
        {
            all = new float[k][];
            for (int j = 0; j < k; j++) { all[j] = new float[n * Members[j].Outputs]; Members[j].Forward(inputs, all[j]); }
        }
        var (mean, std) = EnsembleStatistics.Combine(all, n, t, Manifest.VarianceHead);
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
