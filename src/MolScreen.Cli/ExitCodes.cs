using MolScreen.Core.IO;
using MolScreen.Ingest.Formats;
using MolScreen.Workflow.Definition;

namespace MolScreen.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}

/// <summary>Maps exceptions that escape a command to a message on stderr and an exit code.</summary>
public static class CommandRunner
{
    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try { return await action(); }
        catch (UsageException e) { Console.Error.WriteLine($"error: {SafeText.ForDisplay(e.Message)}"); return ExitCodes.Usage; }
        catch (WorkflowException e) { Console.Error.WriteLine($"error: {SafeText.ForDisplay(e.Message)}"); return ExitCodes.Usage; }
        catch (InputFormatException e) { Console.Error.WriteLine($"error: {SafeText.ForDisplay(e.Message)}"); return ExitCodes.Usage; }
        catch (OperationCanceledException) { Console.Error.WriteLine("cancelled"); return ExitCodes.Failure; }
        catch (Exception e) when (Environment.GetEnvironmentVariable("MOLSCREEN_DEBUG") != "1")
        {
            Console.Error.WriteLine($"error: {SafeText.ForDisplay(e.Message)}");
            return ExitCodes.Failure;
        }
    }
}

/// <summary>The user asked for something that cannot be done as asked (bad argument, missing run).</summary>
public sealed class UsageException(string message) : Exception(message);
