using System.Reflection;

namespace MolScreen.Core;

public static class MolScreenInfo
{
    /// <summary>Product version recorded in every manifest; a new version redoes shards.</summary>
    public static string Version { get; } =
        typeof(MolScreenInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
