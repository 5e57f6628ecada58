namespace MolScreen.Docking;

/// <summary>Bad docking input (receptor, ligand, box): the message names the record and the reason.</summary>
public sealed class DockingException(string message) : Exception(message);
