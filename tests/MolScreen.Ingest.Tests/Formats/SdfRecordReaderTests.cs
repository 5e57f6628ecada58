using System.Text;
using MolScreen.Ingest.Formats;

namespace MolScreen.Ingest.Tests.Formats;

public class SdfRecordReaderTests
{
    internal const string Ethanol =
        "ethanol\n" +
        "  RDKit          2D\n" +
        "\n" +
        "  3  2  0  0  0  0  0  0  0  0999 V2000\n" +
        "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n" +
        "    1.2990    0.7500    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n" +
        "    2.5981   -0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0\n" +
        "  1  2  1  0\n" +
        "  2  3  1  0\n" +
        "M  END";

    internal const string Data = "\n>  <ID>  (1)\nETH-1\n\n> <NOTE>\nfirst line\nsecond line\n\n";

    private const string Methane =
        "\n  hand\n\n  1  0  0  0  0  0  0  0  0  0999 V2000\n" +
        "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\nM  END";

    [Fact]
    public void ReadsMolblocksNamesAndDataItems()
    {
        using var files = new TestFiles();
        var content = Ethanol + Data + "$$$$\n" + Methane + "\n$$$$\n";
        var path = files.Write("a.sdf", content);

        var records = TestFiles.ReadAll(path);

        Assert.Equal(2, records.Count);
        Assert.Equal(Ethanol, records[0].Structure);
        Assert.Equal("ethanol", records[0].Name);
        Assert.Equal("""{"ID":"ETH-1","NOTE":"first line\nsecond line"}""", records[0].Properties);
        Assert.Equal("molblock", records[0].Format);
        Assert.Equal(Ethanol + Data.TrimEnd('\n') + "\n", records[0].RawText);
        Assert.Equal(0, records[0].Offset);
        Assert.Equal(content.IndexOf("$$$$\n", StringComparison.Ordinal) + 5, records[1].Offset);
        Assert.Null(records[1].Name);
        Assert.Equal(Methane, records[1].Structure);
        Assert.Null(records[1].Properties);
        Assert.All(records, r => Assert.Null(r.Reason));
    }

    [Fact]
    public void NameFieldTakesTheNameFromADataItem()
    {
        using var files = new TestFiles();
        var path = files.Write("a.sdf", Ethanol + Data + "$$$$\n");

        var record = Assert.Single(TestFiles.ReadAll(path, new InputOptions { NameField = "id" }));

        Assert.Equal("ETH-1", record.Name);
        Assert.Equal("""{"NOTE":"first line\nsecond line"}""", record.Properties);
    }

    [Fact]
    public void FinalRecordWithoutTerminatorIsAcceptedWhenComplete()
    {
        using var files = new TestFiles();
        var records = TestFiles.ReadAll(files.Write("a.sdf", Ethanol + "\n$$$$\n" + Methane + "\n\n"));

        Assert.Equal(2, records.Count);
        Assert.Null(records[1].Reason);
        Assert.Equal(Methane, records[1].Structure);
    }

    [Fact]
    public void TruncatedFinalRecordIsRejected()
    {
        using var files = new TestFiles();
        var truncated = Ethanol[..Ethanol.IndexOf("  1  2  1", StringComparison.Ordinal)];
        var records = TestFiles.ReadAll(files.Write("a.sdf", Ethanol + "\n$$$$\n" + truncated));

        Assert.Equal(2, records.Count);
        Assert.Equal("truncated SDF record: no 'M  END' line", records[1].Reason);
        Assert.Null(records[1].Structure);
        Assert.Equal(1, records[1].Index);
    }

    [Theory]
    [InlineData("  3  2  0", "  x  2  0", "SDF counts line unreadable")]
    [InlineData("  3  2  0  0  0  0  0  0  0  0999 V2000", "  3", "SDF counts line unreadable")]
    [InlineData("  3  2  0", " 12  2  0", "SDF atom block has 5 of 12 atom lines")]
    [InlineData("  3  2  0", "  3  4  0", "SDF bond block has 2 of 4 bond lines")]
    [InlineData(" O  ", " Xx ", "SDF atom 3 has unknown element 'Xx'")]
    [InlineData("  2  3  1  0", "  2  7  1  0", "SDF bond 2 references atom 7 outside 1..3")]
    [InlineData(" O  ", " R# ", null)]
    [InlineData(" O  ", " *  ", null)]
    [InlineData(" O  ", " Cl ", null)]
    public void ConnectionTableIsChecked(string find, string replace, string? reason)
    {
        using var files = new TestFiles();
        var broken = Ethanol.Replace(find, replace);
        Assert.NotEqual(Ethanol, broken);

        var record = Assert.Single(TestFiles.ReadAll(files.Write("a.sdf", broken + "\n$$$$\n")));

        Assert.Equal(reason, record.Reason);
        Assert.Equal(reason is null, record.Structure is not null);
    }

