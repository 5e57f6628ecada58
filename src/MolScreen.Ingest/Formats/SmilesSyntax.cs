using System.Runtime.CompilerServices;

namespace MolScreen.Ingest.Formats;

/// <summary>
/// Syntax-only check of OpenSMILES strings: tokens, brackets, branches, ring closures and
/// bond placement. It deliberately does no chemistry (valence, aromaticity, stereo sanity):
/// its job is to reject garbage cheaply before a toolkit sees it. Valid input is checked
/// without allocating; only the rejection path builds a reason string.
/// </summary>
/// <remarks>
/// Positions in reasons are 1-based character positions. Ring-bond symbols conflict when
/// both ends name a bond and the orders differ; '-', '/' and '\' all count as single, so
/// directional marks on either end never conflict with each other. Following OpenSMILES,
/// a ring bond must follow its atom directly (before any branch): "C(C)1CC1" is rejected.
/// </remarks>
public static class SmilesSyntax
{
    private const int RingNumbers = 100;

    /// <summary>
    /// Branches open at one time. Toolkits walk branches recursively, so a deeper nesting could
    /// exhaust a native stack; real molecules stay far below it. The Open Babel shim applies the same limit.
    /// </summary>
    public const int MaxBranchDepth = 256;

    private enum Token : byte { None, Atom, RingBond, Bond, OpenBranch, CloseBranch, Dot }

    /// <summary>Returns null when <paramref name="smiles"/> is syntactically valid, else a short reason.</summary>
    // The ring tables are only read where the open-ring mask says they were written, so
    // zeroing them on every call (the default for stackalloc) would be wasted work.
    [SkipLocalsInit]
    public static string? Validate(ReadOnlySpan<char> smiles)
    {
        if (smiles.IsEmpty)
            return "empty SMILES";

        // For each open ring number: the (1-based) index of the atom that opened it and the
        // bond symbol written there. A bit in openRings marks which entries are live.
        Span<int> ringAtom = stackalloc int[RingNumbers];
        Span<char> ringBond = stackalloc char[RingNumbers];
        UInt128 openRings = 0;

        var last = Token.None;
        var beforeBond = Token.None;
        var bond = '\0';
        var depth = 0;
        var atoms = 0;
        var i = 0;

        while (i < smiles.Length)
        {
            var c = smiles[i];
            var pos = i + 1;
            switch (c)
            {
                case '-' or '=' or '#' or '$' or ':' or '/' or '\\':
                    if (last == Token.Bond)
                        return $"two bonds in a row at position {pos}";
                    if (last is Token.None or Token.Dot)
                        return $"bond '{c}' without preceding atom at position {pos}";
                    beforeBond = last;
                    bond = c;
                    last = Token.Bond;
                    i++;
                    break;

                case '(':
                    if (last == Token.Bond)
                        return $"bond before '(' at position {pos}";
                    if (last == Token.None)
                        return $"branch before first atom at position {pos}";
                    if (last is Token.OpenBranch or Token.Dot)
                        return $"unexpected '(' at position {pos}";
                    if (depth == MaxBranchDepth)
                        return $"branches nested deeper than {MaxBranchDepth} at position {pos}";
                    depth++;
                    last = Token.OpenBranch;
                    i++;
                    break;

                case ')':
                    if (depth == 0)
                        return $"unbalanced ')' at position {pos}";
                    if (last == Token.OpenBranch)
                        return $"empty branch at position {pos}";
                    if (last == Token.Bond)
                        return $"bond before ')' at position {pos}";
                    if (last == Token.Dot)
                        return $"unexpected ')' after '.' at position {pos}";
                    depth--;
                    last = Token.CloseBranch;
                    i++;
                    break;

                case '.':
                    if (last == Token.Dot)
                        return $"empty component '..' at position {pos}";
                    if (last == Token.Bond)
                        return $"bond before '.' at position {pos}";
                    if (last == Token.None)
                        return $"'.' before first atom at position {pos}";
                    last = Token.Dot;
                    i++;
                    break;

                case '%' or (>= '0' and <= '9'):
                {
                    int number;
                    if (c != '%')
                    {
                        number = c - '0';
                        i++;
                    }
                    else if (i + 2 < smiles.Length && char.IsAsciiDigit(smiles[i + 1]) && char.IsAsciiDigit(smiles[i + 2]))
                    {
                        number = (smiles[i + 1] - '0') * 10 + (smiles[i + 2] - '0');
                        i += 3;
                    }
                    else
                    {
                        return $"invalid ring bond '%' at position {pos}";
                    }

                    var anchor = last == Token.Bond ? beforeBond : last;
                    if (anchor == Token.CloseBranch)
                        return $"ring bond {number} after branch at position {pos}";
                    if (anchor is not (Token.Atom or Token.RingBond))
                        return $"ring bond {number} without preceding atom at position {pos}";

                    var symbol = last == Token.Bond ? bond : '\0';
                    var ringBit = UInt128.One << number;
                    if ((openRings & ringBit) == 0)
                    {
                        openRings |= ringBit;
                        ringAtom[number] = atoms;
                        ringBond[number] = symbol;
                    }
                    else
                    {
                        if (ringAtom[number] == atoms)
                            return $"ring bond {number} closes on its own atom at position {pos}";
                        if (!CompatibleRingBonds(ringBond[number], symbol))
                            return $"conflicting ring bond symbols for ring bond {number} at position {pos}";
                        openRings &= ~ringBit;
                    }
                    last = Token.RingBond;
                    break;
                }

                case '[':
                {
                    var reason = SkipBracketAtom(smiles, ref i);
                    if (reason is not null)
                        return reason;
                    atoms++;
                    last = Token.Atom;
                    break;
                }

                default:
                {
                    var length = OrganicAtomLength(smiles, i);
                    if (length <= 0)
                        return DescribeBadAtom(smiles, i);
                    i += length;
                    atoms++;
                    last = Token.Atom;
                    break;
                }
            }
        }

        if (last == Token.Bond)
            return "bond at end of SMILES";
        if (last == Token.Dot)
            return "'.' at end of SMILES";
        if (depth > 0)
            return $"unbalanced '(' at position {LastUnclosedBranch(smiles) + 1}";
        if (openRings != 0)
            return $"unclosed ring bond {UInt128.TrailingZeroCount(openRings)}";
        return null;
    }

