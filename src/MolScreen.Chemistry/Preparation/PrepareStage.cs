using System.Text;
using MolScreen.Chemistry.Conformers;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;

namespace MolScreen.Chemistry.Preparation;

/// <summary>
/// The prepare stage: featurize output (id, canonical_smiles) to ready-to-dock ligands, one
/// conformer each with AD4 types, Gasteiger charges, torsion tree and PDBQT text, so a library
/// is prepared once and docked against any target. Molecules that cannot be docked go to
/// rejects with the reason. One OpenBabel thread per process: run it in worker processes.
/// </summary>
public sealed class PrepareStage : IMapStage
{
    public string Kind => "prepare";
    public string Description => "Ready-to-dock ligands: protonation at pH, 3D conformer (OpenBabel + MMFF94/UFF), Gasteiger charges, AD4 types, torsion tree, PDBQT";
    // 2: hydroxyl and amine torsions (they move the donor hydrogen) count, as in ADT/Meeko and Vina.
    // 3: conformers are checked (settled, no clash, stereo kept), refined or rebuilt when they miss, else rejected;
    //    build_attempts, refine_steps and max_gradient columns.
    // 4: conformers are a function of (molecule, parameters, workflow seed): Open Babel's generator is seeded per
    //    molecule from the workflow seed and the canonical SMILES.
    public string Version => "4";
    public StageShape Shape => StageShape.Map;

    private const int RowGroupRows = 1_024;

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("ph", ParameterType.Number, 7.4, "pH of the protonation model (OpenBabel phmodel)") { Min = 0, Max = 14 },
        new("max_torsions", ParameterType.Integer, 32L, "Reject molecules with more rotatable bonds than this") { Min = 0 },
        new("max_heavy_atoms", ParameterType.Integer, 128L, "Reject molecules with more heavy atoms than this") { Min = 1 },
        new("force_field", ParameterType.String, "mmff94", "Force field of the 3D clean-up: mmff94 (UFF where MMFF94 has no parameters) or uff") { Choices = ["mmff94", "uff"] },
        new("steps", ParameterType.Integer, 250L, "Conjugate-gradient steps of the force-field clean-up") { Min = 0 },
        new("max_builds", ParameterType.Integer, 3L, "OBBuilder builds per molecule before a conformer that does not settle (or clashes, or loses stereo) is rejected") { Min = 1 },
        new("sdf_dir", ParameterType.String, null, "Also write each shard's ligands as SD records to DIR/part-NNNNN.sdf"),
    ];

    public static PreparationOptions Options(StageParameters p, int seed) => new()
    {
        Seed = seed,
        Ph = p.GetNumber("ph"),
        MaxTorsions = checked((int)p.GetInt("max_torsions")),
        MaxHeavyAtoms = checked((int)p.GetInt("max_heavy_atoms")),
        ForceField = p.GetString("force_field") switch
        {
            "mmff94" => ForceField.Mmff94,
            "uff" => ForceField.Uff,
            var other => throw new ArgumentException($"force_field: unknown force field '{other}' (expected mmff94 or uff)"),
        },
        MinimizationSteps = checked((int)p.GetInt("steps")),
        Build = new ConformerBuildPolicy { MaxBuilds = checked((int)p.GetInt("max_builds")) },
    };

    public async Task<ShardResult> RunShardAsync(ShardContext ctx, string inputPath, string dataPath)
    {
        var preparer = new LigandPreparer(Options(ctx.Parameters, ctx.Seed));
        string? sdfDir = ctx.Parameters.GetString("sdf_dir");
        var sdf = sdfDir == null ? null : new StringBuilder();

        await using var reader = await TableReader.OpenAsync(inputPath);
        await using var writer = await TableWriter.CreateAsync(dataPath, PreparedRows.Schema);
        var rows = new PreparedRows();
        long read = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            var cols = await reader.ReadRowGroupAsync(g, "id", "canonical_smiles");
            var id = (string?[])cols[0].Values;
            var smiles = (string?[])cols[1].Values;
            for (int i = 0; i < id.Length; i++, read++)
            {
                ctx.Cancellation.ThrowIfCancellationRequested();
                if (ctx.Guard.ShouldSkip(read))
                {
                    ctx.Rejects.Add(new Reject(id[i], ctx.StageName, read, Reject.RawPreview(smiles[i]), ctx.StageName, ctx.Guard.SkipReason(read)));
                    continue;
                }
                // Counted from the text: a huge molecule must not reach Open Babel at all.
                if (smiles[i] is { } text && Molecules.StructureSize.SmilesHeavyAtoms(text) is var heavy && heavy > preparer.Options.MaxHeavyAtoms)
                {
                    ctx.Rejects.Add(new Reject(id[i], ctx.StageName, read, Reject.RawPreview(smiles[i]), ctx.StageName, $"{heavy} heavy atoms > max_heavy_atoms {preparer.Options.MaxHeavyAtoms}"));
                    continue;
                }
                ctx.Guard.Enter(read);
                CrashInjection.MaybeCrash(smiles[i] ?? "");
                PreparedLigand ligand;
                try
                {
                    if (string.IsNullOrEmpty(id[i]) || string.IsNullOrEmpty(smiles[i]))
                        throw new ChemistryException(ChemistryErrorKind.Parse, "missing id or canonical_smiles");
                    var (ligandId, ligandSmiles) = (id[i]!, smiles[i]!);
                    ligand = OpenBabel.ObThread.Run(() =>
                    {
                        var l = preparer.Prepare(ligandId, "smiles", ligandSmiles);
                        _ = l.Pdbqt;
                        return l;
                    });
                }
                catch (ChemistryException e)
                {
                    ctx.Rejects.Add(new Reject(id[i], ctx.StageName, read, Reject.RawPreview(smiles[i]), ctx.StageName, e.Message));
                    continue;
                }
                rows.Add(smiles[i]!, ligand);
                if (sdf != null) SdfWriter.Append(sdf, ligand);
                if (rows.Count == RowGroupRows) { await writer.WriteRowGroupAsync(rows.ToColumns()); rows.Clear(); }
            }
        }
        if (rows.Count > 0) await writer.WriteRowGroupAsync(rows.ToColumns());
        if (sdf != null)
        {
            Directory.CreateDirectory(sdfDir!);
            AtomicFile.WriteAllText(Path.Combine(sdfDir!, $"part-{ctx.Shard:D5}.sdf"), sdf.ToString());
        }
        return new ShardResult(read, writer.RowsWritten, await writer.CommitAsync());
    }
}
