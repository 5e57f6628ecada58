namespace MolScreen.Chemistry.Smarts;

/// <summary>
/// Recursive-descent reader for Daylight SMARTS, following RDKit where the two differ (uppercase
/// symbols outside the organic subset match either aromaticity; [Nh] is N with an implicit H).
/// Logic precedence, highest first: ! (not), &amp; or adjacency (and), ',' (or), ';' (low-precedence and).
/// Recursive SMARTS are parsed in place over the same string so error positions stay absolute.
/// </summary>
internal sealed class SmartsParser
{
    private readonly string _text;
    private readonly int _end;
    private readonly int _depth;
    private int _pos;

    private SmartsParser(string text, int start, int end, int depth)
    {
        _text = text;
        _pos = start;
        _end = end;
        _depth = depth;
    }

    public static QueryGraph Parse(string smarts)
    {
        if (smarts.Length > SmartsLimits.MaxLength)
            throw new SmartsException(smarts, SmartsLimits.MaxLength, $"pattern longer than {SmartsLimits.MaxLength} characters");
        return new SmartsParser(smarts, 0, smarts.Length, 0).ParseGraph();
    }

    private char Peek => _pos < _end ? _text[_pos] : '\0';
    private char PeekAt(int offset) => _pos + offset < _end ? _text[_pos + offset] : '\0';
    private SmartsException Error(string problem, int? at = null) => new(_text, at ?? _pos, problem);

    private QueryGraph ParseGraph()
    {
        var g = new QueryGraph();
        int prev = -1;
        var branches = new Stack<(int Atom, int Pos)>();
        var rings = new Dictionary<int, (int Atom, byte? Mask, int Pos)>();
        byte? bond = null;
        int bondPos = -1;
        if (_pos >= _end) throw Error("empty pattern");
        while (_pos < _end)
        {
            char c = Peek;
            if (c == '(')
            {
                if (prev < 0) throw Error("branch without a preceding atom");
                if (bond is not null) throw Error("bond before a branch", bondPos);
                if (PeekAt(1) == ')') throw Error("empty branch");
                if (branches.Count >= SmartsLimits.MaxBranchDepth) throw Error($"branches nested deeper than {SmartsLimits.MaxBranchDepth}");
                branches.Push((prev, _pos++));
            }
            else if (c == ')')
            {
                if (branches.Count == 0) throw Error("unmatched ')'");
                if (bond is not null) throw Error("bond without a following atom", bondPos);
                prev = branches.Pop().Atom;
                _pos++;
            }
            else if (c == '.')
            {
                if (prev < 0) throw Error("empty component");
                if (bond is not null) throw Error("bond without a following atom", bondPos);
                if (branches.Count > 0) throw Error("'.' inside a branch");
                prev = -1;
                _pos++;
                if (_pos >= _end) throw Error("empty component");
            }
            else if (IsBondStart(c))
            {
                if (prev < 0) throw Error("bond without a preceding atom");
                bondPos = _pos;
                bond = ParseBondExpression();
            }
            else if (char.IsAsciiDigit(c) || c == '%')
            {
                if (prev < 0) throw Error("ring closure without a preceding atom");
                int at = _pos, label = ReadRingLabel();
                if (rings.Remove(label, out var open))
                {
                    if (open.Atom == prev) throw Error("ring closure to the same atom", at);
                    if (g.Bonded(open.Atom, prev)) throw Error("ring closure duplicates an existing bond", at);
                    if (open.Mask is { } m1 && bond is { } m2 && m1 != m2) throw Error("ring closure bonds disagree", at);
                    g.Bonds.Add((open.Atom, prev, bond ?? open.Mask ?? BondMask.SingleOrAromatic));
                }
                else rings[label] = (prev, bond, at);
                bond = null;
            }
            else
            {
                int atom = g.Atoms.Count;
                if (atom >= SmartsLimits.MaxAtoms) throw Error($"more than {SmartsLimits.MaxAtoms} atoms in one pattern");
                g.Atoms.Add(c == '[' ? ParseBracketAtom() : ParseBareAtom());
                if (prev >= 0) g.Bonds.Add((prev, atom, bond ?? BondMask.SingleOrAromatic));
                bond = null;
                prev = atom;
            }
        }
        if (bond is not null) throw Error("bond without a following atom", bondPos);
        if (branches.Count > 0) throw Error("unclosed branch", branches.Peek().Pos);
        if (rings.Count > 0) throw Error("unclosed ring bond", rings.Values.Min(r => r.Pos));
        return g;
    }

