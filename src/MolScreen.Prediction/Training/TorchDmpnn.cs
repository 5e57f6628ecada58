using MolScreen.Prediction.Graph;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MolScreen.Prediction.Training;

/// <summary>The shape of a D-MPNN: message width, message steps, feed-forward width, outputs, descriptor inputs.</summary>
public sealed record DmpnnShape(int Hidden, int Depth, int Ffn, int Outputs, int Descriptors);

/// <summary>A <see cref="GraphBatch"/> as tensors on one device; dispose it to free them.</summary>
internal sealed class GraphTensors : IDisposable
{
    public Tensor Atoms { get; }
    public Tensor Edges { get; }
    public Tensor Source { get; }
    public Tensor Target { get; }
    public Tensor Reverse { get; }
    public Tensor AtomMolecule { get; }
    public Tensor AtomCounts { get; }
    public int Molecules { get; }

    public GraphTensors(GraphBatch b, Device device)
    {
        Molecules = b.Molecules;
        Atoms = tensor(b.AtomFeatures, [b.Atoms, GraphFeatures.AtomWidth]).to(device);
        Edges = tensor(b.EdgeFeatures, [b.Edges, GraphBatch.EdgeWidth]).to(device);
        Source = tensor(b.Source).to(device);
        Target = tensor(b.Target).to(device);
        Reverse = tensor(b.Reverse).to(device);
        AtomMolecule = tensor(b.AtomMolecule).to(device);
        AtomCounts = tensor(b.AtomCounts.Select(c => Math.Max(c, 1f)).ToArray(), [b.Molecules, 1]).to(device);
    }

    public void Dispose()
    {
        foreach (var t in new[] { Atoms, Edges, Source, Target, Reverse, AtomMolecule, AtomCounts }) t.Dispose();
    }
}

/// <summary>
/// Chemprop's directed message-passing network. Hidden states live on directed bonds:
/// h0 = ReLU(W_i [x_v ‖ e_vw]); for each of <see cref="DmpnnShape.Depth"/> steps, the message into v→w is the sum of
/// the states entering v minus the one coming back from w (scatter_add over edge targets, index_select of the source
/// atom's sum and of the reverse edge), h = ReLU(h0 + W_m m). Atoms read out ReLU(W_o [x_v ‖ Σ incoming h]), the
/// molecule is their mean, and a feed-forward head takes it with the scaled descriptors (BBBP and logD are largely
/// physico-chemical, and the descriptors cost nothing).
/// </summary>
internal sealed class TorchDmpnn : nn.Module
{
    public DmpnnShape Shape { get; }
    private readonly Linear _wi, _wm, _wo, _ffn1, _ffn2;
    private readonly Dropout _dropout;
    /// <summary>The alpha of every tensor add/sub here, held for the module's lifetime. TorchSharp's `a + b` creates a
    /// temporary Scalar(1) whose finalizer can free it while libtorch still reads it; with the D-MPNN's allocation rate
    /// that surfaced as "c10/core/Scalar.h" assertion failures mid-training.</summary>
    private readonly Scalar _one = 1f;

    public TorchDmpnn(DmpnnShape shape, double dropout) : base("molscreen_dmpnn")
    {
        Shape = shape;
        // No bias on the message weights, as in Chemprop: h0 re-enters every step and carries the offset.
        _wi = nn.Linear(GraphBatch.EdgeWidth, shape.Hidden, hasBias: false);
        _wm = nn.Linear(shape.Hidden, shape.Hidden, hasBias: false);
        _wo = nn.Linear(GraphFeatures.AtomWidth + shape.Hidden, shape.Hidden);
        _ffn1 = nn.Linear(shape.Hidden + shape.Descriptors, shape.Ffn);
        _ffn2 = nn.Linear(shape.Ffn, shape.Outputs);
        _dropout = nn.Dropout(dropout);
        RegisterComponents();
    }

    /// <param name="descriptors">[molecules × Descriptors], already scaled.</param>
    public Tensor Forward(GraphTensors g, Tensor descriptors)
    {
        var h0 = nn.functional.relu(_wi.forward(g.Edges));
        var h = h0;
        for (int step = 0; step < Shape.Depth; step++)
        {
            var incoming = SumInto(g.Atoms.shape[0], g.Target, h);
            var message = incoming.index_select(0, g.Source) - h.index_select(0, g.Reverse);
            h = _dropout.forward(nn.functional.relu(h0.add(_wm.forward(message), _one)));
        }
        var atomSum = SumInto(g.Atoms.shape[0], g.Target, h);
        var atomHidden = _dropout.forward(nn.functional.relu(_wo.forward(cat([g.Atoms, atomSum], 1))));
        var molecule = SumInto(g.Molecules, g.AtomMolecule, atomHidden) / g.AtomCounts;
        var z = _dropout.forward(nn.functional.relu(_ffn1.forward(cat([molecule, descriptors], 1))));
        return _ffn2.forward(z);
    }

    /// <summary>
    /// out[index[r]] += rows[r] for every row: the per-atom and per-molecule sums. scatter_add rather than index_add:
    /// index_add takes an alpha Scalar, and TorchSharp's implicit Scalar can be finalized while libtorch still reads
    /// it (seen here as a sporadic "INTERNAL ASSERT FAILED at c10/core/Scalar.h" mid-training).
    /// </summary>
    private static Tensor SumInto(long count, Tensor index, Tensor rows)
    {
        var expanded = index.unsqueeze(1).expand(index.shape[0], rows.shape[1]);
        return zeros(count, rows.shape[1], device: rows.device).scatter_add(0, expanded, rows);
    }

    /// <summary>Adds <paramref name="shift"/> to the output layer's bias (the positive-weight correction of classifiers).</summary>
    public void ShiftOutputBias(float[] shift)
    {
        using var _ = no_grad();
        using var s = tensor(shift).to(_ffn2.bias!.device);
        _ffn2.bias!.add_(s, _one);
    }
}
