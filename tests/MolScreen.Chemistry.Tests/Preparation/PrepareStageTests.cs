using MolScreen.Chemistry.Preparation;
using MolScreen.Chemistry.Tests.OpenBabel;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using Parquet.Schema;

namespace MolScreen.Chemistry.Tests.Preparation;

[Collection(OpenBabelCollection.Name)]
public sealed class PrepareStageTests
{
    [Fact]
    public async Task Every_record_ends_in_output_or_rejects_and_the_rows_read_back()
    {
        var dir = Directory.CreateTempSubdirectory("molscreen-prepare-");
        try
        {
            string input = Path.Combine(dir.FullName, "featurize.parquet");
            string[] ids = ["ok-1", "ok-2", "si", "bad", "big"];
            string[] smiles = ["CC(=O)Nc1ccc(O)cc1", "OC(=O)CCc1ccccc1", "C[Si](C)(C)C", "C1CC", "CCCCCCCCCCCCCC"];
            var schema = new ParquetSchema(new DataField("id", typeof(string), false), new DataField("canonical_smiles", typeof(string), false));
            await using (var w = await TableWriter.CreateAsync(input, schema))
            {
                await w.WriteRowGroupAsync([new ColumnData(schema.DataFields[0], ids), new ColumnData(schema.DataFields[1], smiles)]);
                await w.CommitAsync();
            }
            var stage = new PrepareStage();
            var parameters = StageParameters.Defaults(stage.Parameters).With([
                new("max_heavy_atoms", 12L), new("sdf_dir", Path.Combine(dir.FullName, "sdf"))]);
            var ctx = new ShardContext("prepare", 0, 1, parameters, 42, new RejectSink(), CancellationToken.None);
            string output = Path.Combine(dir.FullName, "prepare.parquet");
            var result = await stage.RunShardAsync(ctx, input, output);

            Assert.Equal(5, result.RecordsIn);
            Assert.Equal(2, result.RecordsOut);
            var reasons = ctx.Rejects.Items.ToDictionary(r => r.Id!, r => r.Reason);
            Assert.Equal(["bad", "big", "si"], reasons.Keys.Order());
            Assert.Equal("unsupported element(s) for docking: Si", reasons["si"]);
            Assert.Equal("14 heavy atoms > max_heavy_atoms 12", reasons["big"]);
            Assert.Contains("parse error", reasons["bad"]);

            await using var reader = await TableReader.OpenAsync(output);
            var cols = await reader.ReadRowGroupAsync(0, "id", "atoms", "coordinates", "elements", "pdbqt", "force_field", "torsions");
            Assert.Equal(["ok-1", "ok-2"], (string?[])cols[0].Values);
            int atoms = ((int[])cols[1].Values)[0];
            Assert.Equal(3 * atoms, PreparedRows.Unpack<double>(((byte[]?[])cols[2].Values)[0]!).Length);
            Assert.Equal(atoms, ((string?[])cols[3].Values)[0]!.Split(' ').Length);
            Assert.StartsWith("REMARK", ((string?[])cols[4].Values)[0]);
            Assert.Equal(["mmff94", "mmff94"], (string?[])cols[5].Values);
            // Paracetamol: the amide is rigid, the N-aryl bond turns, and so does the phenol (its donor H).
            Assert.Equal(2, ((int[])cols[6].Values)[0]);
            // Every prepared ligand records the builds its conformer took and its residual strain.
            var build = await reader.ReadRowGroupAsync(0, "build_attempts", "refine_steps", "max_gradient");
            Assert.All((int[])build[0].Values, n => Assert.InRange(n, 1, 3));
            Assert.All((int[])build[1].Values, n => Assert.True(n >= 0));
            Assert.All((double[])build[2].Values, g => Assert.True(g >= 0 && double.IsFinite(g)));
            string sdf = File.ReadAllText(Path.Combine(dir.FullName, "sdf", "part-00000.sdf"));
            Assert.Equal(2, sdf.Split("$$$$").Length - 1);
        }
        finally { dir.Delete(recursive: true); }
    }
}
