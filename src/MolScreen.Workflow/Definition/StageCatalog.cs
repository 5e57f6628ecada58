using MolScreen.Core.Stages;

namespace MolScreen.Workflow.Definition;

/// <summary>The stage kinds this build of MolScreen knows; the CLI composes it from the stage projects.</summary>
public sealed class StageCatalog
{
    private readonly Dictionary<string, IStage> _stages = new(StringComparer.Ordinal);

    public StageCatalog(params IStage[] stages)
    {
        foreach (var s in stages) Add(s);
    }

    public void Add(IStage stage)
    {
        if (!_stages.TryAdd(stage.Kind, stage)) throw new ArgumentException($"stage kind '{stage.Kind}' registered twice");
    }

    public IEnumerable<IStage> All => _stages.Values;
    public IStage? Find(string kind) => _stages.GetValueOrDefault(kind);
    public string KnownKinds => string.Join(", ", _stages.Keys.Order(StringComparer.Ordinal));
}