    private int ReadRingLabel()
    {
        if (Peek != '%') return _text[_pos++] - '0';
        int at = _pos++;
        if (Peek == '(')
        {
            _pos++;
            int n = ReadNumber();
            if (n < 0 || Peek != ')') throw Error("expected a ring number and ')' after '%('", at);
            _pos++;
            return n;
        }
        if (!char.IsAsciiDigit(Peek) || !char.IsAsciiDigit(PeekAt(1))) throw Error("'%' must be followed by two digits", at);
        int label = (_text[_pos] - '0') * 10 + (_text[_pos + 1] - '0');
        _pos += 2;
        return label;
    }

    /// <summary>A non-negative decimal number at the cursor, or -1 when there is none.</summary>
    private int ReadNumber()
    {
        int start = _pos, n = 0;
        while (char.IsAsciiDigit(Peek))
        {
            if (_pos - start >= 6) throw Error("number too long");
            n = n * 10 + (_text[_pos++] - '0');
        }
        return _pos == start ? -1 : n;
    }

    private static bool IsBondStart(char c) => c is '-' or '=' or '#' or ':' or '~' or '@' or '/' or '\\' or '!';

    private byte ParseBondExpression()
    {
        byte mask = ParseBondOr();
        while (Peek == ';') { _pos++; mask &= ParseBondOr(); }
        return mask;
    }

    private byte ParseBondOr()
    {
        byte mask = ParseBondAnd();
        while (Peek == ',') { _pos++; mask |= ParseBondAnd(); }
        return mask;
    }

    private byte ParseBondAnd()
    {
        byte mask = ParseBondUnary();
        while (Peek == '&' || IsBondStart(Peek))
        {
            if (Peek == '&') _pos++;
            mask &= ParseBondUnary();
        }
        return mask;
    }

    private byte ParseBondUnary()
    {
        // A run of '!' is read as its parity: no recursion, so "!!!!…" cannot exhaust the stack.
        bool negate = false;
        while (Peek == '!') { negate = !negate; _pos++; }
        byte mask = ParseBondPrimitive();
        return negate ? (byte)~mask : mask;
    }

    private byte ParseBondPrimitive()
    {
        char c = Peek;
        _pos++;
        return c switch
        {
            '-' or '/' or '\\' => BondMask.Single,
            '=' => BondMask.Double,
            '#' => BondMask.Triple,
            ':' => BondMask.Aromatic,
            '~' => BondMask.Any,
            '@' => BondMask.Ring,
            _ => throw Error("expected a bond primitive", _pos - 1),
        };
    }

    private AtomQuery ParseBareAtom()
    {
        char c = Peek;
        if (c == '*') { _pos++; return AnyAtom.Instance; }
        if (c == 'a') { _pos++; return new AromaticityQuery(true); }
        if (c == 'A') { _pos++; return new AromaticityQuery(false); }
        if (c is 'C' && PeekAt(1) == 'l') { _pos += 2; return new ElementQuery(17, false); }
        if (c is 'B' && PeekAt(1) == 'r') { _pos += 2; return new ElementQuery(35, false); }
        switch (c)
        {
            case 'B': case 'C': case 'N': case 'O': case 'P': case 'S': case 'F': case 'I':
                _pos++;
                return new ElementQuery(ElementSymbols.Number(c.ToString()), false);
            case 'b': case 'c': case 'n': case 'o': case 'p': case 's':
                _pos++;
                return new ElementQuery(ElementSymbols.Aromatic[c.ToString()], true);
        }
        throw Error(c == ']' ? "unmatched ']'" : $"unexpected character '{c}'");
    }

