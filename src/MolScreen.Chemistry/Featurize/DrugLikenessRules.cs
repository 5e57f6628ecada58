namespace MolScreen.Chemistry.Featurize;

/// <summary>Lipinski's rule of five (at most one violation allowed) and Veber's oral-bioavailability rule.</summary>
public static class DrugLikenessRules
{
    public static IReadOnlyList<string> Ro5Violations(double mw, double clogp, int hbd, int hba)
    {
        var v = new List<string>(4);
        if (mw > 500) v.Add("MW>500");
        if (clogp > 5) v.Add("cLogP>5");
        if (hbd > 5) v.Add("HBD>5");
        if (hba > 10) v.Add("HBA>10");
        return v;
    }

    public static bool PassesRo5(IReadOnlyList<string> violations) => violations.Count <= 1;

    public static bool PassesVeber(int rotatableBonds, double tpsa) => rotatableBonds <= 10 && tpsa <= 140;
}
