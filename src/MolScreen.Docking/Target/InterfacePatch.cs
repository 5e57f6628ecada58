namespace MolScreen.Docking.Target;

/// <summary>
/// The densest part of an RNA interface. A ribosomal protein touches RNA over most of its surface, so a box around the
/// whole interface would be as large as the protein and no pocket at all; the patch is the interface residues within
/// a radius of the residue whose neighbourhood carries the most interface probability (Σ p within the radius), so on a
/// predicted interface confident residues pull the pocket towards them.
/// </summary>
public static class InterfacePatch
{
    public static InterfaceSite Of(InterfaceSite site, float radius)
    {
        if (radius <= 0 || site.Residues.Count == 0) return site;
        var centres = site.Residues.Select(Centre).ToArray();
        float r2 = radius * radius;
        int best = 0;
        double bestMass = double.NegativeInfinity;
        for (int i = 0; i < centres.Length; i++)
        {
            double mass = 0;
            for (int j = 0; j < centres.Length; j++)
                if (Distance2(centres[i], centres[j]) <= r2) mass += site.Residues[j].Probability;
            if (mass > bestMass) { bestMass = mass; best = i; } // ties keep the first residue: the result does not depend on anything but the input
        }
        var patch = site.Residues.Where((_, j) => Distance2(centres[best], centres[j]) <= r2).ToList();
        return new InterfaceSite(site.Source, patch);
    }

    static (float X, float Y, float Z) Centre(InterfaceSiteResidue r) =>
        r.X.Length == 0 ? (float.NaN, float.NaN, float.NaN) : (r.X.Average(), r.Y.Average(), r.Z.Average());

    static float Distance2((float X, float Y, float Z) a, (float X, float Y, float Z) b)
    {
        float dx = a.X - b.X, dy = a.Y - b.Y, dz = a.Z - b.Z;
        return dx * dx + dy * dy + dz * dz;
    }
}
