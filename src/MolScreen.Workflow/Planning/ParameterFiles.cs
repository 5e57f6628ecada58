using MolScreen.Core.IO;
using MolScreen.Workflow.Definition;

namespace MolScreen.Workflow.Planning;

/// <summary>
/// The content hashes of the file parameters that a stage's output is a function of (a lookup table of scores),
/// so a reuse decision follows the table's bytes, not its path. Files are hashed once per plan build.
/// </summary>
public static class ParameterFiles
{
    /// <summary>Parameters holding tables whose content decides the output.</summary>
    private static readonly string[] ContentParameters = ["table"];

    public static IEnumerable<string> ContentHashes(StageDefinition def)
    {
        foreach (var spec in def.Stage.Parameters.Where(s => s.IsFile && ContentParameters.Contains(s.Name)))
            if (def.Parameters.GetString(spec.Name) is { Length: > 0 } path && File.Exists(path))
                yield return spec.Name + "=" + ContentHash.OfFile(path);
    }
}
