using System.Globalization;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Structure;

/// <summary>
/// Reads a ligand PDBQT (ROOT/ENDROOT, BRANCH a b … ENDBRANCH a b, TORSDOF) into a <see cref="LigandModel"/> following Vina's
/// parse_pdbqt.cpp: a branch's second atom is its frame origin but belongs to the parent's rigid piece; atoms of one frame are
/// rigid relative to each other and to the axis atoms of their own branch; everything else moves.
/// </summary>
public static class LigandReader
{
    public const int DefaultMaxTorsions = 32;

    public static LigandModel Read(string path, int maxTorsions = DefaultMaxTorsions)
    {
        if (!File.Exists(path)) throw new DockingException($"ligand {path}: file not found");
        return Parse(File.ReadAllLines(path), Path.GetFileNameWithoutExtension(path), maxTorsions);
    }

    sealed class Branch
    {
        public int Frame;
        public int From, To; // serial numbers
        public int ToAtom = -1;
        public readonly List<int> Own = [];
        public bool HasChild;
    }

    public static LigandModel Parse(IReadOnlyList<string> lines, string name, int maxTorsions = DefaultMaxTorsions)
    {
        var x = new List<float>(); var y = new List<float>(); var z = new List<float>(); var ad = new List<int>();
        var names = new List<string>();
        var serials = new List<int>();
        var frameOf = new List<int>();
        var frameParent = new List<int> { -1 };
        var frameOrigin = new List<int> { -1 };
        var axisBegin = new List<int> { -1 };
        var lineAtom = new int[lines.Count];
        var keptLines = new List<string>();
        var stack = new Stack<Branch>();
        var root = new Branch { Frame = 0 };
        stack.Push(root);
        bool inRoot = false, sawRoot = false;
        int? torsdof = null;
        var branchAtomSets = new Dictionary<int, Branch> { [0] = root };
        for (int li = 0; li < lines.Count; li++)
        {
            string l = lines[li];
            lineAtom[li] = -1;
            string where = $"ligand {name} line {li + 1}";
            if (l.StartsWith("ATOM  ", StringComparison.Ordinal) || l.StartsWith("HETATM", StringComparison.Ordinal))
            {
                if (!inRoot && stack.Count == 1) throw new DockingException($"{where}: atom outside ROOT/BRANCH");
                var (ax, ay, az, t, serial, atomName) = ParseAtom(l, where);
                int idx = x.Count;
                x.Add(ax); y.Add(ay); z.Add(az); ad.Add(t); serials.Add(serial); names.Add(atomName);
                var b = stack.Peek();
                if (b.Frame != 0 && serial == b.To)
                {
                    b.ToAtom = idx;
                    frameOf.Add(frameParent[b.Frame]);
                }
                else
                {
                    frameOf.Add(b.Frame);
                    b.Own.Add(idx);
                }
                lineAtom[li] = idx;
            }
            else if (l.StartsWith("ROOT", StringComparison.Ordinal)) { if (sawRoot) throw new DockingException($"{where}: second ROOT"); inRoot = sawRoot = true; }
            else if (l.StartsWith("ENDROOT", StringComparison.Ordinal)) inRoot = false;
            else if (l.StartsWith("BRANCH", StringComparison.Ordinal))
            {
                var (from, to) = TwoInts(l, "BRANCH", where);
                var parent = stack.Peek();
                int f = frameParent.Count;
                // the parent atom must be in the enclosing branch (its own atoms or its axis end), as in Vina
                int fromAtom = serials.FindLastIndex(s => s == from);
                if (fromAtom < 0 || !(parent.Own.Contains(fromAtom) || parent.ToAtom == fromAtom))
                    throw new DockingException($"{where}: no atom number {from} in the enclosing branch");
                parent.HasChild = true;
                frameParent.Add(parent.Frame); frameOrigin.Add(-1); axisBegin.Add(fromAtom);
                var nb = new Branch { Frame = f, From = from, To = to };
                branchAtomSets[f] = nb;
                stack.Push(nb);
            }
            else if (l.StartsWith("ENDBRANCH", StringComparison.Ordinal))
            {
                var (from, to) = TwoInts(l, "ENDBRANCH", where);
                if (stack.Count <= 1) throw new DockingException($"{where}: ENDBRANCH without BRANCH");
                var b = stack.Pop();
                if (b.From != from || b.To != to) throw new DockingException($"{where}: inconsistent branch numbers");
                if (b.ToAtom < 0) throw new DockingException($"{where}: atom {to} has not been found in this branch");
                frameOrigin[b.Frame] = b.ToAtom;
            }
            else if (l.StartsWith("TORSDOF", StringComparison.Ordinal))
            {
                if (!int.TryParse(l[7..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), out var td) || td < 0)
                    throw new DockingException($"{where}: TORSDOF syntax error");
                torsdof = td;
            }
            else if (l.StartsWith("MODEL", StringComparison.Ordinal)) throw new DockingException($"{where}: multi-MODEL ligand; split it first");
        }
        if (stack.Count != 1) throw new DockingException($"ligand {name}: BRANCH not closed");
        if (!sawRoot) throw new DockingException($"ligand {name}: no ROOT record");
        if (x.Count == 0) throw new DockingException($"ligand {name}: no atoms");
        if (torsdof == null) throw new DockingException($"ligand {name}: missing TORSDOF");
        frameOrigin[0] = root.Own.Count > 0 ? root.Own[0] : throw new DockingException($"ligand {name}: ROOT has no atoms");

        // Vina drops branches with nothing but their axis atom (no torsion to search); fold them into the parent.
        var remap = CollapseEmptyBranches(frameParent, frameOrigin, axisBegin, frameOf, branchAtomSets);
        int torsions = frameParent.Count - 1;
        if (torsions > maxTorsions) throw new DockingException($"ligand {name}: {torsions} torsions, more than the limit of {maxTorsions}");

        int n = x.Count;
        var fo = frameOf.ToArray();
        var fp = frameParent.ToArray();
        var forg = frameOrigin.ToArray();
        var axb = axisBegin.ToArray();
        var adArr = ad.ToArray();
        var mobility = new Mobility(fo, fp, forg, axb);
        var bonds = BondPerception.Perceive(x.ToArray(), y.ToArray(), z.ToArray(), adArr, mobility.CanBond);
        var xs = BondPerception.AssignXs(adArr, bonds);
        var (pa, pb, pt) = IntramolecularPairs(n, adArr, xs, bonds, mobility);
        float numTors = NumTors(adArr, bonds, mobility);
        return new LigandModel
        {
            Name = name, X = x.ToArray(), Y = y.ToArray(), Z = z.ToArray(), Ad = adArr, Xs = xs, FrameOf = fo, FrameParent = fp,
            FrameOrigin = forg, AxisBegin = axb, PairA = pa, PairB = pb, PairType = pt,
            PairGlued = pa.Select((ia, k) => XsType.IsGlued(xs[ia], xs[pb[k]])).ToArray(), Bonds = bonds, NumTors = numTors,
            Torsdof = torsdof.Value, PdbqtLines = lines.ToArray(), LineAtom = lineAtom, AtomNames = names.ToArray(),
        };
    }

