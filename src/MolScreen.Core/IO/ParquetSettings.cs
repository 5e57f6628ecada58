using Parquet;

namespace MolScreen.Core.IO;

/// <summary>
/// The Parquet options every MolScreen reader and writer uses. Parquet.Net keeps freed buffers in
/// pools of up to 16 MB + 64 MB per process by default; a worker streams shard after shard, so those
/// pools fill up and look like memory growing with library size. Small caps keep a worker's
/// footprint flat at a cost of a few more allocations.
/// </summary>
public static class ParquetSettings
{
    public static ParquetOptions Options() => new()
    {
        CompressionMethod = CompressionMethod.Snappy,
        MaximumSmallPoolFreeBytes = 2 << 20,
        MaximumLargePoolFreeBytes = 8 << 20,
    };
}
