using System.Text;
using MolScreen.Ingest.Formats;

namespace MolScreen.Ingest.Tests.Formats;

public class SmilesRecordReaderTests
{
    [Fact]
    public void ReadsSmilesAndNamesWithoutHeader()
    {
        using var files = new TestFiles();
        var path = files.Write("a.smi", "CCO ethanol\nc1ccccc1\tbenzene ring  \nC\n");

        var records = TestFiles.ReadAll(path);

        Assert.Equal(3, records.Count);
        Assert.Equal([0L, 1L, 2L], records.Select(r => r.Index));
        Assert.Equal([0L, 12L, 36L], records.Select(r => r.Offset));
        Assert.Equal(["CCO", "c1ccccc1", "C"], records.Select(r => r.Structure));
        Assert.Equal(["ethanol", "benzene ring", null], records.Select(r => r.Name));
        Assert.Equal("c1ccccc1\tbenzene ring  ", records[1].RawText);
        Assert.Equal(23, records[1].RawLength);
        Assert.All(records, r => Assert.Null(r.Reason));
        Assert.All(records, r => Assert.Equal("smiles", r.Format));
        Assert.All(records, r => Assert.Null(r.Properties));
    }

    [Fact]
    public void HeaderNamedSmilesIsNotARecord()
    {
        using var files = new TestFiles();
        var path = files.Write("a.smi", "SMILES Name\nCCO ethanol\nCC ethane\n");
        using var reader = RecordReaderFactory.Open(path, new InputOptions());

        var records = reader.Read(0, -1).Select(Snapshot.Of).ToList();

        Assert.Equal("SMILES Name", Encoding.UTF8.GetString(reader.HeaderBytes));
        Assert.Equal(2, records.Count);
        Assert.Equal(0, records[0].Index);
        Assert.Equal(12, records[0].Offset);
        Assert.Equal("ethanol", records[0].Name);
    }

    [Fact]
    public void HeaderDetectedWhenFirstTokenIsInvalidAndSecondIsValid()
    {
        using var files = new TestFiles();
        var path = files.Write("a.smi", "structure id\nCCO a\n");
        using var reader = RecordReaderFactory.Open(path, new InputOptions());

        var records = reader.Read(0, -1).ToList();

        Assert.Equal("structure id", Encoding.UTF8.GetString(reader.HeaderBytes));
        Assert.Single(records);
        Assert.Equal("CCO", records[0].Structure);
    }

    [Fact]
    public void SingleBadLineIsARejectedRecordNotAHeader()
    {
        using var files = new TestFiles();
        var path = files.Write("a.smi", "C1CC bad\n");
        using var reader = RecordReaderFactory.Open(path, new InputOptions());

        var records = reader.Read(0, -1).ToList();

        Assert.Empty(reader.HeaderBytes);
        var record = Assert.Single(records);
        Assert.Equal("invalid SMILES: unclosed ring bond 1", record.RejectReason);
        Assert.Null(record.Structure);
        Assert.Equal("bad", record.Name);
    }

    [Fact]
    public void ExplicitHeaderOptionsOverrideDetection()
    {
        using var files = new TestFiles();
        var path = files.Write("a.smi", "CCO first\nCC second\n");

        Assert.Equal(["CC"], TestFiles.ReadAll(path, new InputOptions { HasHeader = true }).Select(r => r.Structure));
        var noHeader = TestFiles.ReadAll(files.Write("b.smi", "smiles name\nCC x\n"), new InputOptions { HasHeader = false });
        Assert.Equal(2, noHeader.Count);
        Assert.StartsWith("invalid SMILES: ", noHeader[0].Reason);
    }

    [Fact]
    public void BlankAndCommentLinesAreNotRecords()
    {
        using var files = new TestFiles();
        var path = files.Write("a.smi", "# made by hand\n\nCCO\n   \n\t# indented comment\nCC\n\n");

        var records = TestFiles.ReadAll(path);

        Assert.Equal([0L, 1L], records.Select(r => r.Index));
        Assert.Equal([16L, 44L], records.Select(r => r.Offset));
    }

    [Fact]
    public void CrLfIsStrippedAndOffsetsCountIt()
    {
        using var files = new TestFiles();
        var path = files.Write("a.smi", "CCO ethanol\r\nCC ethane\r\nC methane");

        var records = TestFiles.ReadAll(path);

        Assert.Equal([0L, 13L, 24L], records.Select(r => r.Offset));
        Assert.Equal(["ethanol", "ethane", "methane"], records.Select(r => r.Name));
        Assert.Equal("CCO ethanol", records[0].RawText);
        Assert.Equal(11, records[0].RawLength);
    }

