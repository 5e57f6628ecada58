using System.Text;
using MolScreen.Ingest.Formats;

namespace MolScreen.Ingest.Tests.Formats;

public class OversizedRecordTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;
    private const long AllocationBudget = 4 * 1024 * 1024;

    private static byte[] WithHugeLine(string before, string after, string terminator = "\n")
    {
        var head = Encoding.UTF8.GetBytes(before);
        var tail = Encoding.UTF8.GetBytes(terminator + after);
        var content = new byte[head.Length + TenMegabytes + tail.Length];
        head.CopyTo(content, 0);
        content.AsSpan(head.Length, TenMegabytes).Fill((byte)'C');
        tail.CopyTo(content, head.Length + TenMegabytes);
        return content;
    }

    /// <summary>Reads every record, keeping only what the assertions need, and reports bytes allocated.</summary>
    private static (List<(long Offset, long Length, int RawBytes, string? Reason)> Records, long Allocated) ReadMeasured(
        string path, InputOptions? options = null)
    {
        var records = new List<(long, long, int, string?)>(8);
        var before = GC.GetAllocatedBytesForCurrentThread();
        using (var reader = RecordReaderFactory.Open(path, options ?? new InputOptions()))
        {
            foreach (var record in reader.Read(0, -1))
                records.Add((record.ByteOffset, record.RawLength, record.Raw.Length, record.RejectReason));
        }
        return (records, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("a.smi", "CCO first\n", "CC last\n", "\n")]
    [InlineData("b.smi", "CCO first\r\n", "CC last\r\n", "\r\n")]
    [InlineData("c.csv", "smiles,name\nCCO,first\n", "CC,last\n", "\n")]
    public void TenMegabyteLineIsRejectedWithoutLoadingIt(string name, string before, string after, string terminator)
    {
        using var files = new TestFiles();
        var path = files.Write(name, WithHugeLine(before, after, terminator));

        var (records, allocated) = ReadMeasured(path);

        Assert.Equal(3, records.Count);
        Assert.Null(records[0].Reason);
        Assert.Equal($"record too long ({TenMegabytes} bytes > limit 1048576)", records[1].Reason);
        Assert.Equal(TenMegabytes, records[1].Length);
        Assert.Equal(1024, records[1].RawBytes);
        Assert.Equal(Encoding.UTF8.GetByteCount(before), records[1].Offset);
        Assert.Equal(records[1].Offset + TenMegabytes + terminator.Length, records[2].Offset);
        Assert.Null(records[2].Reason);
        Assert.True(allocated < AllocationBudget, $"allocated {allocated} bytes");
    }

    [Fact]
    public void TenMegabyteLineInGzipIsRejectedWithoutLoadingIt()
    {
        using var files = new TestFiles();
        var path = files.WriteGzip("a.smi.gz", WithHugeLine("CCO first\n", "CC last\n"));

        var (records, allocated) = ReadMeasured(path);

        Assert.Equal([null, $"record too long ({TenMegabytes} bytes > limit 1048576)", null], records.Select(r => r.Reason));
        Assert.True(allocated < AllocationBudget, $"allocated {allocated} bytes");
    }

    [Fact]
    public void TenMegabyteSdfRecordIsRejectedAndTheNextOneRead()
    {
        using var files = new TestFiles();
        var path = files.Write("a.sdf", WithHugeLine(SdfRecordReaderTests.Ethanol + "\n$$$$\n",
            "$$$$\n" + SdfRecordReaderTests.Ethanol + "\n$$$$\n"));

        var (records, allocated) = ReadMeasured(path);

        Assert.Equal(3, records.Count);
        Assert.Equal([null, $"record too long ({TenMegabytes} bytes > limit 1048576)", null], records.Select(r => r.Reason));
        Assert.Equal(1024, records[1].RawBytes);
        Assert.True(allocated < AllocationBudget, $"allocated {allocated} bytes");
    }

    [Fact]
    public void SdfRecordOfManyLinesOverTheLimitIsRejected()
    {
        var builder = new StringBuilder(SdfRecordReaderTests.Ethanol).Append('\n');
        for (var i = 0; i < 100; i++)
            builder.Append("> <P").Append(i).Append(">\n").Append(new string('x', 50)).Append("\n\n");
        builder.Append("$$$$\n").Append(SdfRecordReaderTests.Ethanol).Append("\n$$$$\n");
        using var files = new TestFiles();
        var path = files.Write("a.sdf", builder.ToString());

        var records = TestFiles.ReadAll(path, new InputOptions { MaxRecordBytes = 2000 });

        Assert.Equal(2, records.Count);
        Assert.StartsWith("record too long (", records[0].Reason);
        Assert.Equal(builder.ToString().IndexOf("$$$$", StringComparison.Ordinal) - 1, records[0].RawLength);
        Assert.Equal(builder.ToString()[..1024], records[0].RawText);
        Assert.Null(records[1].Reason);
    }

    [Fact]
    public void LimitBoundaryIsExactForEveryLineLengthAndTerminator()
    {
        // Small limits push lines through both the in-buffer and the streaming-past paths.
        const int limit = 16;
        var random = new Random(11);
        var builder = new StringBuilder();
        var expected = new List<Snapshot>();
        long offset = 0;
        for (var i = 0; i < 600; i++)
        {
            var length = random.Next(1, 70);
            var line = new string('C', length);
            var terminator = random.Next(3) switch { 0 => "\r\n", 1 => "\n", _ => "\n" };
            var tooLong = length > limit;
            expected.Add(new Snapshot(i, offset, Convert.ToHexString(Encoding.ASCII.GetBytes(line)), length, "smiles",
                tooLong ? null : line, null, null, tooLong ? $"record too long ({length} bytes > limit {limit})" : null));
            builder.Append(line).Append(terminator);
            offset += length + terminator.Length;
        }
        using var files = new TestFiles();
        var path = files.Write("a.smi", builder.ToString());

        Assert.Equal(expected, TestFiles.ReadAll(path, new InputOptions { MaxRecordBytes = limit, HasHeader = false }));
    }
}
