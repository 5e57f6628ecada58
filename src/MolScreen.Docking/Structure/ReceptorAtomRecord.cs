namespace MolScreen.Docking.Structure;

/// <summary>Identity of a receptor atom as read (for messages, residue-based boxes and writing the cleaned receptor back).</summary>
public readonly record struct ReceptorAtomRecord(string Name, string ResidueName, char Chain, int ResidueNumber, char InsertionCode, bool Hetero, string TypeName);
