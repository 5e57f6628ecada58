using MolScreen.Core.Structures;
using MolScreen.Interactions.Features;
using MolScreen.Interactions.Interface;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions;

/// <summary>A protein residue's RNA-interface probability: 1/0 when measured on a complex, the model's estimate otherwise.</summary>
public sealed record ResidueBinding(string ChainId, int Number, char InsertionCode, string Name, double Probability, bool Predicted, bool Interface);

/// <summary>What the ranking stage gets for one target.</summary>
public sealed record RnaBindingReport(string Target, IReadOnlyList<ResidueBinding> Residues, double? InteractionProbability, string InterfaceSource);

/// <summary>
/// Inference API for the ranking stage. Given a protein–RNA complex, the interface is geometric (exact) and P(interact)
/// scores the chains' own sequences; given a protein alone, the interface model predicts each residue and P(interact)
/// needs an RNA sequence. P(interact) of a multi-chain protein is the highest over its chains: one binding chain suffices.
/// </summary>
public sealed class RnaBindingPredictor(PairPredictor pairModel, ScoringModel interfaceModel)
{
    public static RnaBindingPredictor Load(string modelsDirectory) => new(
        PairPredictor.Load(Path.Combine(modelsDirectory, "rpi-pair", "model.json")),
        ScoringModel.Load(Path.Combine(modelsDirectory, "rpi-interface", "model.json"), InterfaceTraining.Kind, InterfaceTraining.Layout));

    public RnaBindingReport Predict(MacromolecularStructure structure, string? rnaSequence = null)
    {
        var protein = structure.OfKind(ResidueKind.Protein).ToList();
        if (protein.Count == 0) throw new ArgumentException($"structure '{structure.Name}' has no protein residues");
        bool isComplex = structure.OfKind(ResidueKind.Rna).Any();
        List<ResidueBinding> residues;
        if (isComplex)
            residues = RnaInterface.Compute(structure).Select(r => Binding(r.Residue, r.Contacts ? 1 : 0, predicted: false, r.Contacts)).ToList();
        else
        {
            var p = interfaceModel.Predict(ResidueEnvironment.Featurize(protein));
            residues = protein.Select((r, i) => Binding(r, p[i], predicted: true, p[i] >= interfaceModel.Threshold)).ToList();
        }
        var rnaText = rnaSequence ?? (isComplex ? string.Concat(structure.Sequences(ResidueKind.Rna).Values) : null);
        double? interact = null;
        if (rnaText != null)
        {
            var rna = SequenceAlphabet.Rna($"{structure.Name} RNA", rnaText);
            var chains = structure.Sequences(ResidueKind.Protein)
                .Select(kv => SequenceAlphabet.Protein($"{structure.Name}:{kv.Key}", kv.Value)).ToList();
            var scores = pairModel.Predict(chains.Select(c => (c, rna)).ToList());
            interact = scores.Max();
        }
        return new RnaBindingReport(structure.Name, residues, interact, isComplex ? "geometric" : "predicted");
    }

    /// <summary>P(interact) for sequences alone.</summary>
    public double PredictPair(string proteinSequence, string rnaSequence) =>
        pairModel.Predict([(SequenceAlphabet.Protein("protein", proteinSequence), SequenceAlphabet.Rna("rna", rnaSequence))])[0];

    private static ResidueBinding Binding(StructureResidue r, double p, bool predicted, bool isInterface) =>
        new(r.ChainId, r.Number, r.InsertionCode, r.Name, p, predicted, isInterface);
}
