using System.Text;
using MolScreen.Core.IO;
using MolScreen.Core.Stages;
using MolScreen.Ranking.Report;
using Parquet.Schema;

namespace MolScreen.Ranking;

/// <summary>
/// Publishes the rank stage's result at the top of the output directory once the run is finalized:
/// OUT/ranked.parquet (the rank shard plus the run-level provenance only finalize knows, the
/// workflow hash), OUT/poses/top-N.sdf when the run docked, and OUT/report.html.
/// </summary>
public static class RankPublisher
{
    public const string RankedFile = "ranked.parquet";
    public const string ReportFile = "report.html";

    /// <summary>What an earlier publish left in <paramref name="outDir"/>: ranked.parquet, report.html and poses/top-*.sdf.</summary>
    public static IEnumerable<string> Products(string outDir)
    {
        var posesDir = Path.Combine(outDir, "poses");
        return new[] { Path.Combine(outDir, RankedFile), Path.Combine(outDir, ReportFile) }
            .Concat(Directory.Exists(posesDir) ? Directory.GetFiles(posesDir, "top-*.sdf").Order(StringComparer.Ordinal) : []);
    }

    public static async Task PublishAsync(RunPublication run, RankSettings settings, CancellationToken ct)
    {
        var ranked = Path.Combine(run.OutDir, RankedFile);
        await WithWorkflowHashAsync(run.DataPath, ranked, run.WorkflowHash);
        var rows = await RankedTable.LoadAsync(ranked, settings.TopN, ct);
        var posesDir = Path.Combine(run.OutDir, "poses");
        foreach (var old in Directory.Exists(posesDir) ? Directory.GetFiles(posesDir, "top-*.sdf") : []) File.Delete(old);
        string? poses = null;
        if (rows.Top.Any(r => r.PoseSdf != null))
        {
            Directory.CreateDirectory(posesDir);
            poses = Path.Combine(posesDir, $"top-{rows.Top.Count}.sdf");
            AtomicFile.WriteAllText(poses, PoseSdf.Write(rows.Top));
        }
        var html = await ReportPage.BuildAsync(run, rows, poses, ct);
        AtomicFile.WriteAllText(Path.Combine(run.OutDir, ReportFile), html);
    }

    private static async Task WithWorkflowHashAsync(string source, string target, string workflowHash)
    {
        await using var r = await TableReader.OpenAsync(source);
        var fields = r.Schema.DataFields.Append(new DataField("workflow_hash", typeof(string), false)).ToArray();
        await using var w = await TableWriter.CreateAsync(target, new ParquetSchema(fields), r.Metadata);
        for (int g = 0; g < r.RowGroupCount; g++)
        {
            var cols = await r.ReadRowGroupAsync(g);
            var bound = cols.Select((c, i) => new ColumnData(fields[i], c.Values)).Append(new ColumnData(fields[^1], Enumerable.Repeat<string?>(workflowHash, cols[0].Length).ToArray())).ToArray();
            await w.WriteRowGroupAsync(bound);
        }
        await w.CommitAsync();
    }
}

/// <summary>The top compounds' best poses as one SD file, each with its ranking and scores as SD properties.</summary>
public static class PoseSdf
{
    public static string Write(IReadOnlyList<RankedRow> top)
    {
        var sb = new StringBuilder();
        foreach (var r in top.Where(r => r.PoseSdf != null))
        {
            var block = r.PoseSdf!.Replace("\r\n", "\n");
            var end = block.IndexOf("M  END", StringComparison.Ordinal);
            block = end >= 0 ? block[..(end + 6)] : block.TrimEnd();
            var lines = block.Split('\n');
            lines[0] = SafeText.SdLine(r.Id);
            sb.Append(string.Join('\n', lines)).Append('\n');
            foreach (var (k, v) in r.SdProperties()) sb.Append($">  <{k}>\n{SafeText.SdLine(v)}\n\n");
            sb.Append("$$$$\n");
        }
        return sb.ToString();
    }
}
