using System.Globalization;
using System.Text;
using MolScreen.Chemistry.Smarts;

namespace MolScreen.Chemistry.Preparation;

/// <summary>
/// Writes a prepared ligand as AutoDock PDBQT, the layout Vina 1.2 and AutoDock-GPU read:
/// REMARK lines, ROOT/ENDROOT, nested BRANCH p c/ENDBRANCH p c (serial numbers of the bond's
/// parent and child atoms; the child atom opens its branch), TORSDOF. Atom lines are PDB
/// ATOM records with the Gasteiger charge in columns 71–76 and the AD4 type in 78–79.
/// Non-polar hydrogens are merged: left out, their charge added to their carbon, as
/// Vina's and AutoDock's ligand parameters expect.
/// </summary>
public static class PdbqtWriter
{
    public static string Write(PreparedLigand ligand)
    {
        var atoms = ligand.Atoms;
        var tree = ligand.Tree;
        var charge = MergedCharges(ligand);
        var written = Enumerable.Range(0, atoms.AtomCount).Where(a => IsWritten(ligand, a)).ToArray();
        var serial = new int[atoms.AtomCount];
        var names = AtomNames(ligand, written);
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(ligand.Id)) sb.Append("REMARK  Name = ").Append(Sanitize(ligand.Id)).Append('\n');
        if (!string.IsNullOrEmpty(ligand.Smiles)) sb.Append("REMARK SMILES ").Append(Sanitize(ligand.Smiles)).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"REMARK  {tree.Torsions} active torsions:\n");
        sb.Append("REMARK  status: ('A' for Active; 'I' for Inactive)\n");
        // Serial numbers are assigned in writing order; the torsion REMARKs need them first.
        int next = 1;
        var fragmentAtoms = OrderedFragmentAtoms(ligand, written);
        AssignSerials(tree, fragmentAtoms, serial, ref next, 0);
        for (int t = 0; t < tree.Torsions; t++)
        {
            var br = tree.Branches[t];
            sb.Append(CultureInfo.InvariantCulture,
                $"REMARK {t + 1,4}  A    between atoms: {names[br.ParentAtom]}_{serial[br.ParentAtom]}  and  {names[br.ChildAtom]}_{serial[br.ChildAtom]}\n");
        }
        sb.Append("ROOT\n");
        WriteFragment(sb, ligand, fragmentAtoms, serial, names, charge, 0);
        sb.Append("ENDROOT\n");
        WriteBranches(sb, ligand, fragmentAtoms, serial, names, charge, 0);
        sb.Append(CultureInfo.InvariantCulture, $"TORSDOF {tree.Torsions}\n");
        return sb.ToString();
    }

    private static bool IsWritten(PreparedLigand ligand, int atom) => ligand.Ad4Types[atom] != "H";

    private static double[] MergedCharges(PreparedLigand ligand)
    {
        var atoms = ligand.Atoms;
        var charge = (double[])ligand.Atoms.Charges.PartialCharge.Clone();
        for (int a = 0; a < atoms.AtomCount; a++)
        {
            if (IsWritten(ligand, a)) continue;
            foreach (var (heavy, _) in atoms.Neighbours[a]) charge[heavy] += charge[a];
            charge[a] = 0;
        }
        return charge;
    }

    private static List<int>[] OrderedFragmentAtoms(PreparedLigand ligand, int[] written)
    {
        var tree = ligand.Tree;
        var lists = new List<int>[tree.FragmentCount];
        for (int f = 0; f < lists.Length; f++) lists[f] = new();
        foreach (int a in written) lists[tree.AtomFragment[a]].Add(a);
        // The child atom of a branch's bond leads its branch.
        foreach (var br in tree.Branches)
        {
            var list = lists[br.ChildFragment];
            list.Remove(br.ChildAtom);
            list.Insert(0, br.ChildAtom);
        }
        return lists;
    }

    private static void AssignSerials(TorsionTree tree, List<int>[] fragmentAtoms, int[] serial, ref int next, int fragment)
    {
        foreach (int a in fragmentAtoms[fragment]) serial[a] = next++;
        foreach (var br in tree.Branches.Where(b => b.ParentFragment == fragment))
            AssignSerials(tree, fragmentAtoms, serial, ref next, br.ChildFragment);
    }

    private static void WriteBranches(StringBuilder sb, PreparedLigand ligand, List<int>[] fragmentAtoms, int[] serial,
        string[] names, double[] charge, int fragment)
    {
        foreach (var br in ligand.Tree.Branches.Where(b => b.ParentFragment == fragment))
        {
            sb.Append(CultureInfo.InvariantCulture, $"BRANCH {serial[br.ParentAtom],3} {serial[br.ChildAtom],3}\n");
            WriteFragment(sb, ligand, fragmentAtoms, serial, names, charge, br.ChildFragment);
            WriteBranches(sb, ligand, fragmentAtoms, serial, names, charge, br.ChildFragment);
            sb.Append(CultureInfo.InvariantCulture, $"ENDBRANCH {serial[br.ParentAtom],3} {serial[br.ChildAtom],3}\n");
        }
    }

    private static void WriteFragment(StringBuilder sb, PreparedLigand ligand, List<int>[] fragmentAtoms, int[] serial,
        string[] names, double[] charge, int fragment)
    {
        var xyz = ligand.Atoms.Conformer.Coordinates;
        foreach (int a in fragmentAtoms[fragment])
        {
            // PDB columns: serial 7-11, name 13-16, resName 18-20, resSeq 23-26, x/y/z 31-54,
            // occupancy 55-60, B 61-66, charge 71-76, AD4 type 78-79.
            string name = names[a].Length < 4 ? " " + names[a].PadRight(3) : names[a][..4];
            sb.Append(CultureInfo.InvariantCulture,
                $"ATOM  {serial[a],5} {name} UNL     1    {xyz[3 * a],8:F3}{xyz[3 * a + 1],8:F3}{xyz[3 * a + 2],8:F3}{1.0,6:F2}{0.0,6:F2}    {charge[a],6:F3} {ligand.Ad4Types[a],-2}\n");
        }
    }

    // Element symbol and a running number per element, unique within the ligand (C1, C2, N1...).
    private static string[] AtomNames(PreparedLigand ligand, int[] written)
    {
        var names = new string[ligand.Atoms.AtomCount];
        var count = new Dictionary<string, int>();
        foreach (int a in written)
        {
            string symbol = ElementSymbols.Symbol(ligand.Atoms.Element(a));
            count[symbol] = count.GetValueOrDefault(symbol) + 1;
            names[a] = symbol + count[symbol].ToString(CultureInfo.InvariantCulture);
        }
        return names;
    }

    private static string Sanitize(string text) => text.ReplaceLineEndings(" ");
}
