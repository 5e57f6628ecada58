namespace MolScreen.Chemistry.Smarts;

/// <summary>The atom properties a SMARTS primitive can test, each read from <see cref="SmartsTarget"/>.</summary>
internal enum AtomProperty : byte
{
    AtomicNumber, Isotope, Charge,
    /// <summary>H: hydrogens folded into the atom plus explicit hydrogen neighbours.</summary>
    TotalHydrogens,
    /// <summary>h: hydrogens folded into the atom only.</summary>
    ImplicitHydrogens,
    /// <summary>D: neighbours present in the graph.</summary>
    Degree,
    /// <summary>X: neighbours plus folded hydrogens.</summary>
    TotalDegree,
    /// <summary>v: bond-order sum plus hydrogens, aromatic bonds counted as RDKit does.</summary>
    TotalValence,
    /// <summary>R: number of (symmetrized) SSSR rings containing the atom.</summary>
    RingCount,
    /// <summary>r: size of the smallest SSSR ring containing the atom, 0 when acyclic.</summary>
    SmallestRing,
    /// <summary>x: number of ring bonds at the atom.</summary>
    RingBonds,
}

/// <summary>A compiled atom expression: primitives combined with SMARTS logic.</summary>
internal abstract class AtomQuery
{
    public abstract bool Matches(SmartsTarget t, int atom);

    /// <summary>True when no atom other than hydrogen can satisfy the query ([#1], [H], [2H], [#1;+0]).</summary>
    public virtual bool RequiresHydrogen => false;

    /// <summary>The one atomic number every matching atom has, or 0 when several are possible.</summary>
    public virtual int RequiredElement => 0;

    /// <summary>Every <see cref="AtomClasses"/> class a matching atom can have (a superset is always safe).</summary>
    public virtual ulong Classes => AtomClasses.All;
}

internal sealed class AnyAtom : AtomQuery
{
    public static readonly AnyAtom Instance = new();
    public override bool Matches(SmartsTarget t, int atom) => true;
}

/// <summary>An element with an optional aromaticity constraint (c, C, [Se], #6).</summary>
internal sealed class ElementQuery(int atomicNumber, bool? aromatic) : AtomQuery
{
    public override bool Matches(SmartsTarget t, int atom) =>
        t.AtomicNumber[atom] == atomicNumber && (aromatic is not { } a || t.Aromatic[atom] == a);

    public override bool RequiresHydrogen => atomicNumber == 1;
    public override int RequiredElement => atomicNumber;
    public override ulong Classes => AtomClasses.OfElement(atomicNumber, aromatic);
}

internal sealed class AromaticityQuery(bool aromatic) : AtomQuery
{
    public override bool Matches(SmartsTarget t, int atom) => t.Aromatic[atom] == aromatic;
    public override ulong Classes => aromatic ? AtomClasses.AromaticMask : AtomClasses.AliphaticMask;
}

/// <summary>A numeric property equal to a value.</summary>
internal sealed class PropertyQuery(AtomProperty property, int value) : AtomQuery
{
    public override bool Matches(SmartsTarget t, int atom) => t.Property(property, atom) == value;
}

/// <summary>A numeric property that is non-zero (bare R, r, x, h: "in a ring", "has a ring bond", "has implicit H").</summary>
internal sealed class NonZeroQuery(AtomProperty property) : AtomQuery
{
    public override bool Matches(SmartsTarget t, int atom) => t.Property(property, atom) != 0;
}

internal sealed class NotQuery(AtomQuery inner) : AtomQuery
{
    public override bool Matches(SmartsTarget t, int atom) => !inner.Matches(t, atom);
}

internal sealed class AndQuery(AtomQuery[] parts) : AtomQuery
{
    public override bool Matches(SmartsTarget t, int atom)
    {
        foreach (var p in parts) if (!p.Matches(t, atom)) return false;
        return true;
    }

    public override bool RequiresHydrogen
    {
        get { foreach (var p in parts) if (p.RequiresHydrogen) return true; return false; }
    }

    public override int RequiredElement
    {
        get { foreach (var p in parts) if (p.RequiredElement != 0) return p.RequiredElement; return 0; }
    }

    public override ulong Classes
    {
        get { ulong c = AtomClasses.All; foreach (var p in parts) c &= p.Classes; return c; }
    }
}

internal sealed class OrQuery(AtomQuery[] parts) : AtomQuery
{
    public override bool Matches(SmartsTarget t, int atom)
    {
        foreach (var p in parts) if (p.Matches(t, atom)) return true;
        return false;
    }

    public override bool RequiresHydrogen
    {
        get { foreach (var p in parts) if (!p.RequiresHydrogen) return false; return true; }
    }

    public override int RequiredElement
    {
        get
        {
            int z = parts[0].RequiredElement;
            foreach (var p in parts) if (p.RequiredElement != z) return 0;
            return z;
        }
    }

    public override ulong Classes
    {
        get { ulong c = 0; foreach (var p in parts) c |= p.Classes; return c; }
    }
}

/// <summary>$(...): the atom is where the sub-pattern's first atom can sit. Results are cached per target atom.</summary>
internal sealed class RecursiveQuery(SmartsPattern pattern) : AtomQuery
{
    public override bool Matches(SmartsTarget t, int atom)
    {
        var cache = t.RecursiveCache(this);
        if (cache[atom] == 0) cache[atom] = pattern.MatchesAt(t, atom) ? (sbyte)1 : (sbyte)-1;
        return cache[atom] > 0;
    }

    public override ulong Classes => pattern.FirstAtomClasses;
}
