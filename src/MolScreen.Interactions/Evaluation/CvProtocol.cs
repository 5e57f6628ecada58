namespace MolScreen.Interactions.Evaluation;

/// <summary>How cross-validation folds split a pair benchmark.</summary>
public enum CvProtocol
{
    /// <summary>Pairs dealt to folds stratified by label (the published RPI protocol; members recur across folds).</summary>
    Pair,
    /// <summary>Every pair of one protein sequence in the same fold: test proteins are never seen in training.</summary>
    ProteinGrouped,
}