    private AtomQuery ParseBracketAtom()
    {
        int open = _pos++;
        var query = TryHydrogenAtom() ?? ParseLowAnd();
        if (Peek == ':')
        {
            // Atom-map numbers label atoms for reactions; they do not constrain a match.
            _pos++;
            if (ReadNumber() < 0) throw Error("expected an atom-map number after ':'");
        }
        if (_pos >= _end) throw Error("unclosed '['", open);
        if (Peek != ']') throw Error($"unexpected character '{Peek}' in bracket atom");
        _pos++;
        return query;
    }

    /// <summary>[H], [2H], [H+], [H-1]: a hydrogen atom, not the H-count primitive.</summary>
    private AtomQuery? TryHydrogenAtom()
    {
        int save = _pos, isotope = ReadNumber();
        if (Peek != 'H' || char.IsAsciiDigit(PeekAt(1))) { _pos = save; return null; }
        _pos++;
        int? charge = Peek is '+' or '-' ? ReadCharge() : null;
        if (Peek is not (']' or ':')) { _pos = save; return null; }
        var parts = new List<AtomQuery> { new ElementQuery(1, null) };
        if (isotope >= 0) parts.Add(new PropertyQuery(AtomProperty.Isotope, isotope));
        if (charge is { } q) parts.Add(new PropertyQuery(AtomProperty.Charge, q));
        return parts.Count == 1 ? parts[0] : new AndQuery(parts.ToArray());
    }

    private int ReadCharge()
    {
        char sign = _text[_pos++];
        int magnitude = ReadNumber();
        if (magnitude < 0)
        {
            magnitude = 1;
            while (Peek == sign) { magnitude++; _pos++; }
        }
        return sign == '+' ? magnitude : -magnitude;
    }

    private AtomQuery ParseLowAnd()
    {
        var parts = new List<AtomQuery> { ParseOr() };
        while (Peek == ';') { _pos++; parts.Add(ParseOr()); }
        return parts.Count == 1 ? parts[0] : new AndQuery(parts.ToArray());
    }

    private AtomQuery ParseOr()
    {
        var parts = new List<AtomQuery> { ParseHighAnd() };
        while (Peek == ',') { _pos++; parts.Add(ParseHighAnd()); }
        return parts.Count == 1 ? parts[0] : new OrQuery(parts.ToArray());
    }

    private AtomQuery ParseHighAnd()
    {
        var parts = new List<AtomQuery> { ParseUnary() };
        while (_pos < _end && Peek is not (';' or ',' or ']' or ':'))
        {
            if (Peek == '&') _pos++;
            parts.Add(ParseUnary());
        }
        return parts.Count == 1 ? parts[0] : new AndQuery(parts.ToArray());
    }

    private AtomQuery ParseUnary()
    {
        // A run of '!' is read as its parity: no recursion, so "!!!!…" cannot exhaust the stack.
        bool negate = false;
        while (Peek == '!') { negate = !negate; _pos++; }
        var primitive = ParsePrimitive();
        return negate ? new NotQuery(primitive) : primitive;
    }

    private AtomQuery ParsePrimitive()
    {
        if (_pos >= _end) throw Error("unclosed '['");
        int at = _pos;
        char c = Peek;
        if (char.IsAsciiDigit(c)) return new PropertyQuery(AtomProperty.Isotope, ReadNumber());
        switch (c)
        {
            case '*': _pos++; return AnyAtom.Instance;
            case '$': return ParseRecursive();
            case '+' or '-': return new PropertyQuery(AtomProperty.Charge, ReadCharge());
            case '#':
                _pos++;
                int z = ReadNumber();
                if (z < 0) throw Error("expected an atomic number after '#'", at);
                return new ElementQuery(z, null);
            case '@':
                // Chirality is read and ignored: matching here is not stereo-aware, as RDKit's default.
                while (Peek == '@') _pos++;
                if (Peek == '?') _pos++;
                return AnyAtom.Instance;
        }
        if (char.IsAsciiLetterUpper(c)) return ParseUppercase(at);
        if (char.IsAsciiLetterLower(c)) return ParseLowercase(at);
        throw Error(c == ']' ? "empty bracket atom or missing primitive" : $"unexpected character '{c}' in bracket atom");
    }

