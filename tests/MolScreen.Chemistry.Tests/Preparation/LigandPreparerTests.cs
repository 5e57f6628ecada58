using System.Globalization;
using MolScreen.Chemistry.Preparation;
using MolScreen.Chemistry.Tests.OpenBabel;

namespace MolScreen.Chemistry.Tests.Preparation;

[Collection(OpenBabelCollection.Name)]
public sealed class LigandPreparerTests
{
    private static PreparedLigand Prepare(string smiles, PreparationOptions? options = null) =>
        new LigandPreparer(options ?? new PreparationOptions()).Prepare("t", "smiles", smiles);

    [Theory]
    [InlineData("CCCC", 1)]                 // only the central C-C moves heavy atoms
    [InlineData("CC(=O)NC", 0)]             // amide C-N rigid, both other bonds end in a methyl
    [InlineData("Oc1ccccc1", 1)]            // the hydroxyl turns its donor hydrogen (HD stays in the PDBQT), as in ADT/Meeko
    [InlineData("Cc1ccccc1", 0)]            // a methyl turns only merged hydrogens
    [InlineData("Nc1ccccc1", 0)]            // Meeko leaves NH2 ends out
    [InlineData("c1ccccc1-c1ccccc1", 1)]
    [InlineData("CC#CCc1ccccc1", 1)]        // bonds to the sp carbons are degenerate
    [InlineData("CCOC(=O)c1ccccc1", 3)]     // ester C-O counts, unlike the amide
    [InlineData("C1CCCCC1", 0)]
    public void Counts_rotatable_bonds_like_meeko(string smiles, int torsions)
    {
        var ligand = Prepare(smiles, new PreparationOptions { Ph = null });
        Assert.Equal(torsions, ligand.Tree.Torsions);
        Assert.Equal(torsions, VinaInteropTests.TorsDof(ligand.Pdbqt));
    }

    [Fact]
    public void Types_nitrogen_acceptors_and_polar_hydrogens()
    {
        // Pyridine N accepts; the anilide N (amide, next to an aromatic ring) does not.
        var ligand = Prepare("c1ccncc1NC(=O)C", new PreparationOptions { Ph = null });
        var c = ligand.Atoms.Conformer;
        var nTypes = Enumerable.Range(0, c.AtomCount).Where(a => c.AtomicNumber[a] == 7).Select(a => ligand.Ad4Types[a]).Order().ToArray();
        Assert.Equal(["N", "NA"], nTypes);
        Assert.Single(ligand.Ad4Types, t => t == "HD");
        Assert.Contains("A", ligand.Ad4Types);
        Assert.Contains("OA", ligand.Ad4Types);
    }

    [Fact]
    public void Protonates_amines_and_acids_at_ph_7_4()
    {
        var ligand = Prepare("NCCC(=O)O");
        Assert.Equal(0, ligand.Atoms.Charges.FormalCharge.Sum());
        Assert.Contains(1, ligand.Atoms.Charges.FormalCharge);
        Assert.Contains(-1, ligand.Atoms.Charges.FormalCharge);
        // The ammonium N is a cation: not an acceptor, with three HD.
        Assert.Equal(3, ligand.Ad4Types.Count(t => t == "HD"));
    }

