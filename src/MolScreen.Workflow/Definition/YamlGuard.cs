using MolScreen.Core.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MolScreen.Workflow.Definition;

/// <summary>
/// Checks a workflow file as a stream of YAML events before any document model is built: a size
/// cap, a nesting-depth cap, no anchors or aliases (the document model expands aliases, so a few
/// hundred bytes could otherwise stand for billions of nodes), and no control characters in any
/// scalar other than the line breaks and tabs of a multi-line text. The event parser keeps its own
/// state stack, so even a hostile file is read in linear time without recursion.
/// </summary>
public static class YamlGuard
{
    /// <summary>Largest workflow file read, in bytes.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Mappings and sequences nested in one another.</summary>
    public const int MaxDepth = 64;

    /// <summary>Throws a located <see cref="WorkflowException"/> for the first violation.</summary>
    public static void Check(string text, string file)
    {
        if (text.Length > MaxFileBytes)
            throw new WorkflowException(file, 0, 0, $"workflow file is larger than {MaxFileBytes} bytes");
        var parser = new Parser(new StringReader(text));
        int depth = 0;
        var last = new Mark();
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                last = e.End;
                switch (e)
                {
                    case AnchorAlias alias:
                        throw Error(file, e.Start, $"YAML alias '*{SafeText.ForDisplay(alias.Value.Value)}' is not allowed in a workflow file (anchors and aliases are refused; write the value out)");
                    case NodeEvent { Anchor.IsEmpty: false } node:
                        throw Error(file, e.Start, $"YAML anchor '&{SafeText.ForDisplay(node.Anchor.Value)}' is not allowed in a workflow file (anchors and aliases are refused; write the value out)");
                }
                switch (e)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > MaxDepth) throw Error(file, e.Start, $"YAML nested deeper than {MaxDepth} levels");
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                    case Scalar s when FirstBadControl(s.Value) is var at and >= 0:
                        throw Error(file, e.Start, $"control character U+{(int)s.Value[at]:X4} in '{SafeText.ForDisplay(Shorten(s.Value))}' (only line breaks and tabs, and only in multi-line text)");
                }
            }
        }
        catch (YamlException ex)
        {
            throw new WorkflowException(file, ex.Start.Line, ex.Start.Column, "invalid YAML: " + SafeText.ForDisplay(ex.Message));
        }
        catch (Exception ex) when (ex is not WorkflowException and not OutOfMemoryException)
        {
            // YamlDotNet's scanner throws InvalidOperationException (without a position) on some malformed plain
            // scalars: report any such failure as a syntax error after the last event read, not as a crash.
            throw new WorkflowException(file, last.Line, last.Column, "invalid YAML: malformed text after this point");
        }
    }

    /// <summary>Tabs and line breaks are text in a block scalar (a description); every other control is refused.</summary>
    private static int FirstBadControl(string value)
    {
        for (int i = 0; i < value.Length; i++)
            if (SafeText.IsControl(value[i]) && value[i] is not ('\n' or '\t' or '\r')) return i;
        return -1;
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";

    private static WorkflowException Error(string file, Mark at, string message) => new(file, at.Line, at.Column, message);
}
