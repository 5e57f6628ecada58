namespace MolScreen.Core.Stages;

/// <summary>
/// A stage that reads files or folders named by its parameters beyond the ones marked
/// <see cref="ParameterSpec.IsFile"/>: model folders, defaults resolved when the stage runs. The plan hashes the bytes
/// of every path returned into the stage's parameter hash, so editing or swapping one of them reruns exactly this stage
/// and its downstream. A path that does not exist is returned as is (it hashes as missing; the stage reports it).
/// </summary>
public interface IReadsFiles
{
    /// <summary>Absolute paths of the files and folders the stage reads with these parameters.</summary>
    IReadOnlyList<string> FilesRead(StageParameters parameters);
}
