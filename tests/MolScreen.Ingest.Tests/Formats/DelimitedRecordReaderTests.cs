using System.Text;
using MolScreen.Ingest.Formats;

namespace MolScreen.Ingest.Tests.Formats;

public class DelimitedRecordReaderTests
{
    [Fact]
    public void HeaderColumnsGiveSmilesNameAndProperties()
    {
        using var files = new TestFiles();
        var path = files.Write("a.csv", "ID,SMILES,mw,source\nE1,CCO,46.07,vendor\nB2,c1ccccc1,78.11,\n");
        using var reader = RecordReaderFactory.Open(path, new InputOptions());

        var records = reader.Read(0, -1).Select(Snapshot.Of).ToList();

        Assert.Equal("ID,SMILES,mw,source", Encoding.UTF8.GetString(reader.HeaderBytes));
        Assert.Equal(2, records.Count);
        Assert.Equal(["CCO", "c1ccccc1"], records.Select(r => r.Structure));
        Assert.Equal(["E1", "B2"], records.Select(r => r.Name));
        Assert.Equal("""{"mw":"46.07","source":"vendor"}""", records[0].Properties);
        Assert.Equal("""{"mw":"78.11","source":""}""", records[1].Properties);
        Assert.Equal([20L, 40L], records.Select(r => r.Offset));
        Assert.Equal("E1,CCO,46.07,vendor", records[0].RawText);
    }

    [Fact]
    public void QuotedFieldsFollowRfc4180()
    {
        using var files = new TestFiles();
        var path = files.Write("a.csv", "name,smiles,note\n\"a,b\",\"CCO\",\"say \"\"hi\"\"\"\n\"\",CC,\"\"\n");

        var records = TestFiles.ReadAll(path);

        Assert.Equal("a,b", records[0].Name);
        Assert.Equal("CCO", records[0].Structure);
        Assert.Equal("""{"note":"say \"hi\""}""", records[0].Properties);
        Assert.Null(records[1].Name);
        Assert.Equal("""{"note":""}""", records[1].Properties);
    }

    [Fact]
    public void MalformedLinesAreRejectedOneRecordEach()
    {
        using var files = new TestFiles();
        var path = files.Write("a.csv",
            "smiles,name,mw\n" +
            "CCO,ok,1\n" +
            "CC,\"open,1\n" +
            "CC,two\n" +
            "CC,a,b,c\n" +
            ",empty,3\n" +
            "C1CC,ring,4\n" +
            "\"CC\"x,after,5\n" +
            "  CCN  ,padded,6\n");

        var records = TestFiles.ReadAll(path);

        Assert.Equal(
        [
            null,
            "unterminated quote",
            "wrong number of fields (2, header has 3)",
            "wrong number of fields (4, header has 3)",
            "missing SMILES column value",
            "invalid SMILES: unclosed ring bond 1",
            "unexpected character after closing quote at position 5",
            null,
        ], records.Select(r => r.Reason));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), records.Select(r => r.Index));
        Assert.Equal("CCN", records[7].Structure);
        Assert.Equal("ring", records[5].Name);
    }

    [Fact]
    public void WithoutHeaderSmilesIsColumnZeroAndOthersAreNumberedColumns()
    {
        using var files = new TestFiles();
        var path = files.Write("a.csv", "CCO,ethanol,46.07\nCC,ethane,30.07\n");
        using var reader = RecordReaderFactory.Open(path, new InputOptions());

        var records = reader.Read(0, -1).Select(Snapshot.Of).ToList();

        Assert.Empty(reader.HeaderBytes);
        Assert.Equal(["CCO", "CC"], records.Select(r => r.Structure));
        Assert.Equal("""{"col1":"ethanol","col2":"46.07"}""", records[0].Properties);
        Assert.All(records, r => Assert.Null(r.Name));

        var named = TestFiles.ReadAll(path, new InputOptions { NameColumn = "col1" });
        Assert.Equal(["ethanol", "ethane"], named.Select(r => r.Name));
        Assert.Equal("""{"col2":"46.07"}""", named[0].Properties);
    }

    [Fact]
    public void TabSeparatedFromExtensionWithCustomColumns()
    {
        using var files = new TestFiles();
        var path = files.Write("a.tsv", "Structure\tLabel\tcompound_id\nCCO\tx\tC-1\r\nCC\ty\tC-2\r\n");

        var auto = TestFiles.ReadAll(path, new InputOptions { SmilesColumn = "structure" });
        Assert.Equal(["C-1", "C-2"], auto.Select(r => r.Name));
        Assert.Equal("""{"Label":"x"}""", auto[0].Properties);

        var explicitName = TestFiles.ReadAll(path, new InputOptions { SmilesColumn = "STRUCTURE", NameColumn = "label" });
        Assert.Equal(["x", "y"], explicitName.Select(r => r.Name));
        Assert.Equal("CCO\tx\tC-1", explicitName[0].RawText);
    }

    [Fact]
    public void ExplicitDelimiterOverridesExtension()
    {
        using var files = new TestFiles();
        var path = files.Write("a.csv", "smiles;name\nCCO;eth\n");

        var records = TestFiles.ReadAll(path, new InputOptions { Delimiter = ';' });

        Assert.Equal("eth", Assert.Single(records).Name);
    }

    [Fact]
    public void HeaderWithoutSmilesColumnIsAFileError()
    {
        using var files = new TestFiles();
        var path = files.Write("a.csv", "name,structure\nx,CCO\n");

        var error = Assert.Throws<InputFormatException>(() => RecordReaderFactory.Open(path, new InputOptions { HasHeader = true }));
        Assert.Contains("a.csv", error.Message);
        Assert.Contains("'smiles'", error.Message);
        Assert.Throws<InputFormatException>(() =>
            RecordReaderFactory.Open(files.Write("b.csv", "smiles,name\nCCO,x\n"), new InputOptions { NameColumn = "title" }));
    }

    [Fact]
    public void GzipAndSeekingMatchPlainReading()
    {
        var builder = new StringBuilder("id,smiles,score\n");
        for (var i = 0; i < 400; i++)
            builder.Append($"m{i},{(i % 9 == 0 ? "C1C" : "CC(C)O")},{i * 0.5}\n");
        using var files = new TestFiles();
        var content = builder.ToString();
        var path = files.Write("a.csv", content);
        var all = TestFiles.ReadAll(path);

        Assert.Equal(all, TestFiles.ReadAll(files.WriteGzip("a.csv.gz", content, members: 2)));
        foreach (var k in new[] { 1, 99, 250, 399 })
            Assert.Equal(all.Skip(k), TestFiles.ReadAll(path, startRecord: k, startByteOffset: all[k].Offset));
    }
}