    static int[] CollapseEmptyBranches(List<int> parent, List<int> origin, List<int> axis, List<int> frameOf, Dictionary<int, Branch> branches)
    {
        var map = Enumerable.Range(0, parent.Count).ToArray();
        for (int f = parent.Count - 1; f >= 1; f--)
            if (branches[f].Own.Count == 0 && !branches[f].HasChild) map[f] = -1;
        if (map.All(m => m >= 0)) return map;
        var newIndex = new int[parent.Count];
        int k = 0;
        for (int f = 0; f < parent.Count; f++) newIndex[f] = map[f] >= 0 ? k++ : -1;
        var np = new List<int>(); var no = new List<int>(); var na = new List<int>();
        for (int f = 0; f < parent.Count; f++)
            if (newIndex[f] >= 0) { np.Add(parent[f] < 0 ? -1 : newIndex[parent[f]]); no.Add(origin[f]); na.Add(axis[f]); }
        for (int i = 0; i < frameOf.Count; i++) frameOf[i] = newIndex[frameOf[i]];
        parent.Clear(); parent.AddRange(np); origin.Clear(); origin.AddRange(no); axis.Clear(); axis.AddRange(na);
        return newIndex;
    }

    static (float, float, float, int, int, string) ParseAtom(string l, string where)
    {
        if (l.Length < 54) throw new DockingException($"{where}: ATOM record too short");
        static string Col(string s, int a, int b) => s.Length >= b ? s[a..b] : s.Length > a ? s[a..] : "";
        if (!float.TryParse(Col(l, 30, 38), NumberStyles.Float, CultureInfo.InvariantCulture, out var ax)
            || !float.TryParse(Col(l, 38, 46), NumberStyles.Float, CultureInfo.InvariantCulture, out var ay)
            || !float.TryParse(Col(l, 46, 54), NumberStyles.Float, CultureInfo.InvariantCulture, out var az))
            throw new DockingException($"{where}: coordinates are not numbers");
        if (!float.IsFinite(ax) || !float.IsFinite(ay) || !float.IsFinite(az)) throw new DockingException($"{where}: coordinates are NaN or infinite");
        if (!int.TryParse(Col(l, 6, 11).Trim(), out int serial)) throw new DockingException($"{where}: atom number is not a number");
        string type = l.Length > 77 ? l[77..].Trim() : ""; // Vina reads the type from column 78 to the end of the line
        int t = AdType.Parse(type);
        if (t < 0 || t == AdType.W) throw new DockingException($"{where}: \"{type}\" is not an AutoDock atom type Vina docks");
        return (ax, ay, az, t, serial, Col(l, 12, 16).Trim());
    }

