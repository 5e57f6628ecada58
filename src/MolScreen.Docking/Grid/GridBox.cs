using MolScreen.Docking.Structure;

namespace MolScreen.Docking.Grid;

/// <summary>
/// The search box and its map lattice. Like Vina, each side gets n = ceil(size/spacing) intervals centred on the box centre,
/// so the lattice spans n·spacing and has n+1 points per axis.
/// </summary>
public sealed record GridBox(float CenterX, float CenterY, float CenterZ, float SizeX, float SizeY, float SizeZ, float Spacing = GridBox.DefaultSpacing)
{
    public const float DefaultSpacing = 0.375f;
    /// <summary>Largest side accepted (Å); beyond that the maps would not fit in memory and the search would be meaningless.</summary>
    public const float MaxSide = 126f;

    public int IntervalsX => (int)MathF.Ceiling(SizeX / Spacing);
    public int IntervalsY => (int)MathF.Ceiling(SizeY / Spacing);
    public int IntervalsZ => (int)MathF.Ceiling(SizeZ / Spacing);
    public float OriginX => CenterX - IntervalsX * Spacing / 2;
    public float OriginY => CenterY - IntervalsY * Spacing / 2;
    public float OriginZ => CenterZ - IntervalsZ * Spacing / 2;
    public float EndX => OriginX + IntervalsX * Spacing;
    public float EndY => OriginY + IntervalsY * Spacing;
    public float EndZ => OriginZ + IntervalsZ * Spacing;

    /// <summary>Throws a clear error for boxes that cannot be searched.</summary>
    public GridBox Validate()
    {
        float[] v = [CenterX, CenterY, CenterZ, SizeX, SizeY, SizeZ, Spacing];
        if (v.Any(f => !float.IsFinite(f))) throw new DockingException("box: center/size must be finite numbers");
        if (SizeX <= 0 || SizeY <= 0 || SizeZ <= 0) throw new DockingException($"box: every side must be > 0 Å (got {SizeX}×{SizeY}×{SizeZ})");
        if (SizeX > MaxSide || SizeY > MaxSide || SizeZ > MaxSide) throw new DockingException($"box: sides above {MaxSide} Å are not supported (got {SizeX}×{SizeY}×{SizeZ})");
        if (Spacing < 0.1f || Spacing > 2f) throw new DockingException($"box: spacing {Spacing} Å outside 0.1–2 Å");
        return this;
    }

    public bool Contains(float x, float y, float z) =>
        x >= OriginX && x <= EndX && y >= OriginY && y <= EndY && z >= OriginZ && z <= EndZ;

    /// <summary>
    /// Box around a reference ligand as in the Vina baseline: centre = heavy-atom centroid, side = max(minSide, extent + padding).
    /// </summary>
    public static GridBox FromLigand(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, float padding = 10f, float minSide = 20f)
    {
        if (x.Length == 0) throw new DockingException("box: reference ligand has no atoms");
        float cx = 0, cy = 0, cz = 0;
        float minX = float.MaxValue, minY = float.MaxValue, minZ = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue, maxZ = float.MinValue;
        for (int i = 0; i < x.Length; i++)
        {
            cx += x[i]; cy += y[i]; cz += z[i];
            minX = MathF.Min(minX, x[i]); maxX = MathF.Max(maxX, x[i]);
            minY = MathF.Min(minY, y[i]); maxY = MathF.Max(maxY, y[i]);
            minZ = MathF.Min(minZ, z[i]); maxZ = MathF.Max(maxZ, z[i]);
        }
        int n = x.Length;
        return new GridBox(cx / n, cy / n, cz / n, MathF.Max(minSide, maxX - minX + padding), MathF.Max(minSide, maxY - minY + padding),
            MathF.Max(minSide, maxZ - minZ + padding)).Validate();
    }

    /// <summary>Box around the heavy atoms of a ligand model (hydrogens ignored).</summary>
    public static GridBox FromLigand(LigandModel lig, float padding = 10f, float minSide = 20f)
    {
        var idx = Enumerable.Range(0, lig.AtomCount).Where(i => !Typing.AdType.IsHydrogen(lig.Ad[i])).ToArray();
        return FromLigand(idx.Select(i => lig.X[i]).ToArray(), idx.Select(i => lig.Y[i]).ToArray(), idx.Select(i => lig.Z[i]).ToArray(), padding, minSide);
    }

    /// <summary>Box around receptor residues given as "A:123" or "123" (chain optional), padded like a ligand box.</summary>
    public static GridBox FromResidues(Receptor receptor, IEnumerable<string> residues, float padding = 10f, float minSide = 20f)
    {
        var wanted = residues.Select(r => r.Trim()).ToList();
        var idx = new List<int>();
        for (int i = 0; i < receptor.Count; i++)
        {
            var rec = receptor.Records[i];
            string num = rec.ResidueNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + (rec.InsertionCode == ' ' ? "" : rec.InsertionCode.ToString());
            if (wanted.Contains(num) || wanted.Contains($"{rec.Chain}:{num}")) idx.Add(i);
        }
        if (idx.Count == 0) throw new DockingException($"box: none of the residues {string.Join(",", wanted)} is in the receptor");
        return FromLigand(idx.Select(i => receptor.X[i]).ToArray(), idx.Select(i => receptor.Y[i]).ToArray(), idx.Select(i => receptor.Z[i]).ToArray(), padding, minSide);
    }
}
