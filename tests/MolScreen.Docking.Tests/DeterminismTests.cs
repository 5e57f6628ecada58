using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

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
}
