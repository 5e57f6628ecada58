namespace MolScreen.Chemistry.Tests.OpenBabel;

/// <summary>
/// OpenBabel is not thread-safe, so every test class that calls it joins this collection:
/// its tests run one at a time, and never alongside another collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenBabelCollection
{
    public const string Name = "OpenBabel";
}
