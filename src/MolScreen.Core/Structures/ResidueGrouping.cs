namespace MolScreen.Core.Structures;

/// <summary>
/// Turns a file's atoms into residues, the same way for every format: consecutive atoms with one chain, number,
/// insertion code and name form a residue; of alternate locations, blank ones and the first letter seen in the residue
/// are kept, so each atom appears once; the residue is classified from its name and atom names.
/// </summary>
internal static class ResidueGrouping
{
    public static List<StructureResidue> Group(List<StructureAtom> atoms)
    {
        var residues = new List<StructureResidue>();
        int i = 0;
        while (i < atoms.Count)
        {
            var first = atoms[i];
            var members = new List<StructureAtom>();
            char keptAlt = ' ';
            int j = i;
            for (; j < atoms.Count; j++)
            {
                var a = atoms[j];
                if (a.ChainId != first.ChainId || a.ResidueNumber != first.ResidueNumber || a.InsertionCode != first.InsertionCode || a.ResidueName != first.ResidueName) break;
                if (a.AltLoc != ' ')
                {
                    if (keptAlt == ' ') keptAlt = a.AltLoc;
                    if (a.AltLoc != keptAlt) continue;
                }
                members.Add(a);
            }
            var kind = ResidueClassifier.Classify(first.ResidueName, members.Select(a => a.Name).ToHashSet());
            residues.Add(new StructureResidue(first.ChainId, first.ResidueNumber, first.InsertionCode, first.ResidueName, kind, members));
            i = j;
        }
        return residues;
    }
}
