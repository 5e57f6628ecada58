namespace MolScreen.Chemistry.Smarts;

/// <summary>A SMARTS string that cannot be parsed; <see cref="Position"/> is the 0-based offset of the problem.</summary>
public sealed class SmartsException : FormatException
{
    public SmartsException(string smarts, int position, string problem)
        : base($"{problem} at position {position} in SMARTS '{smarts}'")
    {
        Smarts = smarts;
        Position = position;
        Problem = problem;
    }

    public string Smarts { get; }
    public int Position { get; }
    public string Problem { get; }
}
