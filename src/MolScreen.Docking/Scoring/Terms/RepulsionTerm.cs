namespace MolScreen.Docking.Scoring.Terms;

/// <summary>Overlap penalty: d² for a negative surface distance d, else 0.</summary>
public static class RepulsionTerm
{
    public static float Eval(float d) => d < 0 ? d * d : 0f;
}
