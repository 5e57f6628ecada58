using TorchSharp;

namespace MolScreen.Learning;

/// <summary>Where a model runs; `auto` means CUDA when the CUDA libtorch is present and sees a device.</summary>
public enum DeviceChoice { Auto, Cpu, Cuda }

/// <summary>
/// Loads libtorch once per process and turns its failures into messages a user can act on; TorchSharp's own
/// message for a missing or unloadable native library names the wrong cause (see DEPENDENCIES.md).
/// </summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static bool _loaded;

    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded) return;
            try
            {
                // One thread per worker process: stages scale with processes, and libtorch's own pool would
                // oversubscribe the cores the other workers use.
                torch.set_num_threads(Math.Max(1, ThreadBudget()));
                _ = torch.zeros(1);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidOperationException(
                    "libtorch could not be loaded (TorchSharp 0.107.0 with libtorch-cpu-linux-x64 2.10.0). On Debian 12 the " +
                    "build marks libLibTorchSharp.so's GLIBCXX_3.4.32 need as weak; rebuild with `./build.sh` if this " +
                    $"binary was copied from elsewhere. Cause: {e.Message}", e);
            }
            _loaded = true;
        }
    }

    /// <summary>Threads libtorch may use: MOLSCREEN_TORCH_THREADS, else 1 (workers are processes).</summary>
    public static int ThreadBudget() =>
        int.TryParse(Environment.GetEnvironmentVariable("MOLSCREEN_TORCH_THREADS"), out var n) && n > 0 ? n : 1;

    public static bool CudaAvailable
    {
        get { EnsureLoaded(); return torch.cuda.is_available(); }
    }

    public static DeviceChoice Parse(string text) => text.ToLowerInvariant() switch
    {
        "auto" => DeviceChoice.Auto,
        "cpu" => DeviceChoice.Cpu,
        "cuda" or "gpu" => DeviceChoice.Cuda,
        _ => throw new ArgumentException($"unknown device '{text}': expected auto, cpu or cuda"),
    };

    public static torch.Device Resolve(DeviceChoice choice)
    {
        EnsureLoaded();
        return choice switch
        {
            DeviceChoice.Cpu => torch.CPU,
            DeviceChoice.Cuda when torch.cuda.is_available() => torch.CUDA,
            DeviceChoice.Cuda => throw new InvalidOperationException(
                "--device cuda: no CUDA device is visible to libtorch (this build uses the CPU libtorch; rebuild with -p:TorchBackend=cuda where the CUDA package is available)"),
            _ => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
        };
    }
}
