namespace MolScreen.Chemistry.Smarts;

/// <summary>A SMARTS string that cannot be parsed; <see cref="Position"/> is the 0-based offset of the problem.</summary>
public sealed class SmartsException : FormatException
{
    public SmartsException(string smarts, int position, string problem)
        : base($"{problem} at position {position} in SMARTS '{Shown(smarts)}'")
    {
        Smarts = smarts;
        Position = position;
        Problem = problem;
    }

    /// <summary>Long patterns are shortened in the message (the full text stays in <see cref="Smarts"/>).</summary>
    private static string Shown(string smarts) =>
        MolScreen.Core.IO.SafeText.ForDisplay(smarts.Length <= 100 ? smarts : smarts[..100] + $"… ({smarts.Length} characters)");

    public string Smarts { get; }
    public int Position { get; }
    public string Problem { get; }
}
