using MolScreen.Ingest.Formats;
using Parquet;
using Parquet.Schema;

namespace MolScreen.Ingest.Tests.Formats;

public class ParquetRecordReaderTests
{
    private static readonly DataField<string> SmilesField = new("SMILES");
    private static readonly DataField<string> NameField = new("name");
    private static readonly DataField<double> WeightField = new("mw");
    private static readonly DataField<int?> HeavyField = new("heavy_atoms");
    private static readonly DataField<string> VendorField = new("vendor");

    private static async Task<string> WriteAsync(string path, params (string?[] Smiles, string?[] Names)[] rowGroups)
    {
        var schema = new ParquetSchema(SmilesField, NameField, WeightField, HeavyField, VendorField);
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream))
        {
            foreach (var (smiles, names) in rowGroups)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(SmilesField, smiles as IReadOnlyCollection<string>, null);
                await group.WriteAsync(NameField, names as IReadOnlyCollection<string>, null);
                await group.WriteAsync<double>(WeightField, smiles.Select((_, i) => 10.5 + i).ToArray().AsMemory());
                await group.WriteAsync<int>(HeavyField, smiles.Select((_, i) => i % 2 == 0 ? (int?)i : null).ToArray().AsMemory());
                await group.WriteAsync(VendorField, smiles.Select(_ => "acme") .ToArray() as IReadOnlyCollection<string>, null);
            }
        }
        return path;
    }

    [Fact]
    public async Task RoundTripsSmilesNamesAndProperties()
    {
        using var files = new TestFiles();
        var path = await WriteAsync(Path.Combine(files.Directory, "a.parquet"),
            (["CCO", "c1ccccc1", "C1CC"], ["ethanol", "benzene", null]),
            ([null, " CC "], ["nothing", "ethane"]));

        var records = TestFiles.ReadAll(path);

        Assert.Equal([0L, 1L, 2L, 3L, 4L], records.Select(r => r.Index));
        Assert.All(records, r => Assert.Equal(-1, r.Offset));
        Assert.Equal(["CCO", "c1ccccc1", null, null, "CC"], records.Select(r => r.Structure));
        Assert.Equal(["ethanol", "benzene", null, "nothing", "ethane"], records.Select(r => r.Name));
        Assert.Equal([null, null, "invalid SMILES: unclosed ring bond 1", "missing SMILES column value", null],
            records.Select(r => r.Reason));
        Assert.Equal("CCO\tethanol", records[0].RawText);
        Assert.Equal(11, records[0].RawLength);
        Assert.Equal("""{"mw":"10.5","heavy_atoms":"0","vendor":"acme"}""", records[0].Properties);
        Assert.Equal("""{"mw":"11.5","heavy_atoms":null,"vendor":"acme"}""", records[1].Properties);
    }

    [Fact]
    public async Task StartRecordSkipsWholeRowGroups()
    {
        using var files = new TestFiles();
        var path = await WriteAsync(Path.Combine(files.Directory, "a.parquet"),
            (["C", "CC", "CCC"], ["a", "b", "c"]),
            (["CCCC", "CCCCC"], ["d", "e"]),
            (["CO"], ["f"]));
        var all = TestFiles.ReadAll(path);

        Assert.Equal(6, all.Count);
        for (var k = 0; k <= all.Count; k++)
            Assert.Equal(all.Skip(k), TestFiles.ReadAll(path, startRecord: k, startByteOffset: 12345));
    }

    [Fact]
    public async Task ExplicitNameColumnAndTooLongRecords()
    {
        using var files = new TestFiles();
        var longSmiles = string.Concat(Enumerable.Repeat("C", 3000));
        var path = await WriteAsync(Path.Combine(files.Directory, "a.parquet"), (["CCO", longSmiles], ["x", "y"]));

        var records = TestFiles.ReadAll(path, new InputOptions { NameColumn = "VENDOR", MaxRecordBytes = 2000 });

        Assert.Equal(["acme", "acme"], records.Select(r => r.Name));
        Assert.Equal("""{"name":"x","mw":"10.5","heavy_atoms":"0"}""", records[0].Properties);
        Assert.Equal("record too long (3005 bytes > limit 2000)", records[1].Reason);
        Assert.Equal(1024, Convert.FromHexString(records[1].Raw).Length);
        Assert.Equal(3005, records[1].RawLength);
        Assert.StartsWith("CCCC", records[1].RawText);
    }

    [Fact]
    public async Task MissingSmilesColumnIsAFileError()
    {
        using var files = new TestFiles();
        var path = await WriteAsync(Path.Combine(files.Directory, "a.parquet"), (["CCO"], ["x"]));

        var error = Assert.Throws<InputFormatException>(() =>
            RecordReaderFactory.Open(path, new InputOptions { SmilesColumn = "canonical_smiles" }));
        Assert.Contains("a.parquet", error.Message);
        Assert.Contains("canonical_smiles", error.Message);
        Assert.Throws<InputFormatException>(() => RecordReaderFactory.Open(path, new InputOptions { SmilesColumn = "mw" }));
    }

    [Fact]
    public async Task GzipParquetAndNonParquetFilesAreRejected()
    {
        using var files = new TestFiles();
        var path = await WriteAsync(Path.Combine(files.Directory, "a.parquet"), (["CCO"], ["x"]));
        var gz = files.WriteGzip("b.parquet.gz", File.ReadAllBytes(path));
        var notParquet = files.Write("c.parquet", "CCO ethanol\n");

        Assert.Contains("gzip", Assert.Throws<InputFormatException>(() => RecordReaderFactory.Open(gz, new InputOptions())).Message);
        Assert.Contains("c.parquet", Assert.Throws<InputFormatException>(() => RecordReaderFactory.Open(notParquet, new InputOptions())).Message);
    }
}