    [Fact]
    public void MissingCountsLineIsRejected()
    {
        using var files = new TestFiles();
        var record = Assert.Single(TestFiles.ReadAll(files.Write("a.sdf", "title\nprog\nM  END\n$$$$\n")));
        Assert.Equal("SDF counts line unreadable", record.Reason);
    }

    [Fact]
    public void V3000NeedsCtabDelimiters()
    {
        const string v3000 =
            "v3\n  prog\n\n  0  0  0     0  0            999 V3000\n" +
            "M  V30 BEGIN CTAB\nM  V30 COUNTS 1 0 0 0 0\nM  V30 BEGIN ATOM\nM  V30 1 C 0 0 0 0\n" +
            "M  V30 END ATOM\nM  V30 END CTAB\nM  END";
        using var files = new TestFiles();
        var path = files.Write("a.sdf",
            v3000 + "\n$$$$\n" +
            v3000.Replace("M  V30 END CTAB\n", "") + "\n$$$$\n" +
            v3000.Replace("M  V30 BEGIN CTAB\n", "") + "\n$$$$\n");

        var records = TestFiles.ReadAll(path);

        Assert.Equal(
            [null, "SDF V3000 record has no 'M  V30 END CTAB' line", "SDF V3000 record has no 'M  V30 BEGIN CTAB' line"],
            records.Select(r => r.Reason));
        Assert.Equal(v3000, records[0].Structure);
    }

    [Fact]
    public void FileOfBlankLinesHasNoRecords()
    {
        using var files = new TestFiles();
        Assert.Empty(TestFiles.ReadAll(files.Write("a.sdf", "\n\n  \n\r\n")));
        Assert.Empty(TestFiles.ReadAll(files.Write("b.sdf", "")));
    }

    [Fact]
    public void EmptyRecordBetweenTerminatorsIsRejectedNotSkipped()
    {
        using var files = new TestFiles();
        var records = TestFiles.ReadAll(files.Write("a.sdf", Ethanol + "\n$$$$\n$$$$\n" + Methane + "\n$$$$\n"));

        Assert.Equal(3, records.Count);
        Assert.Equal("truncated SDF record: no 'M  END' line", records[1].Reason);
        Assert.Equal(Ethanol.Length + 6, records[1].Offset);
        Assert.Equal(0, records[1].RawLength);
    }

    [Fact]
    public void CrLfFileGivesTheSameStructuresAndKeepsRawBytes()
    {
        using var files = new TestFiles();
        var unix = Ethanol + Data + "$$$$\n" + Methane + "\n$$$$\n";
        var windows = unix.Replace("\n", "\r\n");

        var lf = TestFiles.ReadAll(files.Write("lf.sdf", unix));
        var crlf = TestFiles.ReadAll(files.Write("crlf.sdf", windows));

        Assert.Equal(lf.Select(r => (r.Structure, r.Name, r.Properties)), crlf.Select(r => (r.Structure, r.Name, r.Properties)));
        Assert.Equal(windows.IndexOf("$$$$", StringComparison.Ordinal) + 6, crlf[1].Offset);
        Assert.Equal((Ethanol + Data).Replace("\n", "\r\n")[..^2], crlf[0].RawText);
        Assert.Equal(crlf[0].RawText.Length, crlf[0].RawLength);
    }

    [Fact]
    public void InvalidUtf8InADataItemRejectsTheRecord()
    {
        using var files = new TestFiles();
        var prefix = Encoding.UTF8.GetBytes(Ethanol + "\n> <NOTE>\n");
        byte[] content = [.. prefix, 0xC3, 0x28, .. "\n\n$$$$\n"u8, .. Encoding.UTF8.GetBytes(Methane + "\n$$$$\n")];

        var records = TestFiles.ReadAll(files.Write("a.sdf", content));

        Assert.Equal(2, records.Count);
        Assert.Equal($"invalid UTF-8 at byte {prefix.Length}", records[0].Reason);
        Assert.Null(records[1].Reason);
    }

    [Fact]
    public void GzipAndSeekingMatchPlainReading()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 120; i++)
        {
            var title = i % 11 == 0 ? Ethanol.Replace(" O  ", " Zz ") : Ethanol;
            builder.Append(title.Replace("ethanol", $"mol{i}")).Append(i % 2 == 0 ? Data : "\n").Append("$$$$\n");
        }
        var content = builder.ToString();
        using var files = new TestFiles();
        var path = files.Write("a.sdf", content);
        var all = TestFiles.ReadAll(path);

        Assert.Equal(120, all.Count);
        Assert.Equal(all, TestFiles.ReadAll(files.WriteGzip("a.sdf.gz", content, members: 4)));
        foreach (var k in new[] { 1, 11, 60, 119 })
        {
            Assert.Equal(all.Skip(k), TestFiles.ReadAll(path, startRecord: k, startByteOffset: all[k].Offset));
            Assert.Equal(all.Skip(k), TestFiles.ReadAll(path, startRecord: k));
        }
    }
}