    static (int, int) TwoInts(string l, string tag, string where)
    {
        var parts = l[tag.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !int.TryParse(parts[0], out int a) || !int.TryParse(parts[1], out int b) || a < 0 || b < 0)
            throw new DockingException($"{where}: {tag} syntax error");
        return (a, b);
    }

    /// <summary>Vina's relative mobility of two ligand atoms (distance fixed, rotor axis, or variable).</summary>
    internal sealed class Mobility(int[] frameOf, int[] frameParent, int[] frameOrigin, int[] axisBegin)
    {
        public bool IsRotor(int i, int j)
        {
            for (int f = 1; f < frameParent.Length; f++)
                if ((axisBegin[f] == i && frameOrigin[f] == j) || (axisBegin[f] == j && frameOrigin[f] == i)) return true;
            return false;
        }

        public bool IsFixed(int i, int j)
        {
            if (frameOf[i] == frameOf[j]) return !IsRotor(i, j);
            return AxisOf(i, frameOf[j]) || AxisOf(j, frameOf[i]);
        }

        bool AxisOf(int atom, int frame) => frame > 0 && (axisBegin[frame] == atom || frameOrigin[frame] == atom);
        public bool CanBond(int i, int j) => IsFixed(i, j) || IsRotor(i, j);
        public bool IsVariable(int i, int j) => !CanBond(i, j);
    }

    static (int[], int[], int[]) IntramolecularPairs(int n, int[] ad, int[] xs, List<int>[] bonds, Mobility m)
    {
        var a = new List<int>(); var b = new List<int>(); var t = new List<int>();
        var near = new HashSet<int>();
        for (int i = 0; i < n; i++)
        {
            near.Clear();
            WithinBonds(i, 3, bonds, near);
            for (int j = i + 1; j < n; j++)
            {
                if (!m.IsVariable(i, j) || near.Contains(j)) continue;
                if (IsClosureClash(i, j, ad, bonds)) continue;
                if (xs[i] < 0 || xs[j] < 0) continue;
                a.Add(i); b.Add(j); t.Add(XsType.PairIndex(xs[i], xs[j]));
            }
        }
        return (a.ToArray(), b.ToArray(), t.ToArray());
    }

    // Vina's is_closure_clash: across an opened macrocycle bond (CGk ... CGk) the atoms next to either closure carbon would be
    // 1-2/1-3/1-4 neighbours once the ring is closed, so their pairs are left out; the glue pair Gk-CGk itself is kept.
    static bool IsClosureClash(int i, int j, int[] ad, List<int>[] bonds)
    {
        int gi = GlueIndex(ad[i], AdType.G0), gj = GlueIndex(ad[j], AdType.G0);
        int ci = GlueIndex(ad[i], AdType.CG0), cj = GlueIndex(ad[j], AdType.CG0);
        if ((gi >= 0 && gi == cj) || (gj >= 0 && gj == ci)) return false;
        int mask = 0;
        foreach (int k in bonds[i].Append(i)) { int c = GlueIndex(ad[k], AdType.CG0); if (c >= 0) mask |= 1 << c; }
        foreach (int k in bonds[j].Append(j)) { int c = GlueIndex(ad[k], AdType.CG0); if (c >= 0 && (mask & (1 << c)) != 0) return true; }
        return false;
    }

    static int GlueIndex(int ad, int first) => ad >= first && ad < first + 4 ? ad - first : -1;

    // Vina's depth-first walk (model.cpp bonded_to): an atom first reached by a long path is not expanded again, so in
    // rings this can exclude fewer pairs than a breadth-first search would; kept as is to build the same pair list.
    static void WithinBonds(int a, int depth, List<int>[] bonds, HashSet<int> into)
    {
        if (!into.Add(a) || depth == 0) return;
        foreach (int b in bonds[a]) WithinBonds(b, depth - 1, bonds, into);
    }

    static float NumTors(int[] ad, List<int>[] bonds, Mobility m)
    {
        float tors = 0;
        for (int i = 0; i < ad.Length; i++)
        {
            if (AdType.IsHydrogen(ad[i])) continue;
            int rotors = 0;
            foreach (int j in bonds[i])
                if (m.IsRotor(i, j) && !AdType.IsHydrogen(ad[j]) && bonds[j].Count(k => !AdType.IsHydrogen(ad[k])) > 1) rotors++;
            tors += 0.5f * rotors;
        }
        return tors;
    }
}
