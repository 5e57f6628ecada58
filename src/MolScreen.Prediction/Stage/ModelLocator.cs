using System.Collections.Concurrent;
using MolScreen.Prediction.Model;

namespace MolScreen.Prediction.Stage;

/// <summary>
/// Finds model directories: each path given is a model directory (has model.json) or a folder of them;
/// none given means the default models shipped in datasets/models (or $MOLSCREEN_MODELS). Loaded models
/// are cached per process, since every shard of a run uses the same ones.
/// </summary>
public static class ModelLocator
{
    private static readonly ConcurrentDictionary<string, PropertyModel> Cache = new();

    private static readonly ConcurrentDictionary<PropertyModel, GpuEnsemble> Gpu = new();

    /// <summary>The model's members uploaded to the CUDA GPU once per process; refuses when there is none
    /// (ILGPU's CPU emulator is far slower than the CPU path, so it is never a silent fallback).</summary>
    public static GpuEnsemble OnGpu(PropertyModel model) => Gpu.GetOrAdd(model, m =>
    {
        var g = new GpuEnsemble(m.Members);
        if (!g.IsGpu) { g.Dispose(); throw new InvalidOperationException("device gpu: no CUDA GPU is visible to ILGPU; use device cpu"); }
        return g;
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<PropertyModel, GpuGraphEnsemble> GraphGpu = new();

    /// <summary>A D-MPNN model's members on the ILGPU kernels (CUDA only; the CPU path is TorchSharp).</summary>
    public static GpuGraphEnsemble OnGraphGpu(PropertyModel model) => GraphGpu.GetOrAdd(model, m =>
    {
        var g = new GpuGraphEnsemble(m.GraphMembers);
        if (!g.IsGpu) { g.Dispose(); throw new InvalidOperationException("device gpu: no CUDA GPU is visible to ILGPU; use device cpu"); }
        return g;
    });

    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("MOLSCREEN_MODELS") is { Length: > 0 } env) return env;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "datasets", "models");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidDataException("default models not found: no datasets/models above the MolScreen binary and MOLSCREEN_MODELS is not set; pass --models DIR");
    }

    /// <summary>
    /// A folder of models may also hold other kinds (datasets/models has the RNA–protein models beside the property
    /// models): scanning a folder takes only directories whose manifest declares a feature spec. A directory named
    /// explicitly is loaded whatever it holds, so a broken property model still fails loudly.
    /// </summary>
    private static bool IsPropertyModel(string dir)
    {
        var manifest = Path.Combine(dir, ModelManifest.FileName);
        if (!File.Exists(manifest)) return false;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(manifest));
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("feature_spec", out _);
        }
        catch (System.Text.Json.JsonException)
        {
            return true; // unreadable: let PropertyModel.Load report it with the file name
        }
    }

    /// <summary>The model directories <paramref name="paths"/> name (each a model directory or a folder of them), in load order.</summary>
    public static IReadOnlyList<string> Directories(IReadOnlyList<string> paths)
    {
        var roots = paths.Count > 0 ? paths : [DefaultDirectory()];
        var dirs = new List<string>();
        foreach (var root in roots)
        {
            var full = Path.GetFullPath(root);
            if (File.Exists(Path.Combine(full, ModelManifest.FileName))) dirs.Add(full);
            else if (Directory.Exists(full))
            {
                var found = Directory.GetDirectories(full).Where(IsPropertyModel).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new InvalidDataException($"{full}: neither a model directory nor a folder of them (no {ModelManifest.FileName})");
                dirs.AddRange(found);
            }
            else throw new InvalidDataException($"{full}: no such model directory");
        }
        return dirs;
    }

    /// <summary>
    /// Every file whose bytes decide the predictions (manifests, members, domain files), for the plan's parameter hash.
    /// Paths that cannot be resolved are returned as given: they hash as missing, and the shard reports why.
    /// </summary>
    public static IReadOnlyList<string> FilesRead(IReadOnlyList<string> paths)
    {
        try { return Directories(paths).SelectMany(ModelFiles.PathsOf).ToList(); }
        catch (InvalidDataException) { return paths.Count > 0 ? paths.Select(Path.GetFullPath).ToList() : []; }
    }

    /// <summary>
    /// Loads the models; a process keeps each loaded model while the bytes of its files are unchanged (the cache key
    /// is their content, so a model swapped between two runs in one process is loaded again).
    /// </summary>
    public static IReadOnlyList<PropertyModel> Load(IReadOnlyList<string> paths)
    {
        var dirs = Directories(paths);
        var models = dirs.Select(d => Cache.GetOrAdd(d + "\u001f" + ContentKey(d), _ => PropertyModel.Load(d))).ToList();
        var clash = models.SelectMany(m => m.Manifest.Outputs).GroupBy(o => o).FirstOrDefault(g => g.Count() > 1);
        if (clash != null) throw new InvalidDataException($"two models write the output '{clash.Key}'; give each a different name");
        return models;
    }

    private static string ContentKey(string dir) =>
        MolScreen.Core.IO.ContentHash.OfParts([.. ModelFiles.PathsOf(dir).Select(MolScreen.Core.IO.ContentHash.OfPath)]);
}