    private AtomQuery ParseUppercase(int at)
    {
        char c = Peek, next = PeekAt(1);
        if (char.IsAsciiLetterLower(next) && ElementSymbols.Number($"{c}{next}") is > 0 and var two)
        {
            _pos += 2;
            return Element(two);
        }
        _pos++;
        switch (c)
        {
            case 'H': return Counted(AtomProperty.TotalHydrogens);
            case 'D': return Counted(AtomProperty.Degree);
            case 'X': return Counted(AtomProperty.TotalDegree);
            case 'R': return CountedOrPresent(AtomProperty.RingCount, AtomProperty.RingBonds);
            case 'A': return new AromaticityQuery(false);
        }
        if (ElementSymbols.Number(c.ToString()) is > 0 and var one) return Element(one);
        throw Error($"unknown element or primitive '{c}'", at);
    }

    private AtomQuery ParseLowercase(int at)
    {
        char c = Peek, next = PeekAt(1);
        if (char.IsAsciiLetterLower(next) && ElementSymbols.Aromatic.TryGetValue($"{c}{next}", out var two))
        {
            _pos += 2;
            return new ElementQuery(two, true);
        }
        _pos++;
        switch (c)
        {
            case 'a': return new AromaticityQuery(true);
            case 'h': return CountedOrPresent(AtomProperty.ImplicitHydrogens, AtomProperty.ImplicitHydrogens);
            case 'r': return CountedOrPresent(AtomProperty.SmallestRing, AtomProperty.RingBonds);
            case 'x': return CountedOrPresent(AtomProperty.RingBonds, AtomProperty.RingBonds);
            case 'v': return Counted(AtomProperty.TotalValence);
        }
        if (ElementSymbols.Aromatic.TryGetValue(c.ToString(), out var one)) return new ElementQuery(one, true);
        throw Error($"unknown aromatic element or primitive '{c}'", at);
    }

    private static ElementQuery Element(int z) => new(z, ElementSymbols.IsOrganicSubset(z) ? false : null);

    /// <summary>A primitive whose bare form means 1 (H, D, X, v).</summary>
    private AtomQuery Counted(AtomProperty property)
    {
        int n = ReadNumber();
        return new PropertyQuery(property, n < 0 ? 1 : n);
    }

    /// <summary>A primitive whose bare form means "non-zero" (R, r: in a ring, i.e. has a ring bond; x: has a ring
    /// bond; h: has an implicit H).</summary>
    private AtomQuery CountedOrPresent(AtomProperty counted, AtomProperty bare)
    {
        int n = ReadNumber();
        return n < 0 ? new NonZeroQuery(bare) : new PropertyQuery(counted, n);
    }

    private AtomQuery ParseRecursive()
    {
        int at = _pos;
        if (PeekAt(1) != '(') throw Error("expected '(' after '$'", at);
        if (_depth >= SmartsLimits.MaxRecursionDepth) throw Error($"recursive SMARTS '$(' nested deeper than {SmartsLimits.MaxRecursionDepth}", at);
        int start = _pos + 2, depth = 1, i = start;
        for (; i < _end && depth > 0; i++)
        {
            if (_text[i] == '(') depth++;
            else if (_text[i] == ')') depth--;
        }
        if (depth > 0) throw Error("unclosed '$('", at);
        int end = i - 1;
        if (end == start) throw Error("empty recursive SMARTS", at);
        var inner = new SmartsParser(_text, start, end, _depth + 1).ParseGraph();
        _pos = i;
        return new RecursiveQuery(new SmartsPattern(_text[start..end], inner));
    }
}
