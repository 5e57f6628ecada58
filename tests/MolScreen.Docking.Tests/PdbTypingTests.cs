using MolScreen.Docking.Structure;
using MolScreen.Docking.Typing;
using Xunit.Abstractions;

namespace MolScreen.Docking.Tests;

/// <summary>
/// Our typing of plain PDB receptors (no hydrogens; donors from residue templates) against the X-Score types Vina derives
/// from the Open Babel PDBQT the baseline used, atom by atom (matched by coordinates) near the ligand, where typing matters.
/// The two disagree by design on a few atoms: histidine tautomers (we take HIE), Trp NE1 (a donor for us; Open Babel leaves
/// it without H, so an acceptor) and Arg NH1/NH2 (Open Babel also marks them acceptors). Up to 10% may differ.
/// </summary>
public sealed class PdbTypingTests(ITestOutputHelper log)
{
    [SharedDataFact]
    public void Pdb_receptor_typing_matches_open_babel_preparation_near_the_ligand()
    {
        string work = Directory.CreateTempSubdirectory("dock-typing-").FullName;
        var failures = new List<string>();
        foreach (var c in Complex.All().Where(c => c.Receptor.EndsWith(".pdb")))
        {
            var ours = ReceptorReader.Read(c.Receptor);
            var theirs = ReceptorReader.Read(Peers.ObabelReceptor(c.Receptor, work));
            var lig = LigandReader.Read(c.Ligand.EndsWith(".pdbqt") ? c.Ligand : Peers.ObabelLigand(c.Ligand, work));
            var index = new Dictionary<(int, int, int), int>();
            for (int i = 0; i < theirs.Count; i++) index[Key(theirs.X[i], theirs.Y[i], theirs.Z[i])] = i;
            int compared = 0, differ = 0;
            for (int i = 0; i < ours.Count; i++)
            {
                if (ours.Xs[i] < 0 || !NearLigand(ours, i, lig)) continue;
                if (!index.TryGetValue(Key(ours.X[i], ours.Y[i], ours.Z[i]), out int j)) continue;
                compared++;
                if (ours.Xs[i] != theirs.Xs[j])
                {
                    differ++;
                    var r = ours.Records[i];
                    log.WriteLine($"{c.Id}: {r.ResidueName}{r.ResidueNumber}{r.Chain} {r.Name}: ours {XsType.Name(ours.Xs[i])}, obabel {XsType.Name(theirs.Xs[j])}");
                }
            }
            log.WriteLine($"{c.Id}: {compared} heavy atoms within 8 Å of the ligand compared, {differ} typed differently");
            if (compared == 0 || differ > 0.10 * compared) failures.Add($"{c.Id}: {differ}/{compared} differ");
        }
        Directory.Delete(work, true);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    static (int, int, int) Key(float x, float y, float z) => ((int)MathF.Round(x * 100), (int)MathF.Round(y * 100), (int)MathF.Round(z * 100));

    static bool NearLigand(Receptor r, int i, LigandModel lig)
    {
        for (int k = 0; k < lig.AtomCount; k++)
        {
            float dx = r.X[i] - lig.X[k], dy = r.Y[i] - lig.Y[k], dz = r.Z[i] - lig.Z[k];
            if (dx * dx + dy * dy + dz * dz < 64f) return true;
        }
        return false;
    }
}
