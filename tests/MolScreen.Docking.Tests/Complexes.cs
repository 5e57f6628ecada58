using System.Globalization;
using System.Text.Json;

namespace MolScreen.Docking.Tests;

/// <summary>
/// The redocking complexes of /work/shared/data that have a receptor and a crystal ligand (docs: shared/docs/vina-baseline.md),
/// with the box the Vina baseline used. Ligands given as SDF/MOL2 are converted with obabel (test-only) and the same PDBQT is
/// given to Vina and to us.
/// </summary>
public sealed record Complex(string Id, string Receptor, string Ligand, string Reference, double[] Center, double[] Size)
{
    public override string ToString() => Id;

    public static IReadOnlyList<Complex> All()
    {
        var list = new List<Complex>();
        string V(params string[] p) => SharedData.Require(["vina-examples", .. p]);
        list.Add(new("1iep", V("1iep", "1iep_receptor.pdbqt"), V("1iep", "1iep_ligand.pdbqt"), V("1iep", "1iep_ligand.pdbqt"),
            [15.190, 53.903, 16.917], [20, 20, 20]));
        list.Add(new("bace1-macrocycle", V("bace1-macrocycle", "BACE_1_receptor.pdbqt"), V("bace1-macrocycle", "BACE_1_ligand.pdbqt"),
            V("bace1-macrocycle", "BACE_1_ligand.pdbqt"), [30.10, 6.15, 15.58], [20, 20, 20]));
        foreach (var dir in Directory.GetDirectories(SharedData.Require("adgpu-set42")).OrderBy(d => d, StringComparer.Ordinal))
        {
            var (c, s) = FldBox(Path.Combine(dir, "protein.maps.fld"));
            list.Add(new(Path.GetFileName(dir), Path.Combine(dir, "protein.pdbqt"), Path.Combine(dir, "flex-xray.pdbqt"), Path.Combine(dir, "flex-xray.pdbqt"), c, s));
        }
        string P(params string[] p) => SharedData.Require(["posebusters-cases", .. p]);
        foreach (var (id, rec) in new[] { ("1G9V_RQ3", "1G9V_RQ3_protein.pdb"), ("1IA1_TQ3", "1IA1_TQ3_no_ligand_no_solvent.pdb"),
                     ("1W1P_GIO", "1W1P_GIO_protein.pdb"), ("7ZTL_BCN", "7ZTL_BCN_protein.pdb"), ("1s3v", "1s3v_protein_one_lig_removed.pdb"),
                     ("1uou", "1uou_protein_one_lig_removed.pdb") })
        {
            string lig = P(id, id + "_ligand.sdf");
            list.Add(new(id, P(id, rec), lig, lig, [], []));
        }
        list.Add(new("5ze6", P("5ze6", "5ze6_cond.pdb"), P("5ze6", "5ze6_true.mol2"), P("5ze6", "5ze6_true.mol2"), [], []));
        string U(params string[] p) => SharedData.Require(["unidock-examples", .. p]);
        list.Add(new("1a30", U("1a30", "1a30_protein.pdbqt"), U("1a30", "1a30_ligand.sdf"), U("1a30", "1a30_ligand.sdf"), [], []));
        list.Add(new("8AJX", U("8AJX", "8AJX_receptor.pdb"), U("8AJX", "8AJX_ligand_ori.sdf"), U("8AJX", "8AJX_ligand_ori.sdf"),
            JsonBox(U("8AJX", "docking_grid.json")).Item1, JsonBox(U("8AJX", "docking_grid.json")).Item2));
        return list;
    }

    public static Complex Get(string id) => All().Single(c => c.Id == id);

    static (double[], double[]) FldBox(string fld)
    {
        double spacing = 0; int[] n = []; double[] center = [];
        foreach (var l in File.ReadLines(fld))
        {
            if (l.StartsWith("#SPACING")) spacing = double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            if (l.StartsWith("#NELEMENTS")) n = l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(int.Parse).ToArray();
            if (l.StartsWith("#CENTER")) center = l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        }
        return (center, n.Select(k => (k - 1) * spacing).ToArray());
    }

    static (double[], double[]) JsonBox(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var r = doc.RootElement;
        return ([r.GetProperty("center_x").GetDouble(), r.GetProperty("center_y").GetDouble(), r.GetProperty("center_z").GetDouble()],
            [r.GetProperty("size_x").GetDouble(), r.GetProperty("size_y").GetDouble(), r.GetProperty("size_z").GetDouble()]);
    }
}
