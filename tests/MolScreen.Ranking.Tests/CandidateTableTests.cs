using MolScreen.Core.Stages;

namespace MolScreen.Ranking.Tests;

/// <summary>Reading upstream tables by column name, as other engines write them.</summary>
public class CandidateTableTests
{
    [Fact]
    public async Task ListColumnsJoinsByIdRenamedClashesAndDuplicates()
    {
        var dir = Directory.CreateTempSubdirectory("molscreen-cand-").FullName;
        try
        {
            string P(string name) => Path.Combine(dir, name);
            using (var db = new DuckDb())
            {
                // dock's contract with interface_contacts as a real Parquet LIST, as DuckDB/Arrow write it.
                db.Query($"COPY (SELECT * FROM (VALUES ('a', -9.5::DOUBLE, ['R52','R53']), ('b', -7.0, []::VARCHAR[]), ('c', -8.0, NULL), ('a', -1.0, ['X1'])) t(id, dock_score, interface_contacts)) TO '{P("dock.parquet")}' (FORMAT parquet)");
                db.Query($"COPY (SELECT * FROM (VALUES ('a', 1.5::DOUBLE), ('c', 2.5), ('z', 9.0)) t(id, dock_score)) TO '{P("other.parquet")}' (FORMAT parquet)");
            }
            var t = await CandidateTable.LoadAsync(new StageShards("dock", [P("dock.parquet")]), [new StageShards("other", [P("other.parquet")])], CancellationToken.None);
            Assert.Equal(["a", "b", "c"], t.Ids);
            Assert.Equal(4, t.InputRows);
            Assert.Equal(("a", "duplicate id in stage 'dock' (first occurrence kept)"), (t.Dropped.Single().Id, t.Dropped.Single().Reason));
            Assert.Equal(typeof(string[]), t["interface_contacts"]!.Type);
            Assert.Equal(["R52", "R53"], (string[])t["interface_contacts"]!.Values[0]!);
            Assert.Empty((string[])t["interface_contacts"]!.Values[1]!);
            Assert.Null(t["interface_contacts"]!.Values[2]);
            Assert.Equal(["R52", "R53"], InterfaceContacts.Of(t, 0));
            Assert.Equal([-9.5, -7.0, -8.0], Enumerable.Range(0, 3).Select(i => t["dock_score"]!.Number(i)!.Value));
            // The joined stage's clashing column is kept under STAGE_COLUMN; a missing row is null.
            Assert.Equal([1.5, null, 2.5], Enumerable.Range(0, 3).Select(i => t["other_dock_score"]!.Number(i)));
            Assert.Equal(["b"], t.MissingInJoin["other"]);
        }
        finally { Directory.Delete(dir, true); }
    }
}
