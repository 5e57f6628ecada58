using MolScreen.Chemistry.Conformers;
using MolScreen.Chemistry.OpenBabel;
using MolScreen.Chemistry.Smarts;

namespace MolScreen.Chemistry.Preparation;

/// <summary>
/// One molecule from SMILES (or an SD record) to a ready-to-dock ligand: protonation at the
/// chosen pH (OpenBabel's model), hydrogens, one 3D conformer (OBBuilder + MMFF94 clean-up,
/// UFF when MMFF94 lacks parameters; refined or rebuilt when it does not settle), Gasteiger charges, AD4 types and the torsion tree.
/// Throws <see cref="ChemistryException"/> with the reason for molecules that cannot be
/// docked (no 3D, too many torsions or heavy atoms, unsupported elements). Not thread-safe
/// (OpenBabel): one preparer per worker process.
/// </summary>
public sealed class LigandPreparer(PreparationOptions options)
{
    public PreparationOptions Options { get; } = options;

    /// <param name="format">"smiles" or "molblock".</param>
    /// <remarks>A pure function of (structure, options): the conformer's seed comes from <see cref="PreparationOptions.Seed"/>
    /// and the structure text, not from the id or from molecules prepared before it.</remarks>
    public PreparedLigand Prepare(string id, string format, string structure)
    {
        using var mol = format switch
        {
            "smiles" => ObMolecule.FromSmiles(structure),
            "molblock" => ObMolecule.FromMolblock(structure),
            _ => throw new ArgumentException($"unknown structure format '{format}' (expected smiles or molblock)", nameof(format)),
        };
        var graph = CheckComposition(mol);
        // protonation can change amide and terminal-donor status, so the torsion floor reads the protonated graph
        if (Options.Ph is { } ph) { mol.Protonate(ph); graph = mol.ToGraph(); }
        int floor = RotatableBonds.HeavyAtomTorsions(graph);
        if (floor > Options.MaxTorsions)
            throw new ChemistryException(ChemistryErrorKind.Unsupported,
                $"at least {floor} torsions > max_torsions {Options.MaxTorsions}");
        // A record's own pose is kept as it is (nothing to rebuild); a built conformer must pass the
        // acceptance checks, or the molecule goes to rejects with the reason.
        var build = Options.KeepInputCoordinates
            ? new ConformerBuild(mol.ConformerFromInput(), 0, 0)
            : ConformerBuilder.Build(mol, Options.ForceField, Options.MinimizationSteps, Options.Build,
                Core.Stages.RecordSeed.Of(Options.Seed, structure));
        var conformer = build.Conformer;
        var atoms = new LigandAtoms(conformer, mol.ReadConformerCharges());
        var types = Ad4AtomTypes.Assign(atoms);
        var tree = TorsionTree.Build(atoms, RotatableBonds.Find(atoms));
        if (tree.Torsions > Options.MaxTorsions)
            throw new ChemistryException(ChemistryErrorKind.Unsupported,
                $"{tree.Torsions} torsions > max_torsions {Options.MaxTorsions}");
        return new PreparedLigand
        {
            Id = id, Smiles = mol.CanonicalSmiles, Atoms = atoms, Ad4Types = types, Tree = tree,
            BuildAttempts = build.Builds, RefineSteps = build.ExtraSteps,
        };
    }

    // Checked before the (costly) 3D build, on the graph as read (returned for the torsion floor).
    private Molecules.MolGraph CheckComposition(ObMolecule mol)
    {
        var graph = mol.ToGraph();
        int heavy = graph.AtomicNumber.Count(z => z != 1);
        if (heavy == 0) throw new ChemistryException(ChemistryErrorKind.Unsupported, "no heavy atoms");
        if (heavy > Options.MaxHeavyAtoms)
            throw new ChemistryException(ChemistryErrorKind.Unsupported, $"{heavy} heavy atoms > max_heavy_atoms {Options.MaxHeavyAtoms}");
        var unsupported = graph.AtomicNumber.Where(z => !Ad4AtomTypes.Supported.Contains(z)).Distinct().ToArray();
        if (unsupported.Length > 0)
            throw new ChemistryException(ChemistryErrorKind.Unsupported,
                "unsupported element(s) for docking: " + string.Join(", ", unsupported.Select(ElementSymbols.Symbol)));
        if (graph.AtomCount > 1 && Fragments(graph) > 1)
            throw new ChemistryException(ChemistryErrorKind.Unsupported, "more than one fragment (standardize first)");
        return graph;
    }

    private static int Fragments(Molecules.MolGraph g)
    {
        var parent = Enumerable.Range(0, g.AtomCount).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (int b = 0; b < g.BondBegin.Length; b++) parent[Find(g.BondBegin[b])] = Find(g.BondEnd[b]);
        return Enumerable.Range(0, g.AtomCount).Select(Find).Distinct().Count();
    }
}