    [Fact]
    public void Pdbqt_has_the_layout_vina_reads()
    {
        var ligand = Prepare("CC(C)Cc1ccc(cc1)C(C)C(=O)O"); // ibuprofen, carboxylate at pH 7.4
        var lines = ligand.Pdbqt.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var atoms = lines.Where(l => l.StartsWith("ATOM  ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(1, lines.Count(l => l == "ROOT"));
        Assert.Equal(ligand.Tree.Torsions, lines.Count(l => l.StartsWith("BRANCH", StringComparison.Ordinal)));
        Assert.Equal(ligand.Tree.Torsions, lines.Count(l => l.StartsWith("ENDBRANCH", StringComparison.Ordinal)));
        // Merged hydrogens: heavy atoms plus polar H only (none here: the acid is deprotonated).
        Assert.Equal(ligand.HeavyAtoms, atoms.Length);
        Assert.Equal(Enumerable.Range(1, atoms.Length), atoms.Select(l => int.Parse(l[6..11], CultureInfo.InvariantCulture)));
        // Charges (columns 71-76) keep the molecule's net charge after merging.
        double net = atoms.Sum(l => double.Parse(l.Substring(70, 6), CultureInfo.InvariantCulture));
        Assert.InRange(net, -1.01, -0.99);
        Assert.All(atoms, l => Assert.Contains(l[77..].Trim(), new[] { "C", "A", "OA" }));
        // Each BRANCH names atoms that exist and whose child opens the branch.
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("BRANCH", StringComparison.Ordinal)) continue;
            int child = int.Parse(lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture);
            Assert.Equal(child, int.Parse(lines[i + 1][6..11], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Root_is_the_centre_of_the_fragment_tree()
    {
        // Three rings on a chain: the middle ring is the root, both ends hang one level below it.
        var ligand = Prepare("c1ccccc1Cc1ccc(cc1)Cc1ccccc1", new PreparationOptions { Ph = null });
        Assert.Equal(4, ligand.Tree.Torsions);
        Assert.Equal(2, ligand.Tree.Branches.Count(b => b.ParentFragment == 0));
        int middleRingAtom = 7; // first atom of the middle ring in SMILES order
        Assert.Equal(0, ligand.Tree.AtomFragment[middleRingAtom]);
    }

    [Theory]
    [InlineData("CCCCCCCCCCO", 9)]                                      // decanol: the hydroxyl torsion comes only with 3D
    [InlineData("CC(=O)NCC#CC", 1)]                                     // amide and the bonds next to the triple bond stay rigid
    [InlineData("CC(C)Cc1ccc(cc1)C(C)C(=O)O", 4)]                      // ibuprofen: the acid's OH is deprotonated at pH 7.4
    [InlineData("CN1CCC[C@H]1c1cccnc1", 1)]                             // nicotine
    [InlineData("O=C(Nc1ccc(cc1)O)C", 2)]                               // paracetamol: amide rigid; aryl-N and the phenol OH turn
    public void Torsion_floor_before_3D_never_exceeds_the_tree(string smiles, int tree)
    {
        // The floor lets prepare reject before 3D; a floor above the tree's count would reject a dockable molecule.
        var ligand = Prepare(smiles);
        using var mol = MolScreen.Chemistry.OpenBabel.ObMolecule.FromSmiles(smiles);
        mol.Protonate(7.4);
        int floor = RotatableBonds.HeavyAtomTorsions(mol.ToGraph());
        Assert.Equal(tree, ligand.Tree.Torsions);
        Assert.InRange(floor, ligand.Tree.Torsions - CountPolarRotors(ligand), ligand.Tree.Torsions);
    }

    // Torsions that turn only a donor hydrogen (hydroxyl, thiol, ammonium): the part of the tree the floor cannot see.
    private static int CountPolarRotors(PreparedLigand ligand) =>
        RotatableBonds.Find(ligand.Atoms).Count(b =>
        {
            int a = ligand.Atoms.Conformer.BondBegin[b], c = ligand.Atoms.Conformer.BondEnd[b];
            bool OnlyH(int x, int partner) => ligand.Atoms.Neighbours[x].All(n => n.Atom == partner || ligand.Atoms.IsHydrogen(n.Atom));
            return OnlyH(a, c) || OnlyH(c, a);
        });

    [Theory]
    [InlineData("C[Si](C)(C)C", "unsupported element(s) for docking: Si")]
    [InlineData("CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC", "at least 37 torsions > max_torsions 32")]
    public void Rejects_what_cannot_be_docked(string smiles, string reason)
    {
        var e = Assert.Throws<ChemistryException>(() => Prepare(smiles));
        Assert.Equal(reason, e.Message);
    }

    [Fact]
    public void Rejects_molecules_above_the_heavy_atom_limit()
    {
        var e = Assert.Throws<ChemistryException>(() => Prepare("CCCCCCCCCCC", new PreparationOptions { MaxHeavyAtoms = 10 }));
        Assert.Equal("11 heavy atoms > max_heavy_atoms 10", e.Message);
    }

    [Fact]
    public void Uff_alone_when_asked()
    {
        var ligand = Prepare("CCO", new PreparationOptions { ForceField = MolScreen.Chemistry.Conformers.ForceField.Uff });
        Assert.Equal(MolScreen.Chemistry.Conformers.ForceField.Uff, ligand.ForceField);
        Assert.Equal(MolScreen.Chemistry.Conformers.ForceField.Mmff94, Prepare("CCO").ForceField);
    }
}
