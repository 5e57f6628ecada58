using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Tests;

/// <summary>Same seed → bit-identical poses, whatever the number of threads; another seed → a different search.</summary>
public sealed class DeterminismTests
{
    static (Receptor, LigandModel) Toy()
    {
        // a small pocket: a ring of receptor carbons and oxygens around the origin
        var lines = new List<string>();
        int serial = 1;
        for (int k = 0; k < 24; k++)
        {
            float a = k * MathF.PI / 12;
            lines.Add(SyntheticInputs.PdbAtom(serial++, "C" + (k % 9), ' ', "ALA", 'A', k, ' ', 5 * MathF.Cos(a), 5 * MathF.Sin(a), (k % 3) - 1f, 1, k % 4 == 0 ? "O" : "C"));
        }
        var receptor = ReceptorReader.Parse(lines, "toy", false, new ReceptorOptions());
        var lig = LigandReader.Parse(SyntheticInputs.ChainLigand(3, shiftX: -2f), "chain");
        return (receptor, lig);
    }

    static byte[] Bytes(DockingResult r)
    {
        var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        foreach (var p in r.Poses)
        {
            w.Write(p.Score); w.Write(p.Inter); w.Write(p.Intra); w.Write(p.RmsdLb); w.Write(p.RmsdUb);
            foreach (var v in p.X.Concat(p.Y).Concat(p.Z).Concat(p.Terms)) w.Write(v);
        }
        w.Flush();
        return ms.ToArray();
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes_across_thread_counts()
    {
        var (receptor, lig) = Toy();
        var engine = new DockingEngine(receptor, new GridBox(0, 0, 0, 16, 16, 16), ScoringWeights.Vina);
        var options = new DockingOptions { Exhaustiveness = 4, Mode = SearchMode.Fast, Seed = 42 };
        var a = Bytes(engine.Dock(lig, options with { MaxThreads = 4 }));
        var b = Bytes(engine.Dock(lig, options with { MaxThreads = 1 }));
        var c = Bytes(engine.Dock(lig, options with { Seed = 43 }));
        Assert.NotEmpty(a);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Quick_mode_is_deterministic_and_spends_fewer_evaluations()
    {
        var (receptor, lig) = Toy();
        var engine = new DockingEngine(receptor, new GridBox(0, 0, 0, 16, 16, 16), ScoringWeights.Vina);
        var balance = new DockingOptions { Exhaustiveness = 4, Mode = SearchMode.Balance, Seed = 42, Steps = 2000 };
        var quick = balance with { Mode = SearchMode.Quick };
        Assert.True(quick.SkipVisited && quick.Patience > 0f && !balance.SkipVisited && balance.Patience == 0f);
        var a = engine.Dock(lig, quick with { MaxThreads = 4 });
        var b = engine.Dock(lig, quick with { MaxThreads = 1 });
        Assert.Equal(Bytes(a), Bytes(b));
        var full = engine.Dock(lig, balance);
        Assert.True(a.Evaluations < full.Evaluations / 2, $"quick {a.Evaluations} evaluations vs balance {full.Evaluations}");
    }

    [Fact]
    public void A_chain_run_in_rounds_follows_the_same_trajectory_as_at_once()
    {
        var (receptor, lig) = Toy();
        var engine = new DockingEngine(receptor, new GridBox(0, 0, 0, 16, 16, 16), ScoringWeights.Vina);
        var kin = new LigandKinematics(lig);
        var energy = new PoseEnergy(lig, kin, engine.MapsFor([lig]), engine.Tables.Weighted);
        int[] heavy = Enumerable.Range(0, lig.AtomCount).Where(i => !AdType.IsHydrogen(lig.Ad[i])).ToArray();
        var once = new MonteCarloChain(energy, heavy);
        var a = once.Run(7, 3, 600, DockingEngine.LocalSteps(lig), 150, 1f, 9, skipVisited: true);
        var pieces = new MonteCarloChain(energy, heavy);
        pieces.Start(7, 3, DockingEngine.LocalSteps(lig), 150, 1f, 9, skipVisited: true);
        foreach (int until in new[] { 1, 37, 38, 300, 600 }) pieces.Advance(until);
        var b = pieces.Minima();
        Assert.Equal(once.Evaluations, pieces.Evaluations);
        Assert.Equal(a.Count, b.Count);
        for (int k = 0; k < a.Count; k++) { Assert.Equal(a[k].Energy, b[k].Energy); Assert.Equal(a[k].Conf, b[k].Conf); }
    }

    [Fact]
    public void Cross_chain_consensus_is_deterministic_and_ends_an_easy_search_early()
    {
        var (receptor, lig) = Toy();
        var engine = new DockingEngine(receptor, new GridBox(0, 0, 0, 16, 16, 16), ScoringWeights.Vina);
        // the toy ring pocket is flat (the best poses lie within 0.06 kcal/mol of each other, 1.4–2.8 Å apart), so chains
        // agree only with a radius wider than quick mode's
        var quick = new DockingOptions { Exhaustiveness = 8, Mode = SearchMode.Quick, Seed = 42, Steps = 2000, Patience = 0.5f, ConsensusRmsd = 3f };
        Assert.True(quick.Consensus > 0f && new DockingOptions().Consensus == 0f);
        var a = engine.Dock(lig, quick with { MaxThreads = 4 });
        var b = engine.Dock(lig, quick with { MaxThreads = 1 });
        Assert.Equal(Bytes(a), Bytes(b));
        Assert.Equal(a.Evaluations, b.Evaluations);
        var alone = engine.Dock(lig, quick with { Consensus = 0f });
        Assert.True(a.Evaluations < alone.Evaluations, $"consensus {a.Evaluations} evaluations vs per-chain patience alone {alone.Evaluations}");
        Assert.True(a.Poses[0].Score <= alone.Poses[0].Score + 0.5f, $"consensus top score {a.Poses[0].Score} vs {alone.Poses[0].Score}");
    }
}
