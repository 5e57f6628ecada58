using MolScreen.Docking.Grid;
using MolScreen.Docking.Structure;

namespace MolScreen.Docking.Target;

/// <summary>
/// One protein residue of the RNA interface: its label as a chemist writes it (R52), the probability that it binds RNA
/// (1 when measured on a complex) and its heavy-atom coordinates in the receptor's frame.
/// </summary>
public sealed record InterfaceSiteResidue(string Label, double Probability, float[] X, float[] Y, float[] Z);

/// <summary>
/// The RNA interface of a target: the residues and where they came from ("geometric" from a complex, "predicted" by the
/// interface model from the protein alone).
/// </summary>
public sealed record InterfaceSite(string Source, IReadOnlyList<InterfaceSiteResidue> Residues);

/// <summary>A target ready to dock into: the receptor (RNA removed), the box and, when an RNA partner was given, the interface.</summary>
public sealed record DockTarget(string Hash, Receptor Receptor, GridBox Box, InterfaceSite? Interface, IReadOnlyList<string> Notes);
