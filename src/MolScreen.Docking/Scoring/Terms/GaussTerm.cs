namespace MolScreen.Docking.Scoring.Terms;

/// <summary>Steric attraction: exp(−((d − offset)/width)²) of the surface distance d (Vina gauss1/gauss2, Vinardo gauss).</summary>
public static class GaussTerm
{
    public static float Eval(float d, float offset, float width)
    {
        float t = (d - offset) / width;
        return MathF.Exp(-t * t);
    }
}