    private static bool CompatibleRingBonds(char open, char close)
    {
        static bool IsSingle(char b) => b is '-' or '/' or '\\';
        return open == '\0' || close == '\0' || open == close || (IsSingle(open) && IsSingle(close));
    }

    /// <summary>Length of the organic-subset atom at <paramref name="i"/>, or 0 if there is none.</summary>
    private static int OrganicAtomLength(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        return c switch
        {
            'C' when next == 'l' => 2,
            'B' when next == 'r' => 2,
            'B' or 'C' or 'N' or 'O' or 'P' or 'S' or 'F' or 'I' => 1,
            'b' or 'c' or 'n' or 'o' or 'p' or 's' or '*' => 1,
            _ => 0,
        };
    }

    private static string DescribeBadAtom(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (!char.IsAsciiLetter(c))
            return $"unexpected character '{c}' at position {i + 1}";
        // "Na" outside brackets parses as N followed by a stray 'a'; name the element instead.
        if (char.IsAsciiLetterLower(c) && i > 0 && char.IsAsciiLetterUpper(s[i - 1]) && PeriodicTable.IsElement(s.Slice(i - 1, 2)))
            return $"element '{s.Slice(i - 1, 2)}' must be in brackets at position {i}";
        var length = char.IsAsciiLetterUpper(c) && i + 1 < s.Length && char.IsAsciiLetterLower(s[i + 1]) ? 2 : 1;
        var symbol = s.Slice(i, length);
        if (PeriodicTable.IsElement(symbol))
            return $"element '{symbol}' must be in brackets at position {i + 1}";
        return $"unknown element '{symbol}' at position {i + 1}";
    }

