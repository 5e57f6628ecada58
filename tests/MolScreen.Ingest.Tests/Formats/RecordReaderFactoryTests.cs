using MolScreen.Ingest.Formats;

namespace MolScreen.Ingest.Tests.Formats;

public class RecordReaderFactoryTests
{
    [Theory]
    [InlineData("x.smi", InputFormat.Smiles)]
    [InlineData("x.SMILES", InputFormat.Smiles)]
    [InlineData("x.ism.gz", InputFormat.Smiles)]
    [InlineData("x.csv", InputFormat.Delimited)]
    [InlineData("x.tsv.GZ", InputFormat.Delimited)]
    [InlineData("x.tab", InputFormat.Delimited)]
    [InlineData("x.sdf", InputFormat.Sdf)]
    [InlineData("x.sd.gz", InputFormat.Sdf)]
    [InlineData("x.mol", InputFormat.Sdf)]
    [InlineData("x.parquet", InputFormat.Parquet)]
    [InlineData("x.txt", null)]
    [InlineData("x.gz", null)]
    public void DetectsFormatFromExtensionThroughGz(string name, InputFormat? expected)
    {
        Assert.Equal(expected, RecordReaderFactory.DetectFormat(name));
    }

    [Fact]
    public void MissingFileNamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid() + ".smi");
        var error = Assert.Throws<InputFormatException>(() => RecordReaderFactory.Open(path, new InputOptions()));
        Assert.Contains(path, error.Message);
        Assert.Equal("file not found", error.Reason);
    }

    [Fact]
    public void UnknownExtensionNeedsAnExplicitFormat()
    {
        using var files = new TestFiles();
        var path = files.Write("a.txt", "CCO ethanol\n");

        var error = Assert.Throws<InputFormatException>(() => RecordReaderFactory.Open(path, new InputOptions()));
        Assert.Contains("a.txt", error.Message);
        Assert.Equal("ethanol", Assert.Single(TestFiles.ReadAll(path, new InputOptions { Format = InputFormat.Smiles })).Name);
        Assert.Throws<InputFormatException>(() => RecordReaderFactory.Open(path, new InputOptions { Format = InputFormat.Delimited }));
        Assert.Single(TestFiles.ReadAll(path, new InputOptions { Format = InputFormat.Delimited, Delimiter = ' ' }));
    }

    [Fact]
    public void GzipIsDetectedByMagicBytesNotName()
    {
        using var files = new TestFiles();
        const string content = "CCO ethanol\nCC ethane\n";
        var plain = TestFiles.ReadAll(files.Write("a.smi", content));

        Assert.Equal(plain, TestFiles.ReadAll(files.WriteGzip("compressed-but-plain-name.smi", content)));
        Assert.Equal(plain, TestFiles.ReadAll(files.Write("plain-but-gz-name.smi.gz", content)));
    }

    [Fact]
    public void CorruptGzipIsAFileErrorNamingTheFile()
    {
        using var files = new TestFiles();
        var bytes = File.ReadAllBytes(files.WriteGzip("ok.smi.gz", string.Concat(Enumerable.Repeat("CCO ethanol\n", 2000))));
        bytes.AsSpan(20, 40).Fill(0xAB);
        var path = files.Write("bad.smi.gz", bytes);

        var error = Assert.Throws<InputFormatException>(() => TestFiles.ReadAll(path, new InputOptions { HasHeader = false }));
        Assert.Contains("bad.smi.gz", error.Message);
    }

    [Fact]
    public void ReadAfterDisposeAndNegativeStartAreRefused()
    {
        using var files = new TestFiles();
        var reader = RecordReaderFactory.Open(files.Write("a.smi", "CCO\n"), new InputOptions());
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Read(-1, -1));
        reader.Dispose();
        Assert.Throws<ObjectDisposedException>(() => reader.Read(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            RecordReaderFactory.Open(files.Write("b.smi", "CCO\n"), new InputOptions { MaxRecordBytes = 0 }));
    }

    [Fact]
    public void EnumerationsOfOneReaderAreIndependent()
    {
        using var files = new TestFiles();
        using var reader = RecordReaderFactory.Open(files.Write("a.smi", "C a\nCC b\nCCC c\n"), new InputOptions());

        using var first = reader.Read(0, -1).GetEnumerator();
        using var second = reader.Read(1, -1).GetEnumerator();

        Assert.True(first.MoveNext());
        Assert.True(second.MoveNext());
        Assert.Equal("a", first.Current.Name);
        Assert.Equal("b", second.Current.Name);
        Assert.True(first.MoveNext());
        Assert.Equal("b", first.Current.Name);
    }
}
