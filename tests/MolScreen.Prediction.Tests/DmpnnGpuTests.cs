using MolScreen.Chemistry.Featurize;
using MolScreen.Chemistry.Filters;
using MolScreen.Chemistry.Molecules;
using MolScreen.Chemistry.OpenBabel;
using MolScreen.Kernels.Prediction;
using MolScreen.Prediction.Features;
using MolScreen.Prediction.Graph;
using MolScreen.Prediction.Model;

namespace MolScreen.Prediction.Tests;

/// <summary>The D-MPNN kernels (ILGPU's CPU accelerator here; CUDA on a GPU machine) against the TorchSharp forward pass.</summary>
public class DmpnnGpuTests(ToyDmpnn toy) : IClassFixture<ToyDmpnn>
{
    private static (List<MolGraph> Graphs, List<FeatureVector> Inputs) Compounds(IEnumerable<string> smiles)
    {
        var f = new Featurizer(new ReactiveGroups(ReactiveGroups.DefaultDefinitions), PainsFilter.Default);
        var features = smiles.Select(s => f.Compute("smiles", s)).ToList();
        var graphs = features.Select(x => { using var mol = ObMolecule.FromSmiles(x.CanonicalSmiles); return mol.ToGraph(); }).ToList();
        return (graphs, features.Select(FeatureVector.FromFeatures).ToList());
    }

    [Fact]
    public void KernelsPredictWhatTorchSharpPredictsWithin1e4()
    {
        // Training compounds plus shapes the training set lacks: a lone ion-free atom, a ring system, a charged group.
        var smiles = Synthetic.Rows().Take(40).Select(r => r.Smiles).Concat(["C", "O", "c1ccc2ccccc2c1", "C[N+](C)(C)C", "OC(=O)c1ccccc1O"]).ToList();
        var (graphs, inputs) = Compounds(smiles);
        var model = PropertyModel.Load(toy.ModelDir);
        using var gpu = new GpuGraphEnsemble(model.GraphMembers, preferGpu: false);
        Assert.False(gpu.IsGpu);
        var onKernels = gpu.Forward(graphs, inputs);
        Assert.Equal(model.GraphMembers.Count, onKernels.Length);
        double worst = 0;
        for (int k = 0; k < model.GraphMembers.Count; k++)
        {
            var m = model.GraphMembers[k];
            var expected = new float[inputs.Count * m.Outputs];
            m.Forward(graphs, inputs, expected);
            Assert.Equal(expected.Length, onKernels[k].Length);
            for (int i = 0; i < expected.Length; i++)
            {
                double d = Math.Abs(expected[i] - onKernels[k][i]);
                worst = Math.Max(worst, d / Math.Max(1.0, Math.Abs(expected[i])));
            }
        }
        Assert.True(worst <= 1e-4, $"largest relative difference {worst:E2}");
        // Through the model's own entry point (what predict --device gpu calls): ensemble mean and spread agree too.
        var viaTorch = model.Predict(inputs, graphs: graphs);
        var viaKernels = model.Predict(inputs, graphs: graphs, graphGpu: gpu);
        for (int i = 0; i < viaTorch.Mean.Length; i++)
        {
            Assert.True(Math.Abs(viaTorch.Mean[i] - viaKernels.Mean[i]) <= 1e-4 * Math.Max(1, Math.Abs(viaTorch.Mean[i])));
            Assert.True(Math.Abs(viaTorch.Std[i] - viaKernels.Std[i]) <= 1e-4 * Math.Max(1, Math.Abs(viaTorch.Std[i])));
        }
        // Not a constant function: the members separate the compounds.
        Assert.True(onKernels[0].Distinct().Count() > smiles.Count / 2);
    }

    [Fact]
    public void AChangedWeightChangesTheKernelResult()
    {
        var (graphs, inputs) = Compounds(Synthetic.Rows().Take(8).Select(r => r.Smiles));
        var model = PropertyModel.Load(toy.ModelDir);
        var arrays = GpuGraphEnsemble.Export(model.GraphMembers[0]);
        var packed = GpuGraphEnsemble.Pack(GraphBatch.Build(graphs), inputs);
        using var a = new GpuDmpnn([arrays], preferGpu: false);
        var before = a.Forward(packed)[0];
        var w2 = arrays.W2.ToArray();
        for (int i = 0; i < w2.Length; i++) w2[i] += 0.5f;
        using var b = new GpuDmpnn([arrays with { W2 = w2 }], preferGpu: false);
        var after = b.Forward(packed)[0];
        Assert.Contains(Enumerable.Range(0, before.Length), i => Math.Abs(before[i] - after[i]) > 1e-3);
    }

    [Fact]
    public void CsrListsCoverEveryEdgeOnceAndRejectBadIndices()
    {
        var (graphs, inputs) = Compounds(["CCO", "c1ccccc1", "C"]);
        var packed = GpuGraphEnsemble.Pack(GraphBatch.Build(graphs), inputs);
        Assert.Equal([0, 3, 9, 10], packed.AtomOffsets);
        Assert.Equal(Enumerable.Range(0, packed.Edges), packed.Incoming.Order());
        for (int a = 0; a < packed.Atoms; a++)
            for (int j = packed.IncomingOffsets[a]; j < packed.IncomingOffsets[a + 1]; j++)
                Assert.Equal(a, packed.Source[packed.Reverse[packed.Incoming[j]]]);
        var model = PropertyModel.Load(toy.ModelDir);
        using var gpu = new GpuDmpnn([GpuGraphEnsemble.Export(model.GraphMembers[0])], preferGpu: false);
        var bad = packed.Source.ToArray();
        bad[0] = packed.Atoms;
        Assert.Contains("out of range", Assert.Throws<ArgumentException>(() => gpu.Forward(packed with { Source = bad })).Message);
        Assert.Throws<ArgumentException>(() => gpu.Forward(packed with { Descriptors = new float[1] }));
    }
}
