using System.IO.Compression;
using System.Text;

namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// Hostile input through the whole `run`: valid and malformed SMILES, blank lines, a truncated SDF
/// record, non-UTF-8 bytes and a 10 MB line. The run completes, in = out + rejected holds, and
/// every reject names its record and a reason.
/// </summary>
public class BadInputTests
{
    [Fact]
    public void MixedBadInputCompletesAndAccountsForEveryRecord()
    {
        using var dir = new TempDir();
        // mixed.smi: 8 records (blank lines are not records).
        using (var f = File.Create(dir.Combine("mixed.smi")))
        {
            void Line(string s) => f.Write(Encoding.UTF8.GetBytes(s + "\n"));
            Line("CCO ethanol");                        // 0 ok
            Line("");                                   //   blank
            Line("C1CC unclosed");                      // 1 bad: ring
            Line("c1ccccc1 benzene");                   // 2 ok
            Line("   ");                                //   blank
            f.Write([0x43, 0x43, 0xFF, 0xFE, 0x4F, 0x20, 0x62, 0x61, 0x64, 0x0A]); // 3 bad: non-UTF-8
            f.Write(Encoding.ASCII.GetBytes(new string('C', 10 * 1024 * 1024) + " huge\n")); // 4 bad: 10 MB line
            Line("CC(C)(C)Q wrongatom");                // 5 bad: unknown element
            Line("C((C)C) emptybranch");                // 6 bad
            Line("N[C@@H](C)C(=O)O alanine");           // 7 ok
        }
        // truncated.sdf: one good record, then one cut off mid atom block.
        const string good = "water\n  test\n\n  1  0  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0\nM  END\n> <ID>\nW1\n\n$$$$\n";
        const string cut = "broken\n  test\n\n  3  2  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 C   0  0\n";
        File.WriteAllText(dir.Combine("truncated.sdf"), good + cut);
        // lib.csv.gz: gzip CSV with a header, one row with a bad SMILES, one with a missing value.
        using (var gz = new GZipStream(File.Create(dir.Combine("lib.csv.gz")), CompressionLevel.Optimal))
            gz.Write(Encoding.UTF8.GetBytes("id,smiles,mw\nA1,CCN,45.1\nA2,C1CC2,12\nA3,,0\nA4,\"CC(=O)O\",60.05\n"));

        File.WriteAllText(dir.Combine("wf.yaml"), "name: bad\nshard_size: 3\nstages:\n  ingest:\n    inputs: [mixed.smi, truncated.sdf, lib.csv.gz]\n");
        var run = CliProcess.Run(dir.Path, "run", "wf.yaml", "--out", dir.Combine("out"), "--workers", "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("in = out + rejected: 14 = 6 + 8 ok", run.Stdout);

        using var db = new DuckDb();
        var outDir = dir.Combine("out");
        var ok = db.Query($"SELECT id FROM read_parquet('{outDir}/ingest/part-*.parquet') ORDER BY id").Select(r => (string)r[0]!).ToList();
        Assert.Equal(["lib:0", "lib:3", "mixed:0", "mixed:2", "mixed:7", "truncated:0"], ok);
        var rejects = db.Query($"SELECT id, source, record_index, reason, length(raw) FROM read_parquet('{outDir}/rejects.parquet') ORDER BY id")
            .ToDictionary(r => (string)r[0]!, r => (Reason: (string)r[3]!, RawLength: Convert.ToInt64(r[4])));
        Assert.Equal(["lib:1", "lib:2", "mixed:1", "mixed:3", "mixed:4", "mixed:5", "mixed:6", "truncated:1"], rejects.Keys.Order());
        Assert.All(rejects.Values, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.Contains("ring", rejects["mixed:1"].Reason);
        Assert.Contains("UTF-8", rejects["mixed:3"].Reason);
        Assert.Contains("too long", rejects["mixed:4"].Reason);
        Assert.True(rejects["mixed:4"].RawLength <= 1024);
        Assert.Contains("Q", rejects["mixed:5"].Reason);
        Assert.Contains("truncated", rejects["truncated:1"].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("missing", rejects["lib:2"].Reason, StringComparison.OrdinalIgnoreCase);

        var water = db.Query($"SELECT name, format, properties FROM read_parquet('{outDir}/ingest/part-*.parquet') WHERE id = 'truncated:0'")[0];
        Assert.Equal(("water", "molblock"), ((string)water[0]!, (string)water[1]!));
        Assert.Contains("\"ID\":\"W1\"", (string)water[2]!);
        var csv = db.Query($"SELECT name, structure, properties FROM read_parquet('{outDir}/ingest/part-*.parquet') WHERE id = 'lib:3'")[0];
        Assert.Equal(("A4", "CC(=O)O"), ((string)csv[0]!, (string)csv[1]!));
        Assert.Contains("\"mw\":\"60.05\"", (string)csv[2]!);
    }

    [Fact]
    public void EmptyInputIsARunWithNoShards()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("empty.smi"), "\n\n");
        File.WriteAllText(dir.Combine("wf.yaml"), "name: empty\nstages:\n  ingest:\n    inputs: [empty.smi]\n");
        var run = CliProcess.Run(dir.Path, "run", "wf.yaml", "--out", dir.Combine("out"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("in = out + rejected: 0 = 0 + 0 ok", run.Stdout);
        Assert.True(File.Exists(dir.Combine("out", "rejects.parquet")));
    }
}
