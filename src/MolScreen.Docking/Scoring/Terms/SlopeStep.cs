namespace MolScreen.Docking.Scoring.Terms;

/// <summary>Vina's piecewise-linear switch: 1 at or beyond "good", 0 at or beyond "bad", linear between.</summary>
public static class SlopeStep
{
    public static float Eval(float bad, float good, float d)
    {
        if (bad < good)
        {
            if (d <= bad) return 0f;
            if (d >= good) return 1f;
        }
        else
        {
            if (d >= bad) return 0f;
            if (d <= good) return 1f;
        }
        return (d - bad) / (good - bad);
    }
}
