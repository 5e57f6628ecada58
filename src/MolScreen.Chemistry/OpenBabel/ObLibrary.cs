using System.Reflection;
using System.Runtime.InteropServices;

namespace MolScreen.Chemistry.OpenBabel;

/// <summary>
/// Loads libmolscreen_ob.so once per process. The runtime's own probing would report a missing
/// file, or a missing libopenbabel.so.7 behind it, only as "unable to load molscreen_ob"; loading
/// by full path first turns both into a message that says what to install. The library is
/// linked with that soname, so the [LibraryImport] calls bind to this same loaded copy.
/// </summary>
internal static class ObLibrary
{
    internal const string ImportName = "molscreen_ob";
    internal const string FileName = "libmolscreen_ob.so";

    private static readonly object Gate = new();
    private static volatile bool _loaded;

    public static void EnsureLoaded()
    {
        if (_loaded) return;
        lock (Gate)
        {
            if (_loaded) return;
            Load();
            ObNative.Check(ObNative.ms_init());
            _loaded = true;
        }
    }

    private static void Load()
    {
        var candidates = new[] { AppContext.BaseDirectory, Path.GetDirectoryName(typeof(ObLibrary).Assembly.Location) }
            .Where(d => !string.IsNullOrEmpty(d))
            .Select(d => Path.Combine(d!, FileName))
            .Distinct()
            .ToList();
        var path = candidates.FirstOrDefault(File.Exists) ?? throw new DllNotFoundException(
            $"{FileName} was not found (looked in: {string.Join(", ", candidates)}). It is compiled from " +
            "src/MolScreen.Chemistry/native by the MolScreen.Chemistry build, which needs OpenBabel 3: " +
            "run scripts/install-deps.sh, then rebuild.");
        try
        {
            NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException(
                $"{path} could not be loaded: {e.Message}. The OpenBabel runtime library is probably missing: " +
                "run scripts/install-deps.sh.", e);
        }
    }

    /// <summary>Version of the OpenBabel the shim was compiled against, for provenance records.</summary>
    public static string OpenBabelVersion
    {
        get
        {
            EnsureLoaded();
            return Marshal.PtrToStringUTF8(ObNative.ms_openbabel_version()) ?? "";
        }
    }
}
