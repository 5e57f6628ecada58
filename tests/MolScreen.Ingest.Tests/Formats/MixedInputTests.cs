using System.Text;
using MolScreen.Ingest.Formats;

namespace MolScreen.Ingest.Tests.Formats;

/// <summary>Every record of a file full of faults yields exactly one SourceRecord, in order.</summary>
public class MixedInputTests
{
    [Fact]
    public void EveryBadSmilesLineYieldsExactlyOneRecord()
    {
        List<byte[]> lines =
        [
            "CCO good"u8.ToArray(),
            "C1CC unclosed"u8.ToArray(),
            [.. "CC na"u8, 0xC0, 0xAF],
            "C(C)C)C unbalanced"u8.ToArray(),
            "C[Xx] unknown"u8.ToArray(),
            Encoding.ASCII.GetBytes(new string('C', 300) + " long"),
            "CC= dangling"u8.ToArray(),
            "C..C dots"u8.ToArray(),
            "? junk"u8.ToArray(),
            "c1ccccc1 good-too"u8.ToArray(),
        ];
        var content = new List<byte>();
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            content.AddRange(line);
            content.AddRange(i % 2 == 0 ? "\n"u8.ToArray() : "\r\n\n# comment\n"u8.ToArray());
        }
        using var files = new TestFiles();
        var path = files.Write("mixed.smi", content.ToArray());

        var records = TestFiles.ReadAll(path, new InputOptions { MaxRecordBytes = 200, HasHeader = false });

        Assert.Equal(lines.Count, records.Count);
        Assert.Equal(Enumerable.Range(0, lines.Count).Select(i => (long)i), records.Select(r => r.Index));
        Assert.Equal(
        [
            null,
            "invalid SMILES: unclosed ring bond 1",
            "invalid UTF-8 at byte 5",
            "invalid SMILES: unbalanced ')' at position 6",
            "invalid SMILES: unknown element 'Xx' at position 3",
            "record too long (305 bytes > limit 200)",
            "invalid SMILES: bond at end of SMILES",
            "invalid SMILES: empty component '..' at position 3",
            "invalid SMILES: unexpected character '?' at position 1",
            null,
        ], records.Select(r => r.Reason));
        for (var i = 0; i < lines.Count; i++)
            Assert.Equal(Convert.ToHexString(lines[i]), records[i].Raw);
        Assert.All(records, r => Assert.Equal(r.Reason is null, r.Structure is not null));
    }

    [Fact]
    public void EveryBadSdfRecordYieldsExactlyOneRecord()
    {
        var ethanol = SdfRecordReaderTests.Ethanol;
        string[] records =
        [
            ethanol,
            ethanol.Replace(" O  ", " Qq "),
            "no counts\n\nM  END",
            ethanol.Replace("  3  2  0", "  9  2  0"),
            ethanol[..^"M  END".Length],
            ethanol + "\n> <ID>\nX\n",
        ];
        using var files = new TestFiles();
        var path = files.Write("mixed.sdf", string.Join("\n$$$$\n", records) + "\n$$$$\n" + ethanol[..40]);

        var read = TestFiles.ReadAll(path);

        Assert.Equal(
        [
            null,
            "SDF atom 3 has unknown element 'Qq'",
            "SDF counts line unreadable",
            "SDF atom block has 5 of 9 atom lines",
            "truncated SDF record: no 'M  END' line",
            null,
            "truncated SDF record: no 'M  END' line",
        ], read.Select(r => r.Reason));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (long)i), read.Select(r => r.Index));
        Assert.Equal("""{"ID":"X"}""", read[5].Properties);
    }
}
