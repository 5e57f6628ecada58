namespace MolScreen.Chemistry.Preparation;

/// <summary>One rotatable bond of the tree: <see cref="ParentAtom"/> stays with the parent fragment.</summary>
public readonly record struct TorsionBranch(int ParentAtom, int ChildAtom, int ParentFragment, int ChildFragment);

/// <summary>
/// The torsion tree the docking engine moves: rigid fragments (atoms joined by non-rotatable
/// bonds) linked by rotatable bonds. Fragments are numbered so that the root is 0 and every
/// child comes after its parent, in the depth-first order PDBQT lists them; <see cref="Branches"/>
/// follows that same order. The root is the fragment whose deepest branch is shallowest
/// (the centre of the fragment tree), as Meeko chooses it, so no torsion moves more of the
/// molecule than it must; ties go to the fragment with more heavy atoms.
/// </summary>
public sealed class TorsionTree
{
    private TorsionTree(int[] atomFragment, TorsionBranch[] branches, int fragments)
    {
        AtomFragment = atomFragment;
        Branches = branches;
        FragmentCount = fragments;
    }

    /// <summary>Fragment of every conformer atom (hydrogens with their heavy atom).</summary>
    public int[] AtomFragment { get; }
    public TorsionBranch[] Branches { get; }
    public int FragmentCount { get; }
    public int Torsions => Branches.Length;

    public static TorsionTree Build(LigandAtoms atoms, IReadOnlyCollection<int> rotatableBonds)
    {
        int n = atoms.AtomCount;
        var cut = new HashSet<int>(rotatableBonds);
        // Rigid fragments: connected components once the rotatable bonds are cut.
        var raw = new int[n];
        Array.Fill(raw, -1);
        int fragments = 0;
        for (int s = 0; s < n; s++)
        {
            if (raw[s] >= 0) continue;
            var stack = new Stack<int>();
            stack.Push(s);
            raw[s] = fragments;
            while (stack.Count > 0)
            {
                int a = stack.Pop();
                foreach (var (other, bond) in atoms.Neighbours[a])
                {
                    if (cut.Contains(bond) || raw[other] >= 0) continue;
                    raw[other] = fragments;
                    stack.Push(other);
                }
            }
            fragments++;
        }
        if (fragments != cut.Count + 1)
            throw new ChemistryException(ChemistryErrorKind.Unsupported,
                $"the molecule is not one connected piece ({fragments - cut.Count} parts)");

        var links = new List<(int Bond, int Other)>[fragments];
        for (int f = 0; f < fragments; f++) links[f] = new();
        foreach (int bond in cut)
        {
            int fa = raw[atoms.Conformer.BondBegin[bond]], fb = raw[atoms.Conformer.BondEnd[bond]];
            links[fa].Add((bond, fb));
            links[fb].Add((bond, fa));
        }
        var heavy = new int[fragments];
        for (int a = 0; a < n; a++) if (!atoms.IsHydrogen(a)) heavy[raw[a]]++;
        int root = Enumerable.Range(0, fragments)
            .OrderBy(f => Height(links, f)).ThenByDescending(f => heavy[f]).ThenBy(f => f).First();

        // Depth-first from the root; branches of a fragment in order of their parent atom.
        var renumber = new int[fragments];
        Array.Fill(renumber, -1);
        var branches = new List<TorsionBranch>();
        int next = 0;
        void Visit(int fragment, int from)
        {
            renumber[fragment] = next++;
            foreach (var (bond, other) in links[fragment]
                         .Where(l => l.Other != from)
                         .OrderBy(l => ParentEnd(atoms, raw, l.Bond, fragment)).ThenBy(l => l.Bond))
            {
                int parentAtom = ParentEnd(atoms, raw, bond, fragment);
                int childAtom = atoms.OtherEnd(bond, parentAtom);
                int index = branches.Count;
                branches.Add(default);
                Visit(other, fragment);
                branches[index] = new TorsionBranch(parentAtom, childAtom, renumber[fragment], renumber[other]);
            }
        }
        Visit(root, -1);
        var atomFragment = raw.Select(f => renumber[f]).ToArray();
        return new TorsionTree(atomFragment, branches.ToArray(), fragments);
    }

    private static int ParentEnd(LigandAtoms atoms, int[] raw, int bond, int fragment) =>
        raw[atoms.Conformer.BondBegin[bond]] == fragment ? atoms.Conformer.BondBegin[bond] : atoms.Conformer.BondEnd[bond];

    // Longest path (in rotatable bonds) from fragment to any leaf of the fragment tree.
    private static int Height(List<(int Bond, int Other)>[] links, int start)
    {
        var depth = new Dictionary<int, int> { [start] = 0 };
        var queue = new Queue<int>();
        queue.Enqueue(start);
        int max = 0;
        while (queue.Count > 0)
        {
            int f = queue.Dequeue();
            foreach (var (_, other) in links[f])
            {
                if (depth.ContainsKey(other)) continue;
                depth[other] = depth[f] + 1;
                max = Math.Max(max, depth[other]);
                queue.Enqueue(other);
            }
        }
        return max;
    }
}
