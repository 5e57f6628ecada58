using System.Numerics;

namespace MolScreen.Chemistry.Smarts;

/// <summary>
/// Necessary conditions for a pattern to match, read from its query graph once and tested against
/// a molecule's <see cref="TargetScreen"/> before any search. A match maps pattern atoms to distinct
/// target atoms and pattern bonds to distinct target bonds, so the molecule needs: at least as many
/// atoms as the pattern's heavy atoms; for each pattern atom's class set, at least as many atoms in
/// it as there are pattern atoms confined to it; the same for bond kinds; and, for every pattern
/// bond with few possible (class, class, kind) combinations, one of them present as a bond.
/// Hydrogen leaves are left out: they may stand for hydrogens folded into their neighbour.
/// A pattern that fails the screen has no match, so screening never changes a result.
/// </summary>
internal sealed class PatternScreen
{
    /// <summary>Pattern bonds with more (class, class, kind) combinations than this are not screened by pairs.</summary>
    private const int MaxPairAlternatives = 16;
    private const int AllKinds = (1 << TargetScreen.BondKinds) - 1;

    private readonly bool _impossible;
    private readonly int _requiredAtoms;
    private readonly (ulong Classes, int Need)[] _atomNeeds;
    private readonly (int Kinds, int Need)[] _bondNeeds;
    /// <summary>Per screened bond, the pair indices of which the target must have one; fewest first.</summary>
    private readonly int[][] _pairs;

    public PatternScreen(QueryGraph g)
    {
        int n = g.Atoms.Count;
        var classes = new ulong[n];
        var leaf = new bool[n];
        var atomMasks = new List<ulong>();
        for (int a = 0; a < n; a++)
        {
            leaf[a] = g.Atoms[a].RequiresHydrogen && g.Degree(a) == 1;
            if (leaf[a]) continue;
            _requiredAtoms++;
            classes[a] = g.Atoms[a].Classes & AtomClasses.All;
            if (classes[a] == 0) _impossible = true;
            atomMasks.Add(classes[a]);
        }
        _atomNeeds = atomMasks.Where(m => m != AtomClasses.All).Distinct()
            .Select(m => (m, atomMasks.Count(x => (x & ~m) == 0))).OrderBy(x => BitOperations.PopCount(x.m)).ToArray();

        var kindSets = new List<int>();
        var pairs = new List<int[]>();
        foreach (var (x, y, mask) in g.Bonds)
        {
            if (leaf[x] || leaf[y]) continue;
            int kinds = 0;
            for (int k = 0; k < TargetScreen.BondKinds; k++) if ((mask & (3 << (2 * k))) != 0) kinds |= 1 << k;
            if (kinds == 0) _impossible = true;
            kindSets.Add(kinds);
            if (BitOperations.PopCount(classes[x]) * BitOperations.PopCount(classes[y]) * BitOperations.PopCount((uint)kinds) > MaxPairAlternatives) continue;
            var alternatives = new List<int>();
            foreach (int cx in Bits(classes[x]))
                foreach (int cy in Bits(classes[y]))
                    for (int k = 0; k < TargetScreen.BondKinds; k++)
                        if ((kinds & (1 << k)) != 0) alternatives.Add(TargetScreen.Pair(cx, cy, k));
            alternatives.Sort();
            if (!pairs.Any(p => p.AsSpan().SequenceEqual(alternatives.ToArray()))) pairs.Add(alternatives.ToArray());
        }
        _bondNeeds = kindSets.Where(k => k != AllKinds).Distinct().Select(k => (k, kindSets.Count(x => (x & ~k) == 0))).ToArray();
        _pairs = pairs.OrderBy(p => p.Length).ToArray();
    }

    /// <summary>False when the molecule certainly has no match; true when a search is needed.</summary>
    public bool Admits(SmartsTarget t)
    {
        if (_impossible || _requiredAtoms > t.AtomCount) return false;
        var s = t.Screen;
        foreach (var (classes, need) in _atomNeeds)
            if (s.AtomsIn(classes) < need) return false;
        foreach (var (kinds, need) in _bondNeeds)
            if (s.BondsIn(kinds) < need) return false;
        foreach (var alternatives in _pairs)
        {
            bool any = false;
            foreach (int p in alternatives) if (s.HasPair(p)) { any = true; break; }
            if (!any) return false;
        }
        return true;
    }

    private static IEnumerable<int> Bits(ulong mask)
    {
        for (; mask != 0; mask &= mask - 1) yield return BitOperations.TrailingZeroCount(mask);
    }
}
