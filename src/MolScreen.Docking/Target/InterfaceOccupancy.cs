namespace MolScreen.Docking.Target;

/// <summary>How much of the RNA interface a pose covers.</summary>
public static class InterfaceOccupancy
{
    /// <summary>A residue is contacted when any of its heavy atoms lies within this many Å of a ligand heavy atom.</summary>
    public const float ContactCutoff = 4f;

    /// <summary>
    /// Occupancy = Σ p·contacted / Σ p over the interface residues (p = interface probability, 1 on a complex), so a pose
    /// touching every residue scores 1 and one touching none 0; also the labels of the contacted residues, in site order.
    /// </summary>
    public static (double Occupancy, IReadOnlyList<string> Contacts) Of(InterfaceSite site, float[] x, float[] y, float[] z, IReadOnlyList<int> heavy)
    {
        const float c2 = ContactCutoff * ContactCutoff;
        double weight = 0, covered = 0;
        var contacts = new List<string>();
        foreach (var r in site.Residues)
        {
            weight += r.Probability;
            bool hit = false;
            for (int a = 0; a < r.X.Length && !hit; a++)
                foreach (int i in heavy)
                {
                    float dx = x[i] - r.X[a], dy = y[i] - r.Y[a], dz = z[i] - r.Z[a];
                    if (dx * dx + dy * dy + dz * dz <= c2) { hit = true; break; }
                }
            if (!hit) continue;
            covered += r.Probability;
            contacts.Add(r.Label);
        }
        return (weight > 0 ? covered / weight : 0, contacts);
    }
}