    [Fact]
    public void InvalidUtf8IsRejectedWithByteOffsetAndRawKept()
    {
        using var files = new TestFiles();
        byte[] bad = [.. "CCO na"u8, 0xFF, .. "me\nCC ok\n"u8];
        var path = files.Write("a.smi", bad);

        var records = TestFiles.ReadAll(path);

        Assert.Equal(2, records.Count);
        Assert.Equal("invalid UTF-8 at byte 6", records[0].Reason);
        Assert.Null(records[0].Structure);
        Assert.Equal(Convert.ToHexString(bad.AsSpan(0, 9)), records[0].Raw);
        Assert.Null(records[1].Reason);
    }

    [Fact]
    public void Utf8NamesAndByteOrderMarkAreHandled()
    {
        using var files = new TestFiles();
        byte[] content = [0xEF, 0xBB, 0xBF, .. "CCO éthanol\nCC 乙烷\n"u8];
        var path = files.Write("a.smi", content);

        var records = TestFiles.ReadAll(path);

        Assert.Equal(["éthanol", "乙烷"], records.Select(r => r.Name));
        Assert.Equal("CCO", records[0].Structure);
        Assert.Equal(16, records[1].Offset);
    }

    [Fact]
    public void GzipGivesTheSameRecordsAsPlain()
    {
        using var files = new TestFiles();
        var content = SampleFile(500);
        var plain = TestFiles.ReadAll(files.Write("a.smi", content));

        Assert.Equal(plain, TestFiles.ReadAll(files.WriteGzip("a.smi.gz", content)));
        Assert.Equal(plain, TestFiles.ReadAll(files.WriteGzip("b.smi.gz", content, members: 3)));
        Assert.Equal(501, plain.Count);
    }

    [Fact]
    public void SeekingByOffsetEqualsSkipping()
    {
        using var files = new TestFiles();
        var content = SampleFile(300);
        var path = files.Write("a.smi", content);
        var gz = files.WriteGzip("a.smi.gz", content);
        var all = TestFiles.ReadAll(path);

        foreach (var k in new[] { 0, 1, 2, 57, 150, 299, 300 })
        {
            var expected = all.Skip(k).ToList();
            Assert.Equal(expected, TestFiles.ReadAll(path, startRecord: k, startByteOffset: all[k].Offset));
            Assert.Equal(expected, TestFiles.ReadAll(path, startRecord: k));
            Assert.Equal(expected, TestFiles.ReadAll(gz, startRecord: k, startByteOffset: all[k].Offset));
        }
        Assert.Empty(TestFiles.ReadAll(path, startRecord: all.Count));
    }

    [Fact]
    public void OffsetsStayExactAcrossBufferBoundaries()
    {
        // Lines of varied length and terminators spanning several 64 KiB buffer refills.
        var random = new Random(7);
        var builder = new StringBuilder();
        var expected = new List<(long Offset, string Name)>();
        long offset = 0;
        for (var i = 0; i < 6000; i++)
        {
            var name = new string('n', random.Next(0, 90)) + i;
            var line = "CC(=O)O " + name + (random.Next(2) == 0 ? "\r\n" : "\n");
            expected.Add((offset, name));
            builder.Append(line);
            offset += line.Length; // ASCII only, so chars == bytes
        }
        using var files = new TestFiles();
        var records = TestFiles.ReadAll(files.Write("big.smi", builder.ToString()));

        Assert.Equal(expected.Select(e => e.Offset), records.Select(r => r.Offset));
        Assert.Equal(expected.Select(e => e.Name), records.Select(r => r.Name));
        Assert.All(records, r => Assert.Equal(r.RawText.Length, r.RawLength));
    }

    [Fact]
    public void ReadingTwiceGivesTheSameSequence()
    {
        using var files = new TestFiles();
        var path = files.Write("a.smi", SampleFile(50));
        using var reader = RecordReaderFactory.Open(path, new InputOptions());

        var first = reader.Read(0, -1).Select(Snapshot.Of).ToList();
        var second = reader.Read(0, 0).Select(Snapshot.Of).ToList();

        Assert.Equal(first, second);
    }

    internal static string SampleFile(int records)
    {
        var builder = new StringBuilder("smiles\tname\n# comment\n");
        string[] smiles = ["CCO", "c1ccccc1", "C1CC", "[Na+].[Cl-]", "C(C", "CC(=O)O", "N#N"];
        for (var i = 0; i < records; i++)
        {
            builder.Append(smiles[i % smiles.Length]).Append('\t').Append("mol").Append(i).Append(i % 5 == 0 ? "\r\n" : "\n");
            if (i % 17 == 0)
                builder.Append('\n');
        }
        builder.Append("CC last-without-newline");
        return builder.ToString();
    }
}