    /// <summary>
    /// Checks <c>[isotope? symbol chirality? hcount? charge? class?]</c> starting at the '[' at
    /// <paramref name="i"/>; on success leaves <paramref name="i"/> just past the ']'.
    /// </summary>
    private static string? SkipBracketAtom(ReadOnlySpan<char> s, ref int i)
    {
        var open = i;
        var j = i + 1;

        var isotopeStart = j;
        while (j < s.Length && char.IsAsciiDigit(s[j]))
            j++;
        if (j - isotopeStart > 3)
            return $"isotope too long at position {isotopeStart + 1}";
        if (j >= s.Length)
            return $"unclosed bracket atom at position {open + 1}";
        if (s[j] == ']')
            return $"bracket atom without element at position {open + 1}";

        var symbolReason = SkipBracketSymbol(s, ref j);
        if (symbolReason is not null)
            return symbolReason;

        if (j < s.Length && s[j] == '@')
        {
            j++;
            if (j < s.Length && s[j] == '@')
            {
                j++;
            }
            else if (j + 1 < s.Length && ChiralClassLimit(s[j], s[j + 1]) is var limit and > 0)
            {
                var classStart = j;
                j += 2;
                var value = 0;
                var digits = 0;
                while (j < s.Length && char.IsAsciiDigit(s[j]) && digits < 2)
                {
                    value = value * 10 + (s[j] - '0');
                    j++;
                    digits++;
                }
                if (value < 1 || value > limit)
                    return $"invalid chirality '@{s[classStart..j]}' at position {classStart}";
            }
        }

        if (j < s.Length && s[j] == 'H')
        {
            j++;
            if (j < s.Length && char.IsAsciiDigit(s[j]))
                j++;
        }

        if (j < s.Length && s[j] is '+' or '-')
        {
            var sign = s[j];
            j++;
            if (j < s.Length && s[j] == sign)
            {
                j++;
            }
            else if (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
                if (j < s.Length && char.IsAsciiDigit(s[j]))
                    j++;
            }
        }

        if (j < s.Length && s[j] == ':')
        {
            j++;
            var classStart = j;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
                j++;
            if (j == classStart)
                return $"atom class without number at position {classStart}"; // the ':' (1-based)
        }

        if (j >= s.Length)
            return $"unclosed bracket atom at position {open + 1}";
        if (s[j] != ']')
            return $"unexpected character '{s[j]}' in bracket atom at position {j + 1}";
        i = j + 1;
        return null;
    }

    private static string? SkipBracketSymbol(ReadOnlySpan<char> s, ref int j)
    {
        var c = s[j];
        var hasSecond = j + 1 < s.Length && char.IsAsciiLetterLower(s[j + 1]);
        if (c == '*')
        {
            j++;
            return null;
        }
        if (char.IsAsciiLetterUpper(c))
        {
            // Nothing valid ever follows a symbol with a lowercase letter, so a trailing
            // lowercase letter always belongs to the symbol.
            var symbol = s.Slice(j, hasSecond ? 2 : 1);
            if (!PeriodicTable.IsElement(symbol))
                return $"unknown element '{symbol}' at position {j + 1}";
            j += symbol.Length;
            return null;
        }
        if (char.IsAsciiLetterLower(c))
        {
            var symbol = s.Slice(j, hasSecond ? 2 : 1);
            var aromatic = symbol is "b" or "c" or "n" or "o" or "p" or "s" or "se" or "as" or "te";
            if (!aromatic)
                return $"unknown element '{symbol}' at position {j + 1}";
            j += symbol.Length;
            return null;
        }
        return $"unexpected character '{c}' in bracket atom at position {j + 1}";
    }

    /// <summary>Highest permitted number for a chirality class tag, or 0 if the letters are not one.</summary>
    private static int ChiralClassLimit(char first, char second) => (first, second) switch
    {
        ('T', 'H') => 2,
        ('A', 'L') => 2,
        ('S', 'P') => 3,
        ('T', 'B') => 20,
        ('O', 'H') => 30,
        _ => 0,
    };

    /// <summary>Index of the innermost '(' left open at the end; only called on the error path.</summary>
    private static int LastUnclosedBranch(ReadOnlySpan<char> s)
    {
        var closes = 0;
        for (var k = s.Length - 1; k >= 0; k--)
        {
            if (s[k] == ')')
                closes++;
            else if (s[k] == '(' && closes-- == 0)
                return k;
        }
        return 0;
    }
}
