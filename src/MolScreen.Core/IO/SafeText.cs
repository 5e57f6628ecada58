using System.Globalization;
using System.Text;

namespace MolScreen.Core.IO;

/// <summary>
/// Control characters in names and values: how to detect them, and how to write such text where a
/// control character would change meaning (a terminal, one line of an SD file). Everything that
/// reaches a script or a path is refused instead (see the callers); display and SD text is escaped
/// so that nothing is lost and nothing is interpreted.
/// </summary>
public static class SafeText
{
    /// <summary>
    /// C0 and C1 controls, DEL, and the Unicode format characters that reorder or hide text on a
    /// terminal (bidirectional overrides and isolates, zero-width marks, line/paragraph separators).
    /// </summary>
    public static bool IsControl(char c) =>
        c < 0x20 || c is >= '\u007f' and <= '\u009f'
        || c is '\u2028' or '\u2029' or '\u200b' or '\u200e' or '\u200f' or '\ufeff'
        || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';

    public static bool HasControl(string? s)
    {
        if (s == null) return false;
        foreach (var c in s) if (IsControl(c)) return true;
        return false;
    }

    /// <summary>The first control character's 0-based index, or -1.</summary>
    public static int FirstControl(string s)
    {
        for (int i = 0; i < s.Length; i++) if (IsControl(s[i])) return i;
        return -1;
    }

    /// <summary>
    /// Text a terminal shows literally: each control character becomes a visible escape (\n, \t, \r,
    /// \e, \xNN or \uNNNN). Backslashes stay single: SMILES use them for bond directions.
    /// </summary>
    public static string ForDisplay(string? s)
    {
        if (s == null) return "";
        if (!HasControl(s)) return s;
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            if (!IsControl(c)) sb.Append(c);
            else sb.Append(c switch
            {
                '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", '\u001b' => "\\e",
                < '\u0100' => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }

    /// <summary>
    /// One line of an SD file (a title or a data value): control characters escaped as for display,
    /// and a line that would read as the record separator (<c>$$$$</c>) or the end of the molblock
    /// (<c>M  END</c>) prefixed with a backslash, so a name can never end or forge a record.
    /// </summary>
    public static string SdLine(string? s)
    {
        var line = ForDisplay(s);
        return line.StartsWith("$$$$", StringComparison.Ordinal) || line.StartsWith("M  END", StringComparison.Ordinal)
            || line.StartsWith("> ", StringComparison.Ordinal) || line.StartsWith("><", StringComparison.Ordinal)
            ? "\\" + line : line;
    }
}
