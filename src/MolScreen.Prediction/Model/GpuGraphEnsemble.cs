using MolScreen.Chemistry.Molecules;
using MolScreen.Kernels.Prediction;
using MolScreen.Prediction.Features;
using MolScreen.Prediction.Graph;

namespace MolScreen.Prediction.Model;

/// <summary>
/// A D-MPNN ensemble on the ILGPU kernels (<see cref="GpuDmpnn"/>): the members' stored weights as plain arrays and
/// each batch's <see cref="GraphBatch"/> with the CSR lists the kernels read. The ILGPU path of `predict --device gpu`
/// for graph models; on a machine without CUDA it runs on ILGPU's CPU accelerator, which is how the tests check it
/// against the TorchSharp forward pass.
/// </summary>
public sealed class GpuGraphEnsemble : IDisposable
{
    /// <summary>Molecules per kernel batch: bounds the per-edge state buffers (hidden × edges floats, three of them).</summary>
    private const int Chunk = 4096;
    private readonly GpuDmpnn _gpu;
    private readonly int[] _outputs;
    public string Device => _gpu.Device;
    public bool IsGpu => _gpu.IsGpu;

    public GpuGraphEnsemble(IReadOnlyList<DmpnnNetwork> members, bool preferGpu = true)
    {
        _gpu = new GpuDmpnn(members.Select(Export).ToList(), preferGpu);
        _outputs = members.Select(m => m.Outputs).ToArray();
    }

    /// <summary>The member's parameters as stored (already rounded to half on training), in libtorch's [output][input] layout.</summary>
    public static DmpnnArrays Export(DmpnnNetwork net)
    {
        var p = net.Module.named_parameters().ToDictionary(x => x.name, x => x.parameter.detach().cpu().contiguous().data<float>().ToArray());
        float[] Get(string name) => p.TryGetValue(name, out var v) ? v
            : throw new InvalidDataException($"D-MPNN member has no parameter '{name}' (has {string.Join(", ", p.Keys)})");
        var s = net.Shape;
        return new DmpnnArrays(s.Hidden, s.Depth, s.Ffn, s.Outputs, GraphFeatures.AtomWidth, GraphBatch.EdgeWidth,
            Get("_wi.weight"), Get("_wm.weight"), Get("_wo.weight"), Get("_wo.bias"), Get("_ffn1.weight"), Get("_ffn1.bias"),
            Get("_ffn2.weight"), Get("_ffn2.bias"), net.DescriptorMean, net.DescriptorStd, net.OutputMean, net.OutputStd, (int)net.Kind);
    }

    /// <summary>Per member, predictions [compound][output], as <see cref="DmpnnNetwork.Forward"/> writes them.</summary>
    public float[][] Forward(IReadOnlyList<MolGraph> graphs, IReadOnlyList<FeatureVector> inputs)
    {
        if (graphs.Count != inputs.Count) throw new ArgumentException($"{graphs.Count} graphs for {inputs.Count} inputs");
        var all = _outputs.Select(o => new float[inputs.Count * o]).ToArray();
        for (int start = 0; start < inputs.Count; start += Chunk)
        {
            int n = Math.Min(Chunk, inputs.Count - start);
            var part = _gpu.Forward(Pack(GraphBatch.Build(DmpnnNetwork.Slice(graphs, start, n)), DmpnnNetwork.Slice(inputs, start, n)));
            for (int k = 0; k < part.Length; k++) part[k].CopyTo(all[k], start * _outputs[k]);
        }
        return all;
    }

    /// <summary>The batch with int indices and the two CSR lists: edges entering each atom (in edge order, so every
    /// atom's sum has a fixed order) and each molecule's atom range.</summary>
    public static GraphArrays Pack(GraphBatch b, IReadOnlyList<FeatureVector> inputs)
    {
        var inOffsets = new int[b.Atoms + 1];
        for (int e = 0; e < b.Edges; e++) inOffsets[b.Target[e] + 1]++;
        for (int a = 0; a < b.Atoms; a++) inOffsets[a + 1] += inOffsets[a];
        var fill = inOffsets[..^1].ToArray();
        var incoming = new int[b.Edges];
        for (int e = 0; e < b.Edges; e++) incoming[fill[b.Target[e]]++] = e;
        var atomOffsets = new int[b.Molecules + 1];
        for (int a = 0; a < b.Atoms; a++) atomOffsets[b.AtomMolecule[a] + 1]++;
        for (int m = 0; m < b.Molecules; m++) atomOffsets[m + 1] += atomOffsets[m];
        int nd = FeatureSpec.Descriptors.Length;
        var desc = new float[inputs.Count * nd];
        for (int i = 0; i < inputs.Count; i++) inputs[i].Descriptors.CopyTo(desc, i * nd);
        return new GraphArrays(b.Molecules, b.Atoms, b.Edges, b.AtomFeatures, b.EdgeFeatures,
            b.Source.Select(x => (int)x).ToArray(), b.Reverse.Select(x => (int)x).ToArray(), inOffsets, incoming, atomOffsets, desc);
    }

    public void Dispose() => _gpu.Dispose();
}
