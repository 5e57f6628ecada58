using System.Globalization;

namespace MolScreen.Ranking;

/// <summary>
/// The `select` stage's filter: comparisons of numeric columns and numbers (`herg_pred &lt; 5.5`), boolean columns
/// (`pass_ro5`), `and`, `or`, `not` and parentheses. A small recursive-descent parser with limits on length,
/// tokens and nesting, so a hostile expression fails to parse instead of exhausting the stack. A row whose
/// value is missing (null, or a column the row lacks) does not pass, and the reason says so.
/// </summary>
public sealed class SelectFilter
{
    public const int MaxLength = 2000, MaxTokens = 400, MaxDepth = 32;

    private abstract record Node;
    private sealed record Compare(Operand Left, string Op, Operand Right) : Node;
    private sealed record BoolColumn(string Name) : Node;
    private sealed record Literal(bool Value) : Node;
    private sealed record Not(Node Inner) : Node;
    private sealed record Junction(bool IsAnd, List<Node> Parts) : Node;
    private sealed record Operand(string? Column, double Number);

    private readonly Node _root;
    public string Text { get; }
    /// <summary>Every column the expression reads.</summary>
    public IReadOnlyList<string> Columns { get; }

    private SelectFilter(string text, Node root, List<string> columns) { Text = text; _root = root; Columns = columns; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the position and the problem.</summary>
    public static SelectFilter Parse(string text)
    {
        if (text.Length > MaxLength) throw new ArgumentException($"filter is {text.Length} characters; at most {MaxLength}");
        var tokens = Tokenize(text);
        var columns = new List<string>();
        int pos = 0;
        var root = Or(0);
        if (pos < tokens.Count) throw Error(tokens[pos], "unexpected");
        return new SelectFilter(text, root, columns);

        Node Or(int depth)
        {
            var parts = new List<Node> { And(depth) };
            while (Accept("or")) parts.Add(And(depth));
            return parts.Count == 1 ? parts[0] : new Junction(false, parts);
        }
        Node And(int depth)
        {
            var parts = new List<Node> { Unary(depth) };
            while (Accept("and")) parts.Add(Unary(depth));
            return parts.Count == 1 ? parts[0] : new Junction(true, parts);
        }
        Node Unary(int depth)
        {
            if (depth > MaxDepth) throw new ArgumentException($"filter nests deeper than {MaxDepth}");
            if (Accept("not")) return new Not(Unary(depth + 1));
            if (Accept("("))
            {
                var inner = Or(depth + 1);
                if (!Accept(")")) throw pos < tokens.Count ? Error(tokens[pos], "expected ')' at") : new ArgumentException("filter: missing ')'");
                return inner;
            }
            if (Accept("true")) return new Literal(true);
            if (Accept("false")) return new Literal(false);
            var left = Value();
            if (pos < tokens.Count && tokens[pos].Text is "<" or "<=" or ">" or ">=" or "==" or "!=")
            {
                var op = tokens[pos++].Text;
                return new Compare(left, op, Value());
            }
            if (left.Column == null) throw new ArgumentException($"filter: the number {left.Number.ToString(CultureInfo.InvariantCulture)} is not a condition (compare it with a column)");
            return new BoolColumn(left.Column);
        }
        Operand Value()
        {
            if (pos >= tokens.Count) throw new ArgumentException("filter ends where a column or number was expected");
            var t = tokens[pos++];
            if (t.Kind == 'n') return new Operand(null, double.Parse(t.Text, CultureInfo.InvariantCulture));
            if (t.Kind == 'c' && t.Text is not ("and" or "or" or "not" or "true" or "false"))
            {
                if (!columns.Contains(t.Text)) columns.Add(t.Text);
                return new Operand(t.Text, 0);
            }
            throw Error(t, "expected a column or a number at");
        }
        bool Accept(string word)
        {
            if (pos < tokens.Count && tokens[pos].Text == word) { pos++; return true; }
            return false;
        }
    }

    private readonly record struct Token(string Text, char Kind, int At);

    private static ArgumentException Error(Token t, string what) => new($"filter: {what} '{t.Text}' (character {t.At + 1})");

    private static List<Token> Tokenize(string s)
    {
        var list = new List<Token>();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_')) i++;
                list.Add(new Token(s[start..i], 'c', start));
            }
            else if (char.IsAsciiDigit(c) || c == '.' || ((c == '-' || c == '+') && i + 1 < s.Length && (char.IsAsciiDigit(s[i + 1]) || s[i + 1] == '.')))
            {
                i++;
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.' || s[i] is 'e' or 'E' || (s[i] is '-' or '+' && s[i - 1] is 'e' or 'E'))) i++;
                if (!double.TryParse(s.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    throw new ArgumentException($"filter: '{s[start..i]}' is not a number (character {start + 1})");
                list.Add(new Token(s[start..i], 'n', start));
            }
            else if (c is '<' or '>' or '=' or '!')
            {
                i += i + 1 < s.Length && s[i + 1] == '=' ? 2 : 1;
                var op = s[start..i];
                if (op is "=" or "!") throw new ArgumentException($"filter: '{op}' at character {start + 1}: use == or !=");
                list.Add(new Token(op, 'o', start));
            }
            else if (c is '(' or ')') { i++; list.Add(new Token(c.ToString(), 'p', start)); }
            else throw new ArgumentException($"filter: unexpected character '{(char.IsControl(c) ? '?' : c)}' at {start + 1}");
            if (list.Count > MaxTokens) throw new ArgumentException($"filter has more than {MaxTokens} tokens");
        }
        if (list.Count == 0) throw new ArgumentException("filter is empty");
        return list;
    }

    /// <summary>Null when the row passes, else why not (`filter: herg_pred >= 5.5`).</summary>
    /// <param name="value">A column's value for the row: double, bool, or null when missing.</param>
    public string? Reject(Func<string, object?> value)
    {
        if (Eval(_root, value) == true) return null;
        // For a conjunction, name the first part that failed; otherwise the whole expression.
        var failed = _root is Junction { IsAnd: true } j ? j.Parts.First(p => Eval(p, value) != true) : _root;
        return "filter: " + Explain(failed, value);
    }

    private static bool? Eval(Node n, Func<string, object?> value) => n switch
    {
        Literal l => l.Value,
        BoolColumn b => value(b.Name) as bool?,
        Not x => !Eval(x.Inner, value),
        Junction { IsAnd: true } a => a.Parts.Aggregate((bool?)true, (acc, p) => acc == false ? false : Eval(p, value) is var v && v == false ? false : acc == null || v == null ? null : true),
        Junction o => o.Parts.Aggregate((bool?)false, (acc, p) => acc == true ? true : Eval(p, value) is var v && v == true ? true : acc == null || v == null ? null : false),
        Compare c => Num(c.Left, value) is { } l && Num(c.Right, value) is { } r ? c.Op switch
        {
            "<" => l < r, "<=" => l <= r, ">" => l > r, ">=" => l >= r, "==" => l == r, _ => l != r,
        } : null,
        _ => null,
    };

    private static double? Num(Operand o, Func<string, object?> value) => o.Column == null ? o.Number : value(o.Column) switch
    {
        double d when !double.IsNaN(d) => d,
        bool b => b ? 1 : 0,
        _ => null,
    };

    private static string Explain(Node n, Func<string, object?> value)
    {
        var missing = Missing(n, value);
        if (missing != null) return $"{missing} is missing";
        return n switch
        {
            BoolColumn b => $"{b.Name} is false",
            Compare c => $"{Show(c.Left)} {Negate(c.Op)} {Show(c.Right)}",
            Not { Inner: BoolColumn b } => $"{b.Name} is true",
            _ => "not (" + Describe(n) + ")",
        };
    }

    private static string? Missing(Node n, Func<string, object?> value) => n switch
    {
        BoolColumn b => value(b.Name) is bool ? null : b.Name,
        Compare c => new[] { c.Left, c.Right }.Where(o => o.Column != null).Select(o => o.Column!).FirstOrDefault(col => Num(new Operand(col, 0), value) == null),
        _ => null,
    };

    private static string Negate(string op) => op switch { "<" => ">=", "<=" => ">", ">" => "<=", ">=" => "<", "==" => "!=", _ => "==" };
    private static string Show(Operand o) => o.Column ?? o.Number.ToString(CultureInfo.InvariantCulture);

    private static string Describe(Node n) => n switch
    {
        Literal l => l.Value ? "true" : "false",
        BoolColumn b => b.Name,
        Not x => "not " + Describe(x.Inner),
        Junction j => string.Join(j.IsAnd ? " and " : " or ", j.Parts.Select(p => p is Junction ? "(" + Describe(p) + ")" : Describe(p))),
        Compare c => $"{Show(c.Left)} {c.Op} {Show(c.Right)}",
        _ => "?",
    };
}
